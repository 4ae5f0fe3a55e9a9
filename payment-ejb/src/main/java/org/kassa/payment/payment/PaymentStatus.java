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
 * processing               requires_action, authorized, captured, failed
 * requires_action          processing, authorized, captured, failed, expired
 * authorized               captured, partially_captured, canceled, expired
 * partially_captured       partially_refunded, refunded
 * captured                 partially_refunded, refunded
 * partially_refunded       partially_refunded, refunded
 * failed, canceled, expired, refunded: final
 * </pre>
 *
 * Disputes get their own states with the payment engine work.
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
  FAILED,
  CANCELED,
  EXPIRED;

  /** The states this one may move to. */
  public Set<PaymentStatus> next() {
    return switch (this) {
      case REQUIRES_PAYMENT_METHOD -> EnumSet.of(PROCESSING, CANCELED, EXPIRED);
      case PROCESSING -> EnumSet.of(REQUIRES_ACTION, AUTHORIZED, CAPTURED, FAILED);
      case REQUIRES_ACTION -> EnumSet.of(PROCESSING, AUTHORIZED, CAPTURED, FAILED, EXPIRED);
      case AUTHORIZED -> EnumSet.of(CAPTURED, PARTIALLY_CAPTURED, CANCELED, EXPIRED);
      case PARTIALLY_CAPTURED, CAPTURED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
      case PARTIALLY_REFUNDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
      case REFUNDED, FAILED, CANCELED, EXPIRED -> EnumSet.noneOf(PaymentStatus.class);
    };
  }

  public boolean canMoveTo(PaymentStatus target) {
    return next().contains(target);
  }

  /** Whether money was taken (and not wholly given back). */
  public boolean isPaid() {
    return this == CAPTURED || this == PARTIALLY_CAPTURED || this == PARTIALLY_REFUNDED;
  }

  /** The name the API and the audit trail use, e.g. {@code partially_refunded}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
