package org.kassa.payment.payment;

import java.util.Map;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.money.Money;

/** A refund the payment cannot take: not captured, in another currency, or more than remains. */
public class RefundNotAllowedException extends InvalidRequestException {

  private RefundNotAllowedException(String code, String message, Map<String, String> fields) {
    super(code, message, fields);
  }

  static RefundNotAllowedException notCaptured(String paymentId, PaymentStatus status) {
    return new RefundNotAllowedException(
        "payment_not_refundable",
        "Payment "
            + paymentId
            + " is "
            + status.apiName()
            + ": only captured payments can be refunded.",
        Map.of());
  }

  static RefundNotAllowedException tooMuch(String paymentId, Money refundable) {
    return new RefundNotAllowedException(
        "refund_exceeds_captured",
        "At most " + refundable + " of payment " + paymentId + " can still be refunded.",
        Map.of("amount", "must be at most " + refundable.minorUnits()));
  }

  static RefundNotAllowedException worthNothingPresented(
      String paymentId, Money refund, org.kassa.payment.money.CurrencyCode presented) {
    return new RefundNotAllowedException(
        "refund_too_small",
        "Payment "
            + paymentId
            + " was charged in "
            + presented
            + ", where a refund of "
            + refund
            + " is worth nothing.",
        Map.of("amount", "is less than one minor unit of " + presented));
  }
}
