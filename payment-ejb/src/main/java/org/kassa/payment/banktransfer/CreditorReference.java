package org.kassa.payment.banktransfer;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;

/**
 * A structured creditor reference (ISO 11649, "RF reference"): {@code RF}, two check digits, and up
 * to 21 letters and digits. Banks carry it in the remittance information and many check its digits
 * when the payer types it, so a typo is refused at the payer's bank instead of arriving unmatched.
 *
 * @param value the electronic form, e.g. {@code RF18539007547034}: upper case, no spaces
 */
public record CreditorReference(String value) {

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no I, no O
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Letters and digits Kassa puts in a new reference: enough to be unguessable and unique. */
  static final int NEW_BODY_LENGTH = 16;

  public CreditorReference {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException("not an ISO 11649 creditor reference: " + value);
    }
  }

  /** A new random reference ({@value #NEW_BODY_LENGTH} characters after RF and its digits). */
  public static CreditorReference random() {
    StringBuilder body = new StringBuilder(NEW_BODY_LENGTH);
    for (int i = 0; i < NEW_BODY_LENGTH; i++) {
      body.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return of(body.toString());
  }

  /** The reference for a body of 1 to 21 letters and digits: RF and the check digits in front. */
  public static CreditorReference of(String body) {
    String b = body.toUpperCase(Locale.ROOT);
    if (!b.matches("[A-Z0-9]{1,21}")) {
      throw new IllegalArgumentException("a reference body is 1 to 21 letters and digits");
    }
    int check = 98 - mod97(b + "RF00");
    return new CreditorReference("RF" + (check < 10 ? "0" : "") + check + b);
  }

  /**
   * Reads a reference as typed or printed: spaces ignored, any case.
   *
   * @return the reference, or null when the text is not a valid one
   */
  public static CreditorReference parse(String text) {
    if (text == null) {
      return null;
    }
    String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    return isValid(compact) ? new CreditorReference(compact) : null;
  }

  /** Whether the text, in electronic form, is a reference with correct check digits. */
  public static boolean isValid(String value) {
    if (value == null || !value.matches("RF[0-9]{2}[A-Z0-9]{1,21}")) {
      return false;
    }
    return mod97(value.substring(4) + value.substring(0, 4)) == 1;
  }

  /** The paper form, in groups of four: {@code RF18 5390 0754 7034}. */
  public String grouped() {
    return groupsOfFour(value);
  }

  static String groupsOfFour(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i += 4) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(text, i, Math.min(text.length(), i + 4));
    }
    return out.toString();
  }

  /** Letters as numbers (A = 10 ... Z = 35), then the remainder by 97, as ISO 7064 MOD 97-10. */
  private static int mod97(String text) {
    StringBuilder digits = new StringBuilder();
    for (char c : text.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
  }

  @Override
  public String toString() {
    return value;
  }
}
