package org.kassa.payment.merchant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.kassa.compliance.text.RandomTokens;
import org.kassa.compliance.text.Sha256;

/**
 * A merchant's secret API key, e.g. {@code sk_test_...}. The key itself is never stored: a SHA-256
 * hash is enough because keys are long random strings (a slow password hash protects low-entropy
 * secrets, which these are not) and lets Kassa find the merchant by hash.
 */
public final class ApiKey {

  private ApiKey() {}

  /** A new random key (190 bits of entropy). */
  public static String generate() {
    return "sk_live_" + randomToken(32);
  }

  /** A random base62 token of {@code length} characters, for keys and ids. */
  public static String randomToken(int length) {
    return RandomTokens.base62(length);
  }

  /** The stored form of a key: hex SHA-256. */
  public static String hash(String key) {
    return Sha256.hex(key);
  }

  /** Compares two stored hashes in time independent of where they differ. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  /** What the console may show of a key: its prefix and last four characters. */
  public static String hint(String key) {
    return key.substring(0, Math.min(3, key.length()))
        + "..."
        + key.substring(Math.max(0, key.length() - 4));
  }
}
