package org.kassa.compliance.consent;

/**
 * A purpose as a subject is asked about it: the current wording in their language.
 *
 * @param purpose e.g. {@code marketing}
 * @param required whether it is part of the contract (terms of sale): shown, not ticked
 * @param version the wording's version, recorded with the subject's answer
 * @param locale the wording's locale (the subject's, or English when there is none in theirs)
 * @param text the exact wording
 */
public record ConsentOffer(
    String purpose, boolean required, int version, String locale, String text)
    implements java.io.Serializable {

  /** What recording the subject's answer to this offer needs. */
  public ConsentChoice choice() {
    return new ConsentChoice(purpose, version, locale);
  }
}
