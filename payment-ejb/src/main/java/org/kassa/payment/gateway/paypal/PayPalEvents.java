package org.kassa.payment.gateway.paypal;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.DisputeNotice;
import org.kassa.payment.gateway.GatewayEvent;
import org.kassa.payment.gateway.GatewayRefundResult;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.money.Money;

/**
 * Reads a verified PayPal webhook event into what Kassa acts on. Only called after PayPal has
 * confirmed the event's signature.
 *
 * <p>Payment events name Kassa's payment by the {@code custom_id} Kassa put on the order; refund
 * events by the refund's {@code custom_id}, which Kassa writes as {@code <payment id>:<refund id>}
 * because a PayPal refund does not carry its payment's {@code custom_id}. Events about payments
 * that Kassa did not make (no such id) are ignored.
 */
final class PayPalEvents {

  /** Dispute outcomes in the seller's favour; every other final outcome lost the money. */
  private static final Set<String> WON =
      Set.of("RESOLVED_SELLER_FAVOUR", "CANCELED_BY_BUYER", "DENIED");

  private PayPalEvents() {}

  /**
   * @throws IllegalArgumentException or a JSON exception when a field Kassa needs is missing
   */
  static GatewayEvent read(JsonObject event) {
    String id = event.getString("id");
    String type = event.getString("event_type");
    Instant at = instant(event.getString("create_time"));
    JsonObject resource = PayPalJson.object(event, "resource").orElse(JsonValue.EMPTY_JSON_OBJECT);
    return switch (type) {
      case "PAYMENT.CAPTURE.COMPLETED" ->
          payment(
              id,
              type,
              at,
              resource,
              GatewayResult.captured(
                  orderId(resource),
                  PayPalAmounts.read(resource.getJsonObject("amount")).minorUnits()));
      case "PAYMENT.CAPTURE.DENIED", "PAYMENT.CAPTURE.DECLINED" ->
          payment(
              id,
              type,
              at,
              resource,
              GatewayResult.declined(orderId(resource), DeclineReason.GENERIC_DECLINE));
      case "PAYMENT.CAPTURE.PENDING" ->
          payment(id, type, at, resource, GatewayResult.processing(orderId(resource)));
      case "PAYMENT.AUTHORIZATION.CREATED" ->
          payment(id, type, at, resource, GatewayResult.authorized(orderId(resource)));
      case "PAYMENT.AUTHORIZATION.VOIDED" ->
          payment(id, type, at, resource, GatewayResult.canceled(orderId(resource)));
      // The shopper approved but Kassa has not completed the order yet: retrieving it does.
      case "CHECKOUT.ORDER.APPROVED" ->
          payment(id, type, at, resource, GatewayResult.processing(resource.getString("id", null)));
      case "PAYMENT.CAPTURE.REFUNDED",
          "PAYMENT.REFUND.COMPLETED",
          "PAYMENT.REFUND.FAILED",
          "PAYMENT.REFUND.CANCELLED",
          "PAYMENT.REFUND.PENDING" ->
          refund(id, type, at, resource);
      case "CUSTOMER.DISPUTE.CREATED", "CUSTOMER.DISPUTE.UPDATED", "CUSTOMER.DISPUTE.RESOLVED" ->
          dispute(id, type, at, resource);
      default -> GatewayEvent.ignored(id, type, at);
    };
  }

  private static GatewayEvent payment(
      String id, String type, Instant at, JsonObject resource, GatewayResult result) {
    Optional<String> paymentId =
        PayPalJson.string(resource, "custom_id")
            .or(
                () ->
                    PayPalJson.first(resource, "purchase_units")
                        .flatMap(unit -> PayPalJson.string(unit, "custom_id")));
    return paymentId
        .map(p -> GatewayEvent.payment(id, type, at, p, result))
        .orElseGet(() -> GatewayEvent.ignored(id, type, at));
  }

  /** The order a capture or an authorization belongs to: the reference Kassa keeps. */
  private static String orderId(JsonObject resource) {
    return PayPalJson.object(resource, "supplementary_data")
        .flatMap(d -> PayPalJson.object(d, "related_ids"))
        .flatMap(r -> PayPalJson.string(r, "order_id"))
        .orElse(null);
  }

  private static GatewayEvent refund(String id, String type, Instant at, JsonObject resource) {
    Optional<String[]> ids =
        PayPalJson.string(resource, "custom_id")
            .filter(c -> c.indexOf(':') > 0 && c.indexOf(':') < c.length() - 1)
            .map(
                c ->
                    new String[] {c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1)});
    String status = resource.getString("status", "");
    String reference = resource.getString("id", null);
    GatewayRefundResult result =
        switch (status) {
          case "COMPLETED" -> GatewayRefundResult.succeeded(reference);
          case "FAILED", "CANCELLED" ->
              GatewayRefundResult.failed(
                  reference,
                  PayPalJson.object(resource, "status_details")
                      .flatMap(d -> PayPalJson.string(d, "reason"))
                      .orElse(status));
          default -> null; // PENDING: nothing to settle yet
        };
    if (ids.isEmpty() || result == null) {
      return GatewayEvent.ignored(id, type, at);
    }
    return GatewayEvent.refund(id, type, at, ids.get()[0], ids.get()[1], result);
  }

  private static GatewayEvent dispute(String id, String type, Instant at, JsonObject resource) {
    Optional<String> paymentId =
        PayPalJson.first(resource, "disputed_transactions")
            .flatMap(t -> PayPalJson.string(t, "custom"));
    if (paymentId.isEmpty()) {
      return GatewayEvent.ignored(id, type, at);
    }
    String status = disputeStatus(resource);
    Money amount =
        PayPalJson.object(resource, "dispute_amount").map(PayPalAmounts::read).orElse(null);
    Instant due =
        status.equals("needs_response")
            ? PayPalJson.string(resource, "seller_response_due_date")
                .map(PayPalEvents::instant)
                .orElse(null)
            : null;
    String reason = resource.getString("reason", "other").toLowerCase(Locale.ROOT);
    return GatewayEvent.dispute(
        id,
        type,
        at,
        paymentId.get(),
        new DisputeNotice(resource.getString("dispute_id"), status, amount, reason, due));
  }

  /** PayPal's dispute status in Kassa's words. */
  static String disputeStatus(JsonObject dispute) {
    String status = dispute.getString("status", "");
    return switch (status) {
      case "OPEN", "WAITING_FOR_SELLER_RESPONSE" -> "needs_response";
      case "RESOLVED" ->
          WON.contains(
                  PayPalJson.object(dispute, "dispute_outcome")
                      .flatMap(o -> PayPalJson.string(o, "outcome_code"))
                      .orElse(""))
              ? "won"
              : "lost";
      // WAITING_FOR_BUYER_RESPONSE, UNDER_REVIEW, OTHER: nothing for the merchant to do now.
      default -> "under_review";
    };
  }

  /** PayPal's Internet date-time, with a {@code Z} or an offset. */
  static Instant instant(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
