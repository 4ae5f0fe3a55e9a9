package org.kassa.compliance.text;

import java.security.SecureRandom;

/** Random base62 tokens, for ids and secret keys: the one generator of every module. */
public final class RandomTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private RandomTokens() {}

  /** A random token of {@code length} base62 characters (5.95 bits each). */
  public static String base62(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
