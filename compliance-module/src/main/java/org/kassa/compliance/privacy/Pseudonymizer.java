package org.kassa.compliance.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a piece of personal data (an email address, a customer id) into a stable pseudonymous id: a
 * keyed HMAC-SHA256, so the same person gets the same id everywhere without the id revealing who it
 * is, and without the key nobody can test a guess against it.
 */
@ApplicationScoped
public class Pseudonymizer {

  /** The documented default; production mode refuses to start with it. */
  public static final String DEMO_SECRET = "kassa-demo-pseudonym-secret-change-me";

  private final SecretKeySpec key;

  @Inject
  public Pseudonymizer(
      @ConfigProperty(name = "kassa.pseudonym.secret", defaultValue = DEMO_SECRET) String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** CDI needs a no-arg constructor for the client proxy. */
  protected Pseudonymizer() {
    this.key = null;
  }

  /**
   * The pseudonymous id of a subject, e.g. {@code sub_3f9a...}; null for null. The value is trimmed
   * and lower-cased first so that {@code Ann@Example.com} and {@code ann@example.com} are one
   * subject.
   */
  public String pseudonym(String personalValue) {
    if (personalValue == null || personalValue.isBlank()) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest =
          mac.doFinal(
              personalValue.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return "sub_" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /**
   * The pseudonymous id of a merchant's customer, known by the merchant's own customer id: scoped
   * to the merchant, since two merchants' customer {@code 42} are different people.
   */
  public String customer(String merchantRef, String customerId) {
    if (customerId == null || customerId.isBlank()) {
      return null;
    }
    return pseudonym("customer:" + merchantRef + ":" + customerId);
  }
}
