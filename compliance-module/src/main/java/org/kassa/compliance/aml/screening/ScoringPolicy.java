package org.kassa.compliance.aml.screening;

/**
 * The numbers of the scoring model, in one place so that a deployment can tune them and a hit can
 * be re-explained from them. {@link #DEFAULT} holds the values the quality tests were run with.
 *
 * @param tokenFloor a token pair less similar than this (0..1) is not a pair: both tokens count as
 *     unmatched
 * @param lengthPenalty the Jaro-Winkler similarity of two tokens is multiplied by {@code 1 -
 *     lengthPenalty * |length difference| / longer length}: Jaro-Winkler rewards a shared prefix,
 *     which makes {@code WEI} and {@code WEIHUA} 0.88 alike although they are different names
 * @param extraTokenCost how much an unmatched query token weighs in the denominator, relative to
 *     its weight (a name with an extra word is less likely the same name)
 * @param missingTokenCost the same for an unmatched listed token: lists spell out middle names and
 *     patronymics that callers leave out, so a missing one costs less than an extra one
 * @param consonantDiscount a pair compared by consonants only (one side transliterated from Arabic,
 *     Hebrew or Syriac) scores at most this much: the vowels were guessed
 * @param dobExactBonus added when the query's date of birth equals a listed one
 * @param dobYearBonus added when only the year agrees (the list gives a year or a range)
 * @param dobContradictionPenalty subtracted when the list gives dates of birth and none is within
 *     {@code dobToleranceYears} of the query's
 * @param dobToleranceYears years of difference that neither agree nor contradict
 * @param countryBonus added when the query's country is one the entry names
 */
public record ScoringPolicy(
    double tokenFloor,
    double lengthPenalty,
    double extraTokenCost,
    double missingTokenCost,
    double consonantDiscount,
    double dobExactBonus,
    double dobYearBonus,
    double dobContradictionPenalty,
    int dobToleranceYears,
    double countryBonus) {

  /** The values the quality tests in this module were run with. */
  public static final ScoringPolicy DEFAULT =
      new ScoringPolicy(0.80, 0.5, 1.0, 0.5, 0.95, 0.05, 0.02, 0.15, 1, 0.02);

  public ScoringPolicy {
    requireFraction(tokenFloor, "tokenFloor");
    requireFraction(lengthPenalty, "lengthPenalty");
    requireFraction(consonantDiscount, "consonantDiscount");
    requireFraction(dobExactBonus, "dobExactBonus");
    requireFraction(dobYearBonus, "dobYearBonus");
    requireFraction(dobContradictionPenalty, "dobContradictionPenalty");
    requireFraction(countryBonus, "countryBonus");
    if (extraTokenCost < 0 || missingTokenCost < 0) {
      throw new IllegalArgumentException("token costs must not be negative");
    }
    if (dobToleranceYears < 0) {
      throw new IllegalArgumentException("dobToleranceYears must not be negative");
    }
  }

  private static void requireFraction(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be within 0..1, was " + value);
    }
  }
}
