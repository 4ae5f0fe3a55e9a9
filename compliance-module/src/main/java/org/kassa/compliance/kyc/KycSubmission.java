package org.kassa.compliance.kyc;

/**
 * What a customer typed for a tier, as typed: {@link KycChecks} turns it into an {@link Identity}
 * or says, per field, what is wrong. Personal data: never logged or audited.
 *
 * @param tier the tier asked for, BASIC or FULL; the document fields count for FULL only
 * @param dateOfBirth ISO date, {@code 1980-04-30}
 * @param country ISO 3166 alpha-2 country of the address
 * @param documentType {@code passport}, {@code id_card} or {@code driving_licence}
 * @param issuingCountry ISO 3166 alpha-2
 * @param documentExpiry ISO date
 */
public record KycSubmission(
    KycTier tier,
    String name,
    String dateOfBirth,
    String addressLine,
    String postalCode,
    String city,
    String country,
    String documentType,
    String documentNumber,
    String issuingCountry,
    String documentExpiry) {

  /** A BASIC submission. */
  public static KycSubmission basic(
      String name,
      String dateOfBirth,
      String addressLine,
      String postalCode,
      String city,
      String country) {
    return new KycSubmission(
        KycTier.BASIC,
        name,
        dateOfBirth,
        addressLine,
        postalCode,
        city,
        country,
        null,
        null,
        null,
        null);
  }

  /** The same details with an identity document, for FULL. */
  public KycSubmission withDocument(
      String type, String number, String issuingCountry, String expiry) {
    return new KycSubmission(
        KycTier.FULL,
        name,
        dateOfBirth,
        addressLine,
        postalCode,
        city,
        country,
        type,
        number,
        issuingCountry,
        expiry);
  }

  public KycSubmission withName(String name) {
    return new KycSubmission(
        tier,
        name,
        dateOfBirth,
        addressLine,
        postalCode,
        city,
        country,
        documentType,
        documentNumber,
        issuingCountry,
        documentExpiry);
  }

  public KycSubmission withDateOfBirth(String dateOfBirth) {
    return new KycSubmission(
        tier,
        name,
        dateOfBirth,
        addressLine,
        postalCode,
        city,
        country,
        documentType,
        documentNumber,
        issuingCountry,
        documentExpiry);
  }
}
