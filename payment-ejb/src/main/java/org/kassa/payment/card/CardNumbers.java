package org.kassa.payment.card;

/** Checks on card numbers as typed: digits only (spaces and dashes removed), Luhn. */
public final class CardNumbers {

  private CardNumbers() {}

  /** The digits of a number as typed, without spaces or dashes; null stays null. */
  public static String digits(String typed) {
    return typed == null ? null : typed.replaceAll("[\\s-]", "");
  }

  /** Whether the digits pass the Luhn (mod 10) check. */
  public static boolean luhnValid(String digits) {
    if (digits == null || digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }

  /** The last four digits, the only part of a number Kassa keeps. */
  public static String lastFour(String digits) {
    return digits.substring(digits.length() - 4);
  }
}
