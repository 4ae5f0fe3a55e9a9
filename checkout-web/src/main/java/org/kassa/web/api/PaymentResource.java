package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.Payments;

/** Payments: read one. */
@Path("v1/payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

  @Inject private Payments payments;
  @Context private ContainerRequestContext request;

  /**
   * Reads a payment.
   *
   * @param id the payment id
   */
  @GET
  @Path("{id}")
  @Operation(
      summary = "Retrieve a payment",
      description =
          "Status, amount, currency, card brand and last four digits. Only the merchant's own payments.")
  @APIResponse(responseCode = "200", description = "The payment")
  @APIResponse(responseCode = "404", description = "No such payment for this merchant")
  public Response get(@PathParam("id") String id) {
    Payment payment = payments.get(MerchantAuthentication.merchantOf(request).id(), id);
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("id", payment.id())
            .add("object", "payment")
            .add("checkout_session", payment.sessionId())
            .add("status", payment.status().apiName())
            .add("amount", payment.amount().minorUnits())
            .add("currency", payment.amount().currency().code())
            .add("amount_refunded", payment.amountRefunded().minorUnits())
            .add("amount_refundable", payment.refundable().minorUnits())
            .add("gateway", payment.gateway())
            .add("created_at", payment.createdAt().toString());
    payment
        .card()
        .ifPresent(
            card ->
                out.add(
                    "card",
                    Json.createObjectBuilder()
                        .add("brand", card.brand().name().toLowerCase(java.util.Locale.ROOT))
                        .add("last4", card.lastFour())
                        .add("exp_month", card.expMonth())
                        .add("exp_year", card.expYear())));
    payment
        .payer()
        .ifPresent(
            payer -> {
              JsonObjectBuilder billing = Json.createObjectBuilder().add("name", payer.name());
              payer
                  .emailAddress()
                  .ifPresentOrElse(e -> billing.add("email", e), () -> billing.addNull("email"));
              out.add("billing_details", billing);
            });
    payment
        .declineReason()
        .ifPresentOrElse(r -> out.add("decline_code", r.code()), () -> out.addNull("decline_code"));
    return Response.ok(out.build().toString()).build();
  }
}
