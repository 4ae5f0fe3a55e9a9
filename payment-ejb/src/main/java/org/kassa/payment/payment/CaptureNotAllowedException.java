package org.kassa.payment.payment;

import java.util.Map;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.money.Money;

/** A capture of more than was authorized, or of nothing. */
public class CaptureNotAllowedException extends InvalidRequestException {

  CaptureNotAllowedException(String paymentId, Money authorized) {
    super(
        "capture_exceeds_authorized",
        "Between 1 and " + authorized + " of payment " + paymentId + " can be captured.",
        Map.of("amount", "must be between 1 and " + authorized.minorUnits()));
  }
}
