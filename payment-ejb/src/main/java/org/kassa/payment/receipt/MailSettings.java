package org.kassa.payment.receipt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.payment.webhook.RetrySchedule;

/**
 * The mail transport, from MicroProfile Config. Without {@code kassa.mail.host} receipts are off:
 * nothing is queued and nothing is sent. The password is never logged or shown.
 */
@ApplicationScoped
public class MailSettings {

  @Inject
  @ConfigProperty(name = "kassa.mail.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "kassa.mail.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "kassa.mail.from", defaultValue = "receipts@kassa.invalid")
  String from;

  @Inject
  @ConfigProperty(name = "kassa.mail.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "kassa.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "kassa.mail.starttls", defaultValue = "false")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "kassa.mail.ssl", defaultValue = "false")
  boolean ssl;

  @Inject
  @ConfigProperty(name = "kassa.mail.timeout", defaultValue = "PT10S")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "kassa.mail.batch-size", defaultValue = "20")
  int batchSize;

  @Inject
  @ConfigProperty(name = "kassa.mail.lease", defaultValue = "PT2M")
  Duration lease;

  @Inject
  @ConfigProperty(name = "kassa.mail.retry.first-delay", defaultValue = "PT1M")
  Duration firstDelay;

  @Inject
  @ConfigProperty(name = "kassa.mail.retry.max-delay", defaultValue = "PT1H")
  Duration maxDelay;

  @Inject
  @ConfigProperty(name = "kassa.mail.retry.window", defaultValue = "P2D")
  Duration window;

  private Session session;

  /** Whether a mail server is configured: receipts are queued and sent only then. */
  public boolean enabled() {
    return host.filter(h -> !h.isBlank()).isPresent();
  }

  /** The sender address of receipts. */
  public String from() {
    return from;
  }

  public int batchSize() {
    return batchSize;
  }

  /** The lease outlasts an exchange with the mail server, with room to record it. */
  public Duration lease() {
    Duration floor = timeout.multipliedBy(3);
    return lease.compareTo(floor) < 0 ? floor : lease;
  }

  public RetrySchedule retries() {
    return new RetrySchedule(firstDelay, maxDelay, window);
  }

  /**
   * The Jakarta Mail session for the configured server.
   *
   * @throws IllegalStateException when no server is configured
   */
  public synchronized Session session() {
    if (!enabled()) {
      throw new IllegalStateException("kassa.mail.host is not configured");
    }
    if (session == null) {
      Properties p = new Properties();
      String protocol = ssl ? "smtps" : "smtp";
      p.setProperty("mail.transport.protocol", protocol);
      p.setProperty("mail." + protocol + ".host", host.get().trim());
      p.setProperty("mail." + protocol + ".port", Integer.toString(port));
      String millis = Long.toString(timeout.toMillis());
      p.setProperty("mail." + protocol + ".connectiontimeout", millis);
      p.setProperty("mail." + protocol + ".timeout", millis);
      p.setProperty("mail." + protocol + ".writetimeout", millis);
      p.setProperty("mail." + protocol + ".starttls.enable", Boolean.toString(starttls));
      p.setProperty("mail." + protocol + ".starttls.required", Boolean.toString(starttls));
      p.setProperty("mail." + protocol + ".from", from);
      Authenticator authenticator = null;
      if (username.filter(u -> !u.isBlank()).isPresent()) {
        p.setProperty("mail." + protocol + ".auth", "true");
        String user = username.get();
        String secret = password.orElse("");
        authenticator =
            new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, secret);
              }
            };
      }
      session = Session.getInstance(p, authenticator);
    }
    return session;
  }
}
