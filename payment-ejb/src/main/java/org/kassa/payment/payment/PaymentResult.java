package org.kassa.payment.payment;

import java.util.Optional;
import org.kassa.payment.gateway.DeclineReason;

/**
 * Where a payment stands after a call.
 *
 * @param paymentId the payment
 * @param status its status now
 * @param declineReason why it was declined, when it was
 * @param actionUrl where to send the shopper, when the payment requires action
 */
public record PaymentResult(
    String paymentId, PaymentStatus status, DeclineReason declineReason, String actionUrl) {

  public Optional<DeclineReason> decline() {
    return Optional.ofNullable(declineReason);
  }

  public Optional<String> action() {
    return Optional.ofNullable(actionUrl);
  }

  static PaymentResult of(Payment payment) {
    return new PaymentResult(
        payment.id(),
        payment.status(),
        payment.declineReason().orElse(null),
        payment.actionUrl().orElse(null));
  }
}
