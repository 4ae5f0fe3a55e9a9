package org.kassa.payment.payment;

import org.kassa.payment.BusinessException;

/** A capture of a payment a compliance case holds: it waits for an officer's decision. */
public class PaymentHeldForReviewException extends BusinessException {

  PaymentHeldForReviewException(String paymentId) {
    super(
        "payment_held_for_review",
        "Payment " + paymentId + " is held for a compliance review and cannot be captured yet.");
  }
}
