package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.payment.card.CardSummary;
import org.kassa.payment.saved.SavedPaymentMethod;
import org.kassa.payment.saved.SavedPaymentMethods;

/**
 * The cards a merchant's customer saved on the hosted page: list them, remove one. A customer is
 * the merchant's own id of the shopper, as given on the checkout session; another merchant's
 * customer of the same id is someone else, and their cards are not found here. The gateway's token
 * is never shown: Kassa charges it, the merchant names the card by its id.
 */
@Path("v1/customers/{customer}/payment-methods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SavedPaymentMethodResource {

  /** As a checkout session's {@code customer}. */
  private static final String CUSTOMER_ID = "[A-Za-z0-9._:@+\\-]{1,100}";

  @Inject private SavedPaymentMethods savedMethods;
  @Context private ContainerRequestContext request;

  /**
   * Lists the customer's saved cards, newest first.
   *
   * @param customer the merchant's id of the customer
   */
  @GET
  @Operation(
      summary = "List a customer's saved payment methods",
      description =
          "The cards the customer saved, with their consent, when paying this merchant on the"
              + " hosted page: brand, last four digits and expiry. Removed cards are not listed; a"
              + " customer without saved cards has an empty list.")
  @APIResponse(responseCode = "200", description = "The saved cards, newest first")
  @APIResponse(responseCode = "400", description = "The customer id is malformed (problem+json)")
  @APIResponse(responseCode = "401", description = "No or wrong API key")
  public Response list(
      @Parameter(description = "The merchant's id of the customer") @PathParam("customer")
          String customer) {
    if (customer == null || !customer.matches(CUSTOMER_ID)) {
      return malformed();
    }
    JsonArrayBuilder data = Json.createArrayBuilder();
    savedMethods
        .list(MerchantAuthentication.merchantOf(request).id(), customer)
        .forEach(m -> data.add(representation(m, customer)));
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
  }

  /**
   * Removes a saved card: Kassa forgets its token, the gateway detaches it, and when it was the
   * customer's last saved card their consent to saving cards is withdrawn.
   *
   * @param customer the merchant's id of the customer
   * @param id the saved card's id ({@code spm_...})
   */
  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Remove a saved payment method",
      description =
          "The card can no longer be used; answers it as removed. Removing it again, or a card"
              + " of another customer or merchant, is 404.")
  @APIResponse(responseCode = "200", description = "The card, removed")
  @APIResponse(responseCode = "400", description = "The customer id is malformed (problem+json)")
  @APIResponse(responseCode = "401", description = "No or wrong API key")
  @APIResponse(
      responseCode = "404",
      description = "No such saved card for this merchant's customer (problem+json)")
  public Response remove(
      @Parameter(description = "The merchant's id of the customer") @PathParam("customer")
          String customer,
      @Parameter(description = "The saved card's id") @PathParam("id") String id) {
    if (customer == null || !customer.matches(CUSTOMER_ID)) {
      return malformed();
    }
    String merchantId = MerchantAuthentication.merchantOf(request).id();
    SavedPaymentMethod removed =
        savedMethods.remove(
            merchantId,
            savedMethods.customerSubject(customer),
            id,
            "merchant:" + merchantId,
            "api");
    return Response.ok(representation(removed, customer).toString()).build();
  }

  private static Response malformed() {
    return Problem.invalid(Map.of("customer", "must be 1 to 100 letters, digits or . _ : @ + -"));
  }

  private static JsonObject representation(SavedPaymentMethod method, String customer) {
    CardSummary card = method.card();
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("id", method.id())
            .add("object", "payment_method")
            .add("type", "card")
            .add("customer", customer)
            .add(
                "card",
                Json.createObjectBuilder()
                    .add("brand", card.brand().name().toLowerCase(Locale.ROOT))
                    .add("last4", card.lastFour())
                    .add("exp_month", card.expMonth())
                    .add("exp_year", card.expYear()))
            .add("gateway", method.gateway())
            .add("created_at", method.createdAt().toString());
    method
        .removedAt()
        .ifPresentOrElse(
            at -> out.add("removed_at", at.toString()), () -> out.addNull("removed_at"));
    return out.build();
  }
}
