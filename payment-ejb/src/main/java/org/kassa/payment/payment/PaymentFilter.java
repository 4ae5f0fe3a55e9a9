package org.kassa.payment.payment;

import java.io.Serializable;
import java.time.Instant;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.money.CurrencyCode;

/**
 * What a merchant searches their payments by; every part is optional (null: any). Amounts are minor
 * units of {@code currency}, so an amount range needs a currency: 10.00 EUR and 10 JPY are not
 * comparable numbers.
 *
 * @param status only payments in this status
 * @param method only payments made with this kind of method
 * @param currency only payments in this currency
 * @param minAmount at least this amount, in {@code currency}'s minor units
 * @param maxAmount at most this amount, in {@code currency}'s minor units
 * @param from created at or after this instant
 * @param until created before this instant
 * @param customerId the merchant's own id of the customer, matched exactly
 * @param subjectRef the payer's pseudonymous id (an email is stored sealed, so it is searched by
 *     its pseudonym only)
 */
public record PaymentFilter(
    PaymentStatus status,
    PaymentMethodType method,
    CurrencyCode currency,
    Long minAmount,
    Long maxAmount,
    Instant from,
    Instant until,
    String customerId,
    String subjectRef)
    implements Serializable {

  /** No filter: all the merchant's payments. */
  public static final PaymentFilter NONE =
      new PaymentFilter(null, null, null, null, null, null, null, null, null);

  /**
   * @throws IllegalArgumentException if an amount is given without a currency, is negative, or the
   *     range or period is empty
   */
  public PaymentFilter {
    if ((minAmount != null || maxAmount != null) && currency == null) {
      throw new IllegalArgumentException("an amount range needs a currency");
    }
    if ((minAmount != null && minAmount < 0) || (maxAmount != null && maxAmount < 0)) {
      throw new IllegalArgumentException("an amount in a filter cannot be negative");
    }
    if (minAmount != null && maxAmount != null && minAmount > maxAmount) {
      throw new IllegalArgumentException("the smallest amount is larger than the largest");
    }
    if (from != null && until != null && !from.isBefore(until)) {
      throw new IllegalArgumentException("the period ends before it starts");
    }
    customerId = customerId == null || customerId.isBlank() ? null : customerId.strip();
    subjectRef = subjectRef == null || subjectRef.isBlank() ? null : subjectRef;
  }
}
