package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.payment.refund.NewRefund;
import org.kassa.payment.refund.Refund;
import org.kassa.payment.refund.RefundReason;
import org.kassa.payment.refund.RefundRepresentation;
import org.kassa.payment.refund.Refunds;

/** Refunds of a payment: create one, list them. */
@Path("v1/payments/{paymentId}/refunds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {

  private static final Set<String> FIELDS = Set.of("amount", "currency", "reason");

  @Inject private Refunds refunds;
  @Inject private Validator validator;
  @Context private ContainerRequestContext request;

  /**
   * Refunds part or all of a captured payment.
   *
   * @param paymentId the payment
   * @param idempotencyKey optional; a retry with the same key and body answers the same refund
   * @param body {@code amount} (minor units, optional: all that remains), {@code currency}
   *     (optional, must be the payment's), {@code reason} (optional: duplicate, fraudulent,
   *     requested_by_customer)
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Refund a payment",
      description =
          "Full or partial, several per payment, in the payment's currency only. The refunds of a"
              + " payment never add up to more than was captured, however many run at once. A"
              + " payment presented in the shopper's currency is refunded in that currency at the"
              + " payment's locked rate (half-even, once; the refund's presentment object says how"
              + " much); refunding all that is left gives back exactly what was charged.")
  @APIResponse(responseCode = "201", description = "The refund: succeeded, failed, or pending")
  @APIResponse(
      responseCode = "400",
      description = "Invalid fields, another currency, or more than can still be refunded")
  @APIResponse(responseCode = "404", description = "No such payment for this merchant")
  @APIResponse(
      responseCode = "409",
      description = "A request with the same Idempotency-Key is still being processed")
  @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
  public Response create(
      @PathParam("paymentId") String paymentId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      InputStream body) {
    JsonFields json = JsonFields.parse(body);
    json.rejectUnknown(FIELDS);
    String reasonName = json.string("reason");
    RefundReason reason =
        reasonName == null ? null : RefundReason.fromApiName(reasonName).orElse(null);
    NewRefund command =
        new NewRefund(
            json.integer("amount", "must be an integer number of the currency's minor units"),
            json.string("currency"),
            reason);
    Map<String, String> errors = new LinkedHashMap<>(json.errors());
    if (reasonName != null && reason == null) {
      errors.put("reason", "must be one of duplicate, fraudulent, requested_by_customer");
    }
    ProblemMappers.addViolations(errors, validator.validate(command));
    if (!errors.isEmpty()) {
      return Problem.invalid(errors);
    }
    String merchantId = MerchantAuthentication.merchantOf(request).id();
    Refund refund = refunds.refund(merchantId, paymentId, command, idempotencyKey);
    return Response.status(201).entity(RefundRepresentation.of(refund).toString()).build();
  }

  /**
   * Lists a payment's refunds, oldest first.
   *
   * @param paymentId the payment
   */
  @GET
  @Operation(summary = "List a payment's refunds")
  @APIResponse(responseCode = "200", description = "The refunds, oldest first")
  @APIResponse(responseCode = "404", description = "No such payment for this merchant")
  public Response list(@PathParam("paymentId") String paymentId) {
    JsonArrayBuilder data = Json.createArrayBuilder();
    refunds
        .ofPayment(MerchantAuthentication.merchantOf(request).id(), paymentId)
        .forEach(r -> data.add(RefundRepresentation.of(r)));
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
  }
}
