package org.kassa.compliance.aml.screening;

/**
 * One line of a name comparison: a query token and the listed token it was aligned with, or a token
 * of either side left without a partner.
 *
 * @param queryToken the query's token, or null when a listed token found no partner
 * @param listedToken the listed name's token, or null when a query token found no partner
 * @param similarity Jaro-Winkler similarity of the two (0 when one is missing)
 * @param weight the weight the line carries in the score's denominator (rarer tokens weigh more)
 * @param byConsonants true when the similarity came from comparing consonants only
 */
public record TokenPair(
    String queryToken, String listedToken, double similarity, double weight, boolean byConsonants) {

  public boolean paired() {
    return queryToken != null && listedToken != null;
  }
}
