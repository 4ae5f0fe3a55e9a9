package org.kassa.payment.payment;

import java.util.Optional;
import org.kassa.payment.gateway.DeclineReason;

/**
 * What confirming a session led to.
 *
 * @param paymentId the payment
 * @param status its status now
 * @param declineReason why it was declined, when it was
 */
public record PaymentResult(String paymentId, PaymentStatus status, DeclineReason declineReason) {

  public Optional<DeclineReason> decline() {
    return Optional.ofNullable(declineReason);
  }

  static PaymentResult of(Payment payment) {
    return new PaymentResult(payment.id(), payment.status(), payment.declineReason().orElse(null));
  }
}
