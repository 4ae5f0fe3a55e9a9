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
    return "sub_" + hmac(personalValue.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * A keyed pseudonym of something that identifies a thing rather than a subject, e.g. {@code
   * card_3f9a...} for a card number or {@code ip_...} for an IP address: the same value gets the
   * same pseudonym, so monitoring can count it, but it cannot be read back or guessed without the
   * key. The kind is part of what is keyed, so equal values of two kinds do not meet. Null for
   * null.
   *
   * @param kind a short lower-case word: {@code card}, {@code ip}
   */
  public String pseudonym(String kind, String value) {
    if (!kind.matches("[a-z]{1,10}")) {
      throw new IllegalArgumentException("a pseudonym kind is a short lower-case word");
    }
    if (value == null || value.isBlank()) {
      return null;
    }
    return kind + "_" + hmac(kind + ":" + value.trim().toLowerCase(Locale.ROOT));
  }

  private String hmac(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
