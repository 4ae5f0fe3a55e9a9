package org.kassa.payment.payment;

/**
 * Money a payer sent by credit transfer, which no gateway can void: canceling such a payment closes
 * its transfer and keeps what arrived to be returned. The bank transfer package implements it; this
 * package does not depend on that one.
 */
public interface TransferredMoney {

  /**
   * Cancels a payment paid (or being paid) by credit transfer, in a transaction of its own: the
   * transfer takes no more money, what arrived is kept to be returned, and the payment is canceled.
   *
   * @param actor who cancels, for the trail
   * @return the payment now; unchanged if it can no longer be canceled
   */
  PaymentResult cancel(String paymentId, String actor);
}
