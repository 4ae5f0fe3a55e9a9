package org.kassa.web.checkout;

import java.io.Serializable;
import org.kassa.compliance.kyc.KycSubmission;
import org.kassa.compliance.kyc.KycTier;

/** The hosted page's KYC form, as typed: the compliance module checks it. */
public class KycForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private String dateOfBirth;
  private String addressLine;
  private String postalCode;
  private String city;
  private String country;
  private String documentType;
  private String documentNumber;
  private String issuingCountry;
  private String documentExpiry;

  /** What was typed, for the tier asked; the document fields count for FULL only. */
  KycSubmission submission(KycTier tier) {
    KycSubmission basic =
        KycSubmission.basic(name, dateOfBirth, addressLine, postalCode, city, country);
    return tier == KycTier.FULL
        ? basic.withDocument(documentType, documentNumber, issuingCountry, documentExpiry)
        : basic;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDateOfBirth() {
    return dateOfBirth;
  }

  public void setDateOfBirth(String dateOfBirth) {
    this.dateOfBirth = dateOfBirth;
  }

  public String getAddressLine() {
    return addressLine;
  }

  public void setAddressLine(String addressLine) {
    this.addressLine = addressLine;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getDocumentType() {
    return documentType;
  }

  public void setDocumentType(String documentType) {
    this.documentType = documentType;
  }

  public String getDocumentNumber() {
    return documentNumber;
  }

  public void setDocumentNumber(String documentNumber) {
    this.documentNumber = documentNumber;
  }

  public String getIssuingCountry() {
    return issuingCountry;
  }

  public void setIssuingCountry(String issuingCountry) {
    this.issuingCountry = issuingCountry;
  }

  public String getDocumentExpiry() {
    return documentExpiry;
  }

  public void setDocumentExpiry(String documentExpiry) {
    this.documentExpiry = documentExpiry;
  }
}
