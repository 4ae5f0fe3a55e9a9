package org.kassa.payment.gateway.stripe;

import static org.kassa.payment.gateway.stripe.StripeApi.string;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.GatewayRefundResult;
import org.kassa.payment.gateway.GatewayResult;

/** Stripe's objects read into Kassa's answers: PaymentIntents, refunds, decline codes. */
final class StripeResults {

  /**
   * Stripe's decline and error codes that name a reason Kassa tells the shopper. Stripe puts the
   * issuer's reason in {@code decline_code} and its own in {@code code}; both are looked up.
   */
  private static final Map<String, DeclineReason> DECLINES =
      Map.ofEntries(
          Map.entry("insufficient_funds", DeclineReason.INSUFFICIENT_FUNDS),
          Map.entry("lost_card", DeclineReason.LOST_CARD),
          Map.entry("stolen_card", DeclineReason.STOLEN_CARD),
          Map.entry("expired_card", DeclineReason.EXPIRED_CARD),
          Map.entry("incorrect_cvc", DeclineReason.INCORRECT_CVC),
          // Stripe's "not a valid CVC/number" tells the shopper the same thing as "incorrect".
          Map.entry("invalid_cvc", DeclineReason.INCORRECT_CVC),
          Map.entry("processing_error", DeclineReason.PROCESSING_ERROR),
          Map.entry("fraudulent", DeclineReason.FRAUDULENT),
          Map.entry("incorrect_number", DeclineReason.INCORRECT_NUMBER),
          Map.entry("invalid_number", DeclineReason.INCORRECT_NUMBER),
          Map.entry("authentication_required", DeclineReason.AUTHENTICATION_FAILED),
          // A 3-D Secure challenge the shopper failed or abandoned.
          Map.entry("payment_intent_authentication_failure", DeclineReason.AUTHENTICATION_FAILED));

  private StripeResults() {}

  /**
   * A PaymentIntent as Kassa's answer, by its {@code status}. A status Kassa cannot act on yet
   * ({@code requires_confirmation}, or {@code requires_action} without a redirect URL) is {@code
   * PROCESSING}: not final, so a callback or a retrieval settles it later.
   */
  static GatewayResult payment(JsonObject intent) {
    String id = intent.getString("id");
    return switch (intent.getString("status")) {
      case "requires_capture" -> GatewayResult.authorized(id);
      case "succeeded" ->
          GatewayResult.captured(id, intent.getJsonNumber("amount_received").longValueExact());
      case "requires_action" ->
          redirectUrl(intent)
              .map(url -> GatewayResult.requiresAction(id, url))
              .orElseGet(() -> GatewayResult.processing(id));
      case "canceled" -> GatewayResult.canceled(id);
      case "requires_payment_method" -> {
        // After a confirm, this status means the attempt failed; the error says why.
        JsonObject error =
            intent.get("last_payment_error") instanceof JsonObject e
                ? e
                : JsonValue.EMPTY_JSON_OBJECT;
        yield GatewayResult.declined(
            id, declineReason(string(error, "decline_code"), string(error, "code")));
      }
      default -> GatewayResult.processing(id);
    };
  }

  /** The 3-D Secure or redirect page, which Stripe gives when the confirm had a return URL. */
  static Optional<String> redirectUrl(JsonObject intent) {
    if (intent.get("next_action") instanceof JsonObject next
        && next.get("redirect_to_url") instanceof JsonObject redirect) {
      return Optional.ofNullable(string(redirect, "url"));
    }
    return Optional.empty();
  }

  /** The issuer's reason first, then Stripe's code; anything else is a generic decline. */
  static DeclineReason declineReason(String declineCode, String code) {
    DeclineReason byDecline = declineCode == null ? null : DECLINES.get(declineCode);
    if (byDecline != null) {
      return byDecline;
    }
    DeclineReason byCode = code == null ? null : DECLINES.get(code);
    return byCode != null ? byCode : DeclineReason.GENERIC_DECLINE;
  }

  /**
   * A Stripe refund as Kassa's answer, when it is final: {@code succeeded}, or {@code failed} and
   * {@code canceled} with Stripe's {@code failure_reason}. Empty while it is {@code pending} or
   * {@code requires_action}: Stripe has not decided, and Kassa's answer has no "not yet".
   */
  static Optional<GatewayRefundResult> refund(JsonObject refund) {
    String id = refund.getString("id");
    String status = refund.getString("status");
    return switch (status) {
      case "succeeded" -> Optional.of(GatewayRefundResult.succeeded(id));
      case "failed", "canceled" -> {
        String reason = string(refund, "failure_reason");
        yield Optional.of(GatewayRefundResult.failed(id, reason != null ? reason : status));
      }
      default -> Optional.empty();
    };
  }

  /**
   * A dispute's status in Kassa's four words. An inquiry ({@code warning_*}) counts as the dispute
   * it may become; {@code warning_closed} ended without a chargeback, so the merchant kept the
   * money, which is {@code won}. Empty for a status Kassa has no word for (such as {@code
   * prevented}).
   */
  static Optional<String> disputeStatus(String stripeStatus) {
    return Optional.ofNullable(
        switch (stripeStatus) {
          case "warning_needs_response", "needs_response" -> "needs_response";
          case "warning_under_review", "under_review" -> "under_review";
          case "won", "warning_closed" -> "won";
          case "lost" -> "lost";
          default -> null;
        });
  }
}
