package org.kassa.payment.refund;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A refund as merchants see it, in the API and in webhook events alike. */
public final class RefundRepresentation {

  private RefundRepresentation() {}

  public static JsonObject of(Refund refund) {
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("id", refund.id())
            .add("object", "refund")
            .add("payment", refund.paymentId())
            .add("amount", refund.amount().minorUnits())
            .add("currency", refund.amount().currency().code())
            .add("status", refund.status().apiName())
            .add("created_at", refund.createdAt().toString());
    refund
        .presented()
        .ifPresent(
            p ->
                out.add(
                    "presentment",
                    Json.createObjectBuilder()
                        .add("amount", p.minorUnits())
                        .add("currency", p.currency().code())));
    refund
        .reason()
        .ifPresentOrElse(r -> out.add("reason", r.apiName()), () -> out.addNull("reason"));
    refund
        .failureCode()
        .ifPresentOrElse(f -> out.add("failure_code", f), () -> out.addNull("failure_code"));
    return out.build();
  }
}
