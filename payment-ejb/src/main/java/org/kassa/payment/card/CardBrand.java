package org.kassa.payment.card;

import java.util.List;

/**
 * Card brands with the number prefixes, lengths and CVC length that identify them. Detection takes
 * the longest matching prefix, so a more specific range wins.
 */
public enum CardBrand {
  VISA("Visa", 3, List.of("4"), 13, 16, 19),
  MASTERCARD("Mastercard", 3, List.of("51-55", "2221-2720"), 16),
  AMEX("American Express", 4, List.of("34", "37"), 15),
  DISCOVER("Discover", 3, List.of("6011", "644-649", "65", "622126-622925"), 16, 19),
  DINERS("Diners Club", 3, List.of("300-305", "36", "38", "39"), 14, 16, 19),
  JCB("JCB", 3, List.of("3528-3589"), 16, 17, 18, 19),
  UNIONPAY("UnionPay", 3, List.of("62", "81"), 16, 17, 18, 19),
  UNKNOWN("Card", 3, List.of(), 12, 13, 14, 15, 16, 17, 18, 19);

  private final String displayName;
  private final int cvcLength;
  private final List<String> prefixes;
  private final int[] lengths;

  CardBrand(String displayName, int cvcLength, List<String> prefixes, int... lengths) {
    this.displayName = displayName;
    this.cvcLength = cvcLength;
    this.prefixes = prefixes;
    this.lengths = lengths;
  }

  public String displayName() {
    return displayName;
  }

  /** Digits of the card security code: 4 for American Express, 3 for the others. */
  public int cvcLength() {
    return cvcLength;
  }

  /** Whether a number of {@code length} digits is valid for this brand. */
  public boolean acceptsLength(int length) {
    for (int l : lengths) {
      if (l == length) {
        return true;
      }
    }
    return false;
  }

  /** The brand of a (possibly partial) card number, from its leading digits. */
  public static CardBrand detect(String digits) {
    CardBrand best = UNKNOWN;
    int bestLength = 0;
    for (CardBrand brand : values()) {
      for (String range : brand.prefixes) {
        int matched = matchLength(digits, range);
        if (matched > bestLength) {
          best = brand;
          bestLength = matched;
        }
      }
    }
    return best;
  }

  private static int matchLength(String digits, String range) {
    String low = range.contains("-") ? range.substring(0, range.indexOf('-')) : range;
    String high = range.contains("-") ? range.substring(range.indexOf('-') + 1) : range;
    int len = low.length();
    if (digits.length() < len) {
      return 0;
    }
    long prefix = Long.parseLong(digits.substring(0, len));
    return prefix >= Long.parseLong(low) && prefix <= Long.parseLong(high) ? len : 0;
  }
}
