package org.kassa.payment.payment;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.Optional;

/**
 * A payment as merchants see it, in the API and in webhook events alike: one shape, so that an
 * event's object is what {@code GET /api/v1/payments/{id}} answers.
 */
public final class PaymentRepresentation {

  private PaymentRepresentation() {}

  /**
   * The payment without who paid: merchants' webhook events carry no billing details, so that no
   * personal data waits in the outbox; the API adds them ({@link #of(Payment, Optional)}).
   */
  public static JsonObject of(Payment payment) {
    return of(payment, Optional.empty());
  }

  /**
   * The payment with who paid, as the API answers it.
   *
   * @param payer the payer's details, opened by the caller; empty when unknown or erased
   */
  public static JsonObject of(Payment payment, Optional<Payer> payer) {
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("id", payment.id())
            .add("object", "payment")
            .add("status", payment.status().apiName())
            .add("amount", payment.amount().minorUnits())
            .add("currency", payment.amount().currency().code())
            .add("amount_captured", payment.amountCaptured().minorUnits())
            .add("amount_refunded", payment.amountRefunded().minorUnits())
            .add("amount_refundable", payment.refundable().minorUnits())
            .add("amount_charged_back", payment.amountChargedBack().minorUnits())
            .add("capture_method", payment.captureMethod().apiName())
            .add("capture_before", payment.captureBefore().toString())
            .add("payment_method_type", payment.method().apiName())
            .add("gateway", payment.gateway())
            .add("created_at", payment.createdAt().toString())
            .add("updated_at", payment.updatedAt().toString());
    nullable(out, "checkout_session", payment.sessionId());
    nullable(out, "customer", payment.customerId().orElse(null));
    // A card Kassa saved is shown by its id; its gateway token is Kassa's to keep.
    nullable(out, "payment_method", payment.savedMethodId().or(payment::methodToken).orElse(null));
    nullable(out, "gateway_reference", payment.gatewayReference().orElse(null));
    nullable(out, "review_case", payment.reviewCase().orElse(null));
    if (payment.feeEstimate().isPresent()) {
      out.add("fee_estimate", payment.feeEstimate().get().minorUnits());
    } else {
      out.addNull("fee_estimate");
    }
    payment
        .presentment()
        .ifPresentOrElse(
            p ->
                out.add(
                    "presentment",
                    Json.createObjectBuilder()
                        .add("amount", p.amount().minorUnits())
                        .add("currency", p.amount().currency().code())
                        .add("amount_refunded", payment.presentmentRefunded().get().minorUnits())
                        .add("exchange_rate", p.rate().stripTrailingZeros().toPlainString())
                        .add("rates_source", p.ratesSource())
                        .add("rates_date", p.ratesDate().toString())
                        .add("fx_quote", p.quoteId())),
            () -> out.addNull("presentment"));
    payment
        .card()
        .ifPresent(
            card ->
                out.add(
                    "card",
                    Json.createObjectBuilder()
                        .add("brand", card.brand().name().toLowerCase(Locale.ROOT))
                        .add("last4", card.lastFour())
                        .add("exp_month", card.expMonth())
                        .add("exp_year", card.expYear())));
    payer.ifPresent(
        who -> {
          JsonObjectBuilder billing = Json.createObjectBuilder().add("name", who.name());
          nullable(billing, "email", who.emailAddress().orElse(null));
          out.add("billing_details", billing);
        });
    nullable(out, "decline_code", payment.declineReason().map(r -> r.code()).orElse(null));
    if (payment.status() == PaymentStatus.REQUIRES_ACTION && payment.actionUrl().isPresent()) {
      out.add(
          "next_action",
          Json.createObjectBuilder()
              .add("type", "redirect_to_url")
              .add("url", payment.actionUrl().get()));
    } else {
      out.addNull("next_action");
    }
    return out.build();
  }

  private static void nullable(JsonObjectBuilder out, String name, String value) {
    if (value == null) {
      out.addNull(name);
    } else {
      out.add(name, value);
    }
  }
}
