package org.kassa.payment.gateway;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified callback, read into what Kassa acts on.
 *
 * @param eventId the gateway's id of the event: Kassa stores each one once
 * @param type the gateway's own event type, e.g. {@code payment_intent.succeeded}, for the log
 * @param occurredAt when the gateway says it happened
 * @param kind what the event is about
 * @param paymentId Kassa's payment id the event is about, when it is about a payment or a refund
 * @param payment the payment's new state, for {@link Kind#PAYMENT}
 * @param refundId Kassa's refund id, for {@link Kind#REFUND}
 * @param refund the refund's outcome, for {@link Kind#REFUND}
 * @param dispute the dispute, for {@link Kind#DISPUTE}
 * @param credit money that arrived on a receiving account, for {@link Kind#BANK_CREDIT}
 */
public record GatewayEvent(
    String eventId,
    String type,
    Instant occurredAt,
    Kind kind,
    String paymentId,
    GatewayResult payment,
    String refundId,
    GatewayRefundResult refund,
    DisputeNotice dispute,
    BankCreditNotice credit) {

  /** What an event is about. */
  public enum Kind {
    PAYMENT,
    REFUND,
    DISPUTE,
    /** A credit on a receiving account: a bank transfer's money arrived (see banktransfer). */
    BANK_CREDIT,
    /** A verified event of a type Kassa does not act on; it is stored and acknowledged. */
    IGNORED
  }

  public GatewayEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(kind, "kind");
    switch (kind) {
      case PAYMENT -> require(paymentId != null && payment != null, "payment");
      case REFUND -> require(refundId != null && refund != null, "refund");
      case DISPUTE -> require(paymentId != null && dispute != null, "dispute");
      case BANK_CREDIT -> require(credit != null, "credit");
      case IGNORED -> {}
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("a " + what + " event needs its " + what);
    }
  }

  public static GatewayEvent payment(
      String eventId, String type, Instant at, String paymentId, GatewayResult result) {
    return new GatewayEvent(
        eventId, type, at, Kind.PAYMENT, paymentId, result, null, null, null, null);
  }

  public static GatewayEvent refund(
      String eventId,
      String type,
      Instant at,
      String paymentId,
      String refundId,
      GatewayRefundResult result) {
    return new GatewayEvent(
        eventId, type, at, Kind.REFUND, paymentId, null, refundId, result, null, null);
  }

  public static GatewayEvent dispute(
      String eventId, String type, Instant at, String paymentId, DisputeNotice dispute) {
    return new GatewayEvent(
        eventId, type, at, Kind.DISPUTE, paymentId, null, null, null, dispute, null);
  }

  public static GatewayEvent bankCredit(
      String eventId, String type, Instant at, BankCreditNotice credit) {
    return new GatewayEvent(
        eventId, type, at, Kind.BANK_CREDIT, null, null, null, null, null, credit);
  }

  public static GatewayEvent ignored(String eventId, String type, Instant at) {
    return new GatewayEvent(eventId, type, at, Kind.IGNORED, null, null, null, null, null, null);
  }
}
