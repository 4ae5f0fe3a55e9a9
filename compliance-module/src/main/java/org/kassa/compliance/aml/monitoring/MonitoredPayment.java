package org.kassa.compliance.aml.monitoring;

import java.time.Instant;

/**
 * A payment as monitoring sees it: an amount, when, and only pseudonymous keys of who and how.
 *
 * @param amountMinor in minor units of {@code currency}
 * @param currency ISO 4217
 * @param at when it was assessed
 * @param subjectRef the customer's pseudonymous id, or null
 * @param cardFingerprint a keyed pseudonym of the card number, or null (not a typed card)
 * @param ipRef a keyed pseudonym of the shopper's IP address, or null
 * @param billingCountry the payer's billing country (ISO 3166 alpha-2), or null when unknown
 * @param cardCountry the card's issuing country, or null when unknown
 */
public record MonitoredPayment(
    long amountMinor,
    String currency,
    Instant at,
    String subjectRef,
    String cardFingerprint,
    String ipRef,
    String billingCountry,
    String cardCountry) {

  /** A payment known by its amount and time only. */
  public MonitoredPayment(long amountMinor, String currency, Instant at) {
    this(amountMinor, currency, at, null, null, null, null, null);
  }

  public MonitoredPayment withAmount(long amountMinor) {
    return new MonitoredPayment(
        amountMinor, currency, at, subjectRef, cardFingerprint, ipRef, billingCountry, cardCountry);
  }

  public MonitoredPayment withSubject(String subjectRef) {
    return new MonitoredPayment(
        amountMinor, currency, at, subjectRef, cardFingerprint, ipRef, billingCountry, cardCountry);
  }

  public MonitoredPayment withCard(String cardFingerprint) {
    return new MonitoredPayment(
        amountMinor, currency, at, subjectRef, cardFingerprint, ipRef, billingCountry, cardCountry);
  }

  public MonitoredPayment withIp(String ipRef) {
    return new MonitoredPayment(
        amountMinor, currency, at, subjectRef, cardFingerprint, ipRef, billingCountry, cardCountry);
  }

  public MonitoredPayment withCountries(String billingCountry, String cardCountry) {
    return new MonitoredPayment(
        amountMinor, currency, at, subjectRef, cardFingerprint, ipRef, billingCountry, cardCountry);
  }
}
