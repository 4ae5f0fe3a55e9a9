package org.kassa.payment.payment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The payment state machine. The legal transitions are the table below; anything else is refused.
 *
 * <pre>
 * from                     to
 * requires_payment_method  processing, canceled, expired
 * processing               requires_action, authorized, captured, partially_captured, failed,
 *                          canceled
 * requires_action          processing, authorized, captured, partially_captured, failed,
 *                          canceled, expired
 * authorized               captured, partially_captured, canceled, expired
 * captured                 partially_refunded, refunded, disputed
 * partially_captured       partially_refunded, refunded, disputed
 * partially_refunded       partially_refunded, refunded, disputed
 * refunded                 disputed
 * disputed                 captured, partially_captured, partially_refunded, refunded (dispute
 *                          won: back to what the sums say), charged_back (dispute lost)
 * charged_back             charged_back (a refund of what the chargeback left)
 * failed, canceled, expired: final
 * </pre>
 *
 * <p>{@code partially_captured} means less was captured than authorized (the rest was released);
 * refunds then count against what was captured.
 */
public enum PaymentStatus {
  REQUIRES_PAYMENT_METHOD,
  PROCESSING,
  REQUIRES_ACTION,
  AUTHORIZED,
  PARTIALLY_CAPTURED,
  CAPTURED,
  PARTIALLY_REFUNDED,
  REFUNDED,
  DISPUTED,
  CHARGED_BACK,
  FAILED,
  CANCELED,
  EXPIRED;

  /** The states this one may move to. */
  public Set<PaymentStatus> next() {
    return switch (this) {
      case REQUIRES_PAYMENT_METHOD -> EnumSet.of(PROCESSING, CANCELED, EXPIRED);
      case PROCESSING ->
          EnumSet.of(REQUIRES_ACTION, AUTHORIZED, CAPTURED, PARTIALLY_CAPTURED, FAILED, CANCELED);
      case REQUIRES_ACTION ->
          EnumSet.of(
              PROCESSING, AUTHORIZED, CAPTURED, PARTIALLY_CAPTURED, FAILED, CANCELED, EXPIRED);
      case AUTHORIZED -> EnumSet.of(CAPTURED, PARTIALLY_CAPTURED, CANCELED, EXPIRED);
      case CAPTURED, PARTIALLY_CAPTURED, PARTIALLY_REFUNDED ->
          EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, DISPUTED);
      case REFUNDED -> EnumSet.of(DISPUTED);
      case DISPUTED ->
          EnumSet.of(CAPTURED, PARTIALLY_CAPTURED, PARTIALLY_REFUNDED, REFUNDED, CHARGED_BACK);
      case CHARGED_BACK -> EnumSet.of(CHARGED_BACK);
      case FAILED, CANCELED, EXPIRED -> EnumSet.noneOf(PaymentStatus.class);
    };
  }

  public boolean canMoveTo(PaymentStatus target) {
    return next().contains(target);
  }

  /** Whether money was captured and part of it may still be refunded. */
  public boolean isPaid() {
    return this == CAPTURED
        || this == PARTIALLY_CAPTURED
        || this == PARTIALLY_REFUNDED
        || this == CHARGED_BACK;
  }

  /** Whether the outcome at the gateway is still open: the reconciler looks after these. */
  public boolean isPending() {
    return this == PROCESSING || this == REQUIRES_ACTION;
  }

  /** Whether nothing can ever happen to the payment again. */
  public boolean isFinal() {
    return next().isEmpty();
  }

  /** The name the API and the audit trail use, e.g. {@code partially_refunded}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
