package org.kassa.payment.payment;

import org.kassa.payment.BusinessException;

/** A state change the payment state machine does not allow. */
public class IllegalPaymentTransitionException extends BusinessException {

  public IllegalPaymentTransitionException(String paymentId, PaymentStatus from, PaymentStatus to) {
    super(
        "illegal_transition",
        "Payment " + paymentId + " cannot go from " + from.apiName() + " to " + to.apiName() + ".");
  }
}
