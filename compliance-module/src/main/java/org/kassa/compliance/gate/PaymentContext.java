package org.kassa.compliance.gate;

import java.util.Objects;

/**
 * What the gate knows of a payment: no payment classes, only what compliance rules need, and of the
 * shopper's card and device only keyed pseudonyms.
 *
 * @param paymentRef the payment's id in the payment module
 * @param merchantRef the merchant's id
 * @param amountMinor the amount in minor units
 * @param currency ISO 4217 code
 * @param payerName the payer's name as entered, or null (off-session payments)
 * @param country the payer's (billing) country (ISO 3166 alpha-2), or null when unknown
 * @param subjectRef the payer's pseudonymous id, or null
 * @param cardFingerprint a keyed pseudonym of the card number, never the number; null when the
 *     payment is not made with a typed card
 * @param ipRef a keyed pseudonym of the shopper's IP address, or null (server-side payments)
 * @param cardCountry the card's issuing country (ISO 3166 alpha-2), or null when unknown
 */
public record PaymentContext(
    String paymentRef,
    String merchantRef,
    long amountMinor,
    String currency,
    String payerName,
    String country,
    String subjectRef,
    String cardFingerprint,
    String ipRef,
    String cardCountry) {

  public PaymentContext {
    Objects.requireNonNull(paymentRef, "paymentRef");
    Objects.requireNonNull(currency, "currency");
  }

  /** A payment known without its card or the shopper's address. */
  public PaymentContext(
      String paymentRef,
      String merchantRef,
      long amountMinor,
      String currency,
      String payerName,
      String country,
      String subjectRef) {
    this(
        paymentRef,
        merchantRef,
        amountMinor,
        currency,
        payerName,
        country,
        subjectRef,
        null,
        null,
        null);
  }
}
