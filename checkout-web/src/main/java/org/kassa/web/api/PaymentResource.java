package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.payment.payment.CaptureMethod;
import org.kassa.payment.payment.NewPayment;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentCaptures;
import org.kassa.payment.payment.PaymentConfirmation;
import org.kassa.payment.payment.PaymentRepresentation;
import org.kassa.payment.payment.PaymentResult;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.Payments;

/** Payments: create one server-side, list, retrieve, capture, cancel. */
@Path("v1/payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

  private static final Set<String> CREATE_FIELDS =
      Set.of("amount", "currency", "payment_method", "customer", "capture_method", "country");
  private static final Set<String> CAPTURE_FIELDS = Set.of("amount");

  @Inject private Payments payments;
  @Inject private PaymentConfirmation confirmation;
  @Inject private PaymentCaptures captures;
  @Inject private org.kassa.payment.privacy.PaymentPersonalData personalData;
  @Inject private Validator validator;
  @Context private ContainerRequestContext request;

  /**
   * Charges a saved payment method off-session.
   *
   * @param idempotencyKey optional; a retry with the same key and body answers the same payment
   * @param body {@code amount} (minor units), {@code currency}, {@code payment_method} (the id of a
   *     card saved for the customer on the hosted page, {@code spm_...}, or a gateway's own token;
   *     the sandbox takes Stripe's test tokens such as {@code pm_card_visa}), {@code customer}
   *     (required with a saved card's id), {@code capture_method} (automatic or manual), {@code
   *     country} (optional, for routing)
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a server-side payment",
      description =
          "Charges a saved payment method without the shopper (off-session), through the same state"
              + " machine, routing and idempotency as a checkout. payment_method is a card the"
              + " customer saved on the hosted page (its id, spm_..., with the customer it was saved"
              + " for; it is charged at the gateway that holds it, and 404 for anyone else's) or a"
              + " gateway's own token. With capture_method=manual the payment is only authorized;"
              + " capture or cancel it later.")
  @APIResponse(
      responseCode = "201",
      description = "The payment: captured, authorized, failed (with decline_code) or processing")
  @APIResponse(responseCode = "400", description = "Missing or invalid fields")
  @APIResponse(
      responseCode = "409",
      description = "A request with the same Idempotency-Key is still being processed")
  @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
  public Response create(
      @Parameter(description = "Up to 255 characters; makes retries safe")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      InputStream body) {
    JsonFields json = JsonFields.parse(body);
    json.rejectUnknown(CREATE_FIELDS);
    String capture = json.string("capture_method");
    Optional<CaptureMethod> captureMethod = captureMethod(capture);
    NewPayment command =
        new NewPayment(
            json.integer("amount", "must be an integer number of the currency's minor units"),
            json.string("currency"),
            json.string("payment_method"),
            json.string("customer"),
            captureMethod.orElse(null),
            json.string("country"));
    Map<String, String> errors = new LinkedHashMap<>(json.errors());
    if (capture != null && captureMethod.isEmpty()) {
      errors.put("capture_method", "must be automatic or manual");
    }
    ProblemMappers.addViolations(errors, validator.validate(command));
    if (!errors.isEmpty()) {
      return Problem.invalid(errors);
    }
    PaymentResult result = confirmation.charge(merchantId(), command, idempotencyKey);
    return Response.status(201).entity(representation(result.paymentId())).build();
  }

  /**
   * Lists the merchant's payments, newest first.
   *
   * @param limit 1 to 100, default 10
   * @param startingAfter the last id of the previous page
   * @param status only payments in this status
   */
  @GET
  @Operation(
      summary = "List payments",
      description =
          "Newest first, with cursor pagination: pass the last id of a page as starting_after to"
              + " get the next; has_more says whether there is one.")
  @APIResponse(responseCode = "200", description = "A page of payments")
  @APIResponse(responseCode = "400", description = "A bad limit or status")
  @APIResponse(responseCode = "404", description = "starting_after is not one of your payments")
  public Response list(
      @QueryParam("limit") @DefaultValue("10") String limit,
      @QueryParam("starting_after") String startingAfter,
      @QueryParam("status") String status) {
    Map<String, String> errors = new LinkedHashMap<>();
    int size = 0;
    try {
      size = Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      size = -1;
    }
    if (size < 1 || size > 100) {
      errors.put("limit", "must be a whole number from 1 to 100");
    }
    PaymentStatus filter = null;
    if (status != null) {
      try {
        filter = PaymentStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.put("status", "must be one of the payment statuses, e.g. captured");
      }
    }
    if (!errors.isEmpty()) {
      return Problem.invalid(errors);
    }
    List<Payment> page = payments.pageAfter(merchantId(), filter, startingAfter, size + 1);
    JsonArrayBuilder data = Json.createArrayBuilder();
    page.stream()
        .limit(size)
        .forEach(p -> data.add(PaymentRepresentation.of(p, personalData.payer(p))));
    return Response.ok(
            Json.createObjectBuilder()
                .add("object", "list")
                .add("data", data)
                .add("has_more", page.size() > size)
                .build()
                .toString())
        .build();
  }

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
          "Status, amounts, card brand and last four digits, the gateway chosen and its fee estimate."
              + " A payment the shopper paid in their own currency has a presentment object: the"
              + " amount and currency charged (amount and currency stay the merchant's, which Kassa"
              + " settles and reports in), amount_refunded in that currency, the locked"
              + " exchange_rate (units of it per unit of the merchant's currency), the rates_source"
              + " and rates_date of the ECB reference rates it came from, and the fx_quote; null"
              + " otherwise. Only the merchant's own payments.")
  @APIResponse(responseCode = "200", description = "The payment")
  @APIResponse(responseCode = "404", description = "No such payment for this merchant")
  public Response get(@PathParam("id") String id) {
    return Response.ok(representation(id)).build();
  }

  /**
   * Captures an authorized payment.
   *
   * @param id the payment id
   * @param body optional {@code amount} (minor units) for a partial capture; the rest is released
   */
  @POST
  @Path("{id}/capture")
  @Operation(
      summary = "Capture a payment",
      description =
          "Captures all or part of an authorization (capture_method=manual) before capture_before."
              + " A partial capture releases the rest; refunds then count against what was captured."
              + " A payment presented in the shopper's currency, or paid by bank transfer (its"
              + " money already arrived), is captured whole or canceled.")
  @APIResponse(responseCode = "200", description = "The payment, captured or partially captured")
  @APIResponse(responseCode = "400", description = "An amount above what was authorized")
  @APIResponse(responseCode = "404", description = "No such payment for this merchant")
  @APIResponse(responseCode = "409", description = "The payment is not authorized")
  public Response capture(
      @PathParam("id") String id,
      @Parameter(description = "Optional; a retry with the same key answers the same capture")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      InputStream body) {
    JsonFields json = JsonFields.parseOptional(body);
    json.rejectUnknown(CAPTURE_FIELDS);
    Long amount = json.integer("amount", "must be an integer number of minor units");
    if (!json.errors().isEmpty()) {
      return Problem.invalid(json.errors());
    }
    captures.capture(merchantId(), id, amount);
    return Response.ok(representation(id)).build();
  }

  /**
   * Cancels a payment that was authorized and not captured, or still waits for 3-D Secure.
   *
   * @param id the payment id
   */
  @POST
  @Path("{id}/cancel")
  @Operation(
      summary = "Cancel a payment",
      description =
          "Voids the authorization at the gateway; nothing is charged. A bank transfer's payment"
              + " (awaited, or held for review after the money arrived) closes its transfer: what"
              + " arrived, and any later credit, is kept to refund.")
  @APIResponse(responseCode = "200", description = "The payment, canceled")
  @APIResponse(responseCode = "404", description = "No such payment for this merchant")
  @APIResponse(responseCode = "409", description = "Captured, failed or already ended")
  public Response cancel(
      @PathParam("id") String id,
      @Parameter(description = "Optional; a retry with the same key answers the same cancel")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey) {
    captures.cancel(merchantId(), id);
    return Response.ok(representation(id)).build();
  }

  private String representation(String paymentId) {
    Payment payment = payments.get(merchantId(), paymentId);
    return PaymentRepresentation.of(payment, personalData.payer(payment)).toString();
  }

  private String merchantId() {
    return MerchantAuthentication.merchantOf(request).id();
  }

  private static Optional<CaptureMethod> captureMethod(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (CaptureMethod m : CaptureMethod.values()) {
      if (m.apiName().equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
