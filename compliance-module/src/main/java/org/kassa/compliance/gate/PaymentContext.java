package org.kassa.compliance.gate;

import java.util.Objects;

/**
 * What the gate knows of a payment: no payment classes, only what compliance rules need.
 *
 * @param paymentRef the payment's id in the payment module
 * @param merchantRef the merchant's id
 * @param amountMinor the amount in minor units
 * @param currency ISO 4217 code
 * @param payerName the payer's name as entered, or null (off-session payments)
 * @param country the payer's country (ISO 3166 alpha-2), or null when unknown
 * @param subjectRef the payer's pseudonymous id, or null
 */
public record PaymentContext(
    String paymentRef,
    String merchantRef,
    long amountMinor,
    String currency,
    String payerName,
    String country,
    String subjectRef) {

  public PaymentContext {
    Objects.requireNonNull(paymentRef, "paymentRef");
    Objects.requireNonNull(currency, "currency");
  }
}
