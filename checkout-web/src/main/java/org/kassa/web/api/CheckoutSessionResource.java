package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutSessions;
import org.kassa.payment.checkout.LineItem;
import org.kassa.payment.checkout.NewCheckoutSession;
import org.kassa.payment.merchant.Merchant;
import org.kassa.payment.payment.Payments;

/** Checkout sessions: create one for a shopper to pay, read it back. */
@Path("v1/checkout-sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutSessionResource {

  private static final Set<String> FIELDS =
      Set.of(
          "amount",
          "currency",
          "line_items",
          "locale",
          "customer_email",
          "customer",
          "success_url",
          "cancel_url",
          "expires_in_seconds",
          "payment_method_types",
          "customer_country");
  private static final Set<String> LINE_ITEM_FIELDS = Set.of("name", "quantity", "unit_amount");

  @Inject private CheckoutSessions sessions;
  @Inject private org.kassa.payment.privacy.PaymentPersonalData personalData;
  @Inject private Payments payments;
  @Inject private Validator validator;
  @Inject private HostedPageLinks links;

  @Context private ContainerRequestContext request;
  @Context private UriInfo uriInfo;

  private final Clock clock = Clock.systemUTC();

  /**
   * Creates a checkout session.
   *
   * @param idempotencyKey optional; a retry with the same key and body answers the same session
   * @param body the session as JSON
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a checkout session",
      description =
          "Amounts are integers in the currency's minor units (cents for EUR, yen for JPY). The line"
              + " items must add up to the amount. Answers the hosted page URL to send the shopper to."
              + " payment_method_types (optional) lists the methods the page offers, by name: card,"
              + " paypal, alipay, wechat_pay; without it, every method the currency allows (card"
              + " always; paypal in PayPal's 24 currencies; alipay and wechat_pay in CNY, HKD, EUR,"
              + " USD, GBP, JPY, AUD, CAD, CHF, SGD, NZD, KRW, THB, MYR, SEK, DKK, NOK). A type the"
              + " currency never allows is a 400. customer_country (optional, ISO 3166 alpha-2)"
              + " further hides what that country's shoppers cannot use (alipay: CN HK MO TW SG MY;"
              + " wechat_pay: CN HK MO); without it the region of the page's language decides"
              + " (zh-CN, zh-TW, pt-BR), else the browser's, else only the currency counts."
              + " The optional customer is the merchant's own id of the shopper (1 to 100 letters,"
              + " digits or . _ : @ + -): the page offers the cards this customer saved with this"
              + " merchant, and lets them save the card they pay with.")
  @APIResponse(
      responseCode = "201",
      description =
          "Created; the body is the session. A retry with the same Idempotency-Key and body answers the"
              + " same again, with the header Idempotent-Replayed: true")
  @APIResponse(
      responseCode = "400",
      description =
          "Missing, malformed or invalid fields (problem+json with errors), including an unknown"
              + " payment method type or one the currency never allows (errors.payment_method_types)")
  @APIResponse(responseCode = "401", description = "No or wrong API key")
  @APIResponse(responseCode = "413", description = "Body larger than 64 KiB")
  @APIResponse(
      responseCode = "409",
      description = "A request with the same Idempotency-Key is still being processed")
  @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
  public Response create(
      @Parameter(description = "Up to 255 characters; makes retries safe")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      InputStream body) {
    Merchant merchant = MerchantAuthentication.merchantOf(request);
    JsonFields json = JsonFields.parse(body);
    NewCheckoutSession command = read(json);
    Map<String, String> errors = new LinkedHashMap<>(json.errors());
    ProblemMappers.addViolations(errors, validator.validate(command));
    if (!errors.isEmpty()) {
      return Problem.invalid(errors);
    }
    CheckoutSession session = sessions.create(merchant.id(), command, idempotencyKey);
    return Response.status(201).entity(representation(session).toString()).build();
  }

  /**
   * Reads a session.
   *
   * @param id the session id
   */
  @GET
  @Path("{id}")
  @Operation(
      summary = "Retrieve a checkout session",
      description = "Only the merchant's own sessions; others are 404.")
  @APIResponse(responseCode = "200", description = "The session")
  @APIResponse(responseCode = "404", description = "No such session for this merchant")
  public Response get(@PathParam("id") String id) {
    Merchant merchant = MerchantAuthentication.merchantOf(request);
    return Response.ok(representation(sessions.get(merchant.id(), id)).toString()).build();
  }

  private static NewCheckoutSession read(JsonFields json) {
    json.rejectUnknown(FIELDS);
    List<JsonFields> items = json.objects("line_items");
    List<LineItem> lineItems = null;
    if (items != null) {
      lineItems = new ArrayList<>();
      for (JsonFields item : items) {
        item.rejectUnknown(LINE_ITEM_FIELDS);
        Long quantity = item.integer("quantity", "must be a whole number");
        Long unitAmount =
            item.integer(
                "unit_amount",
                "must be an integer number of the currency's minor units (e.g. 1050 for 10.50 EUR)");
        lineItems.add(
            new LineItem(
                item.string("name"),
                quantity == null
                    ? 0
                    : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, quantity)),
                unitAmount == null ? 0 : unitAmount));
      }
    }
    Long expires = json.integer("expires_in_seconds", "must be a whole number of seconds");
    return new NewCheckoutSession(
        json.integer(
            "amount",
            "must be an integer number of the currency's minor units (e.g. 1050 for 10.50 EUR, 500 for 500 JPY)"),
        json.string("currency"),
        lineItems,
        json.string("locale"),
        json.string("customer_email"),
        json.string("success_url"),
        json.string("cancel_url"),
        expires == null
            ? null
            : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, expires)),
        json.strings("payment_method_types"),
        json.string("customer_country"),
        json.string("customer"));
  }

  private JsonObject representation(CheckoutSession session) {
    Instant now = clock.instant();
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (LineItem item : session.lineItems()) {
      items.add(
          Json.createObjectBuilder()
              .add("name", item.name())
              .add("quantity", item.quantity())
              .add("unit_amount", item.unitAmount()));
    }
    String status = session.statusAt(now).apiName();
    boolean paid = session.statusAt(now) == org.kassa.payment.checkout.CheckoutStatus.COMPLETE;
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("id", session.id())
            .add("object", "checkout_session")
            .add("url", links.hostedPage(uriInfo, session.id()))
            .add("status", status)
            .add("payment_status", paid ? "paid" : "unpaid")
            .add("amount", session.amount().minorUnits())
            .add("currency", session.amount().currency().code())
            .add("line_items", items)
            .add("success_url", session.successUrl())
            .add("cancel_url", session.cancelUrl())
            .add("created_at", session.createdAt().toString())
            .add("expires_at", session.expiresAt().toString());
    JsonArrayBuilder methods = Json.createArrayBuilder();
    session.paymentMethodTypes().forEach(t -> methods.add(t.apiName()));
    out.add("payment_method_types", methods);
    session.locale().ifPresentOrElse(l -> out.add("locale", l), () -> out.addNull("locale"));
    session
        .customerCountry()
        .ifPresentOrElse(
            c -> out.add("customer_country", c), () -> out.addNull("customer_country"));
    personalData
        .customerEmail(session)
        .ifPresentOrElse(e -> out.add("customer_email", e), () -> out.addNull("customer_email"));
    personalData
        .customerId(session)
        .ifPresentOrElse(c -> out.add("customer", c), () -> out.addNull("customer"));
    if (paid) {
      out.add("payment_id", session.paymentId().orElseThrow());
    } else {
      out.addNull("payment_id");
    }
    return out.build();
  }
}
