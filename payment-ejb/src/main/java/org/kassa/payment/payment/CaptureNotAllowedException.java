package org.kassa.payment.payment;

import java.util.Map;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.money.Money;

/** A capture of more than was authorized, of nothing, or of part of a presented payment. */
public class CaptureNotAllowedException extends InvalidRequestException {

  CaptureNotAllowedException(String paymentId, Money authorized) {
    this(
        "capture_exceeds_authorized",
        "Between 1 and " + authorized + " of payment " + paymentId + " can be captured.",
        Map.of("amount", "must be between 1 and " + authorized.minorUnits()));
  }

  private CaptureNotAllowedException(String code, String message, Map<String, String> fields) {
    super(code, message, fields);
  }

  /** A partial capture of a payment presented in the shopper's currency. */
  static CaptureNotAllowedException presented(String paymentId, Money authorized) {
    return new CaptureNotAllowedException(
        "capture_must_be_whole",
        "Payment "
            + paymentId
            + " was presented to the shopper in their currency: capture all of "
            + authorized
            + " or cancel it.",
        Map.of("amount", "must be " + authorized.minorUnits() + " or left out"));
  }

  /** A partial capture of a payment whose money the payer already transferred. */
  static CaptureNotAllowedException transferred(String paymentId, Money received) {
    return new CaptureNotAllowedException(
        "capture_must_be_whole",
        "The payer of payment "
            + paymentId
            + " already transferred "
            + received
            + ": capture all of it or cancel the payment, which returns it.",
        Map.of("amount", "must be " + received.minorUnits() + " or left out"));
  }
}
