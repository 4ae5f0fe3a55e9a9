package org.kassa.payment.gateway.paypal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.CaptureRequest;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.GatewayCapabilities;
import org.kassa.payment.gateway.GatewayEvent;
import org.kassa.payment.gateway.GatewayRefundResult;
import org.kassa.payment.gateway.GatewayRejectedException;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.GatewayUnavailableException;
import org.kassa.payment.gateway.InvalidCallbackException;
import org.kassa.payment.gateway.PaymentGateway;
import org.kassa.payment.gateway.PaymentMethod;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.gateway.PaymentReference;
import org.kassa.payment.gateway.RefundRequest;

/**
 * PayPal wallets through PayPal's REST APIs: Orders v2 for the payment, Payments v2 for manual
 * capture, void and refund, and PayPal's own webhook verification. Cards are not taken here: they
 * go through a card gateway.
 *
 * <p>How Kassa's calls map to PayPal:
 *
 * <ul>
 *   <li>The gateway reference Kassa keeps is always the PayPal <em>order</em> id. Captures,
 *       authorizations and refunds are found from the order when needed.
 *   <li>Every POST carries a {@code PayPal-Request-Id} made of Kassa's ids: the payment id to
 *       create the order, {@code <payment id>:complete} to capture or authorize an approved order,
 *       {@code <payment id>:capture} and {@code <payment id>:void} on its authorization, the refund
 *       id to refund. PayPal answers a repeated id with its first outcome instead of acting twice.
 *   <li>A shopper who pays with their PayPal account is sent to PayPal ({@code REQUIRES_ACTION});
 *       when they come back, Kassa asks {@link #retrieve}, which completes the approved order.
 * </ul>
 *
 * <p>Configuration (MicroProfile Config):
 *
 * <table>
 *   <caption>PayPal settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code kassa.paypal.client-id}</td><td>none</td><td>REST app client id</td></tr>
 *   <tr><td>{@code kassa.paypal.client-secret}</td><td>none</td><td>REST app secret</td></tr>
 *   <tr><td>{@code kassa.paypal.webhook-id}</td><td>none</td><td>the webhook's id, needed to
 *       verify callbacks</td></tr>
 *   <tr><td>{@code kassa.paypal.base-url}</td><td>{@value #SANDBOX_URL}</td><td>PayPal's API;
 *       {@code https://api-m.paypal.com} for live payments</td></tr>
 *   <tr><td>{@code kassa.paypal.timeout}</td><td>{@code PT10S}</td><td>connect and answer
 *       timeout of each call</td></tr>
 * </table>
 */
@ApplicationScoped
public class PayPalGateway implements PaymentGateway {

  public static final String NAME = "paypal";

  /**
   * PayPal's sandbox. It is the default so that an install whose base URL was forgotten can never
   * take live money: going live is a deliberate setting.
   */
  public static final String SANDBOX_URL = "https://api-m.sandbox.paypal.com";

  /** How far a callback's transmission time may be from its arrival: replays are older. */
  static final Duration CALLBACK_TOLERANCE = Duration.ofSeconds(300);

  private static final Logger LOG = Logger.getLogger(PayPalGateway.class.getName());

  private static final GatewayCapabilities CAPABILITIES =
      new GatewayCapabilities(
          Set.of(PaymentMethodType.PAYPAL),
          PayPalPricing.CURRENCIES,
          Set.of(),
          true,
          true,
          PayPalPricing.FEES);

  /** Issues PayPal reports when the payer's money cannot be had: declines, not errors. */
  private static final Set<String> DECLINES =
      Set.of(
          "INSTRUMENT_DECLINED",
          "REDIRECT_PAYER_FOR_ALTERNATE_FUNDING",
          "PAYER_CANNOT_PAY",
          "TRANSACTION_REFUSED",
          "PAYER_ACCOUNT_RESTRICTED",
          "PAYER_ACCOUNT_LOCKED_OR_CLOSED");

  /** Issues that say the payee's or PayPal's risk rules refused the payment. */
  private static final Set<String> BLOCKED =
      Set.of("PAYEE_BLOCKED_TRANSACTION", "TRANSACTION_BLOCKED_BY_PAYEE");

  /** Issues that say the authorization is gone: Kassa's {@code CANCELED}. */
  private static final Set<String> AUTHORIZATION_GONE =
      Set.of("AUTHORIZATION_VOIDED", "PREVIOUSLY_VOIDED", "AUTHORIZATION_EXPIRED");

  private static final List<String> WEBHOOK_HEADERS =
      List.of(
          "PAYPAL-TRANSMISSION-ID",
          "PAYPAL-TRANSMISSION-TIME",
          "PAYPAL-TRANSMISSION-SIG",
          "PAYPAL-CERT-URL",
          "PAYPAL-AUTH-ALGO");

  @Inject
  @ConfigProperty(name = "kassa.paypal.client-id")
  Optional<String> clientId;

  @Inject
  @ConfigProperty(name = "kassa.paypal.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "kassa.paypal.webhook-id")
  Optional<String> webhookId;

  @Inject
  @ConfigProperty(name = "kassa.paypal.base-url", defaultValue = SANDBOX_URL)
  String baseUrl;

  @Inject
  @ConfigProperty(name = "kassa.paypal.timeout", defaultValue = "PT10S")
  Duration timeout;

  private Clock clock = Clock.systemUTC();
  private PayPalClient client;

  public PayPalGateway() {}

  /** A gateway outside a container, for unit tests against a stand-in PayPal. */
  PayPalGateway(
      String clientId,
      String clientSecret,
      String webhookId,
      String baseUrl,
      Duration timeout,
      Clock clock) {
    this.clientId = Optional.ofNullable(clientId);
    this.clientSecret = Optional.ofNullable(clientSecret);
    this.webhookId = Optional.ofNullable(webhookId);
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.clock = clock;
    connect();
  }

  @PostConstruct
  void connect() {
    client =
        new PayPalClient(
            URI.create(baseUrl), clientId.orElse(""), clientSecret.orElse(""), timeout, clock);
    if (configured()) {
      LOG.info(() -> "event=paypal.configured base_url=" + baseUrl);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Configured when both the client id and the secret are set. */
  @Override
  public boolean configured() {
    return present(clientId) && present(clientSecret);
  }

  /**
   * PayPal wallets in the currencies PayPal takes, manual capture and partial refunds, priced at
   * PayPal's public list prices (see {@link PayPalPricing}).
   */
  @Override
  public GatewayCapabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * Creates a PayPal order for the payment, {@code intent} CAPTURE or AUTHORIZE.
   *
   * <ul>
   *   <li>A saved PayPal account (a vault id) is charged without the shopper.
   *   <li>A PayPal wallet with the shopper present answers {@code REQUIRES_ACTION} with PayPal's
   *       page; PayPal sends the shopper back to the return URL either way (approved or canceled),
   *       and Kassa then asks {@link #retrieve}.
   * </ul>
   *
   * @throws GatewayRejectedException for a card (this gateway takes PayPal wallets only), a
   *     currency PayPal does not take, or a request PayPal refuses as invalid
   */
  @Override
  public GatewayResult authorize(AuthorizationRequest request) {
    requireConfigured();
    JsonObject body =
        Json.createObjectBuilder()
            .add("intent", request.capture() ? "CAPTURE" : "AUTHORIZE")
            .add(
                "purchase_units",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("reference_id", request.paymentId())
                            .add("custom_id", request.paymentId())
                            .add("amount", PayPalAmounts.money(request.amount()))))
            .add("payment_source", Json.createObjectBuilder().add("paypal", source(request)))
            .build();
    JsonObject order;
    try {
      order = client.post("/v2/checkout/orders", body.toString(), request.paymentId());
    } catch (PayPalApiException e) {
      return declinedOrThrow(e, null, request.shopperPresent());
    }
    GatewayResult result = settle(order, request.paymentId(), request.shopperPresent());
    log("authorize", request.paymentId(), result);
    return result;
  }

  private static JsonObjectBuilder source(AuthorizationRequest request) {
    PaymentMethod method = request.method();
    if (method.type() != PaymentMethodType.PAYPAL || method instanceof PaymentMethod.Card) {
      throw new GatewayRejectedException(
          "payment_method_not_supported",
          "The PayPal gateway takes PayPal wallets only; cards go through a card gateway.");
    }
    JsonObjectBuilder paypal = Json.createObjectBuilder();
    if (method instanceof PaymentMethod.Saved saved) {
      paypal.add("vault_id", saved.token());
    } else if (!request.shopperPresent()) {
      throw new GatewayRejectedException(
          "return_url_required",
          "A PayPal wallet payment needs the shopper, and a return URL to send them back to.");
    }
    if (request.shopperPresent()) {
      requireAbsolute(request.returnUrl());
      paypal.add(
          "experience_context",
          Json.createObjectBuilder()
              .add("return_url", request.returnUrl())
              // The SPI has one URL back: Kassa reads the order's status, whichever way they came.
              .add("cancel_url", request.returnUrl())
              // Kassa completes the order as soon as the shopper is back: no review step after.
              .add("user_action", "PAY_NOW"));
    }
    return paypal;
  }

  /**
   * Captures an authorization, all or part of it, and releases the rest ({@code final_capture}).
   * PayPal's authorization id is read from the order.
   */
  @Override
  public GatewayResult capture(CaptureRequest request) {
    requireConfigured();
    PaymentReference payment = request.payment();
    String orderId = requireReference(payment.gatewayReference());
    String value = PayPalAmounts.value(request.amount()); // refuses before any call
    try {
      JsonObject order = client.get(orderPath(orderId));
      Optional<JsonObject> captured = firstPayment(order, "captures");
      if (captured.isPresent() && "COMPLETED".equals(captured.get().getString("status", ""))) {
        return captureResult(captured.get(), orderId); // captured before, the answer was lost
      }
      JsonObject authorization = authorization(order, orderId);
      String status = authorization.getString("status", "");
      if (status.equals("VOIDED") || status.equals("EXPIRED")) {
        return GatewayResult.canceled(orderId);
      }
      JsonObject body =
          Json.createObjectBuilder()
              .add(
                  "amount",
                  Json.createObjectBuilder()
                      .add("currency_code", request.amount().currency().code())
                      .add("value", value))
              .add("final_capture", true)
              .build();
      JsonObject capture;
      try {
        capture =
            client.post(
                "/v2/payments/authorizations/"
                    + PayPalClient.segment(authorization.getString("id"))
                    + "/capture",
                body.toString(),
                payment.paymentId() + ":capture");
      } catch (PayPalApiException e) {
        if (AUTHORIZATION_GONE.contains(e.issue())) {
          return GatewayResult.canceled(orderId);
        }
        return declinedOrThrow(e, orderId, false);
      }
      GatewayResult result = captureResult(capture, orderId);
      log("capture", payment.paymentId(), result);
      return result;
    } catch (PayPalApiException e) {
      throw e.rejected();
    }
  }

  /**
   * Voids the order's authorization.
   *
   * @throws GatewayRejectedException when the order has no authorization yet: PayPal cannot cancel
   *     an order the shopper has not approved (it expires on its own), and saying {@code CANCELED}
   *     would be wrong if the shopper approved it afterwards
   */
  @Override
  public GatewayResult voidAuthorization(PaymentReference payment) {
    requireConfigured();
    String orderId = requireReference(payment.gatewayReference());
    try {
      JsonObject authorization = authorization(client.get(orderPath(orderId)), orderId);
      String status = authorization.getString("status", "");
      if (status.equals("VOIDED") || status.equals("EXPIRED")) {
        return GatewayResult.canceled(orderId);
      }
      try {
        client.post(
            "/v2/payments/authorizations/"
                + PayPalClient.segment(authorization.getString("id"))
                + "/void",
            null,
            payment.paymentId() + ":void");
      } catch (PayPalApiException e) {
        if (AUTHORIZATION_GONE.contains(e.issue())) {
          return GatewayResult.canceled(orderId);
        }
        throw e;
      }
      GatewayResult result = GatewayResult.canceled(orderId);
      log("void", payment.paymentId(), result);
      return result;
    } catch (PayPalApiException e) {
      throw e.rejected();
    }
  }

  /**
   * Refunds part or all of the order's capture.
   *
   * <p>PayPal may answer {@code PENDING} (for example when the merchant's balance cannot cover the
   * refund yet). That is thrown as {@link GatewayUnavailableException}, the SPI's "outcome not
   * known yet": Kassa keeps the refund pending, and PayPal's {@code PAYMENT.CAPTURE.REFUNDED} or
   * {@code PAYMENT.REFUND.FAILED} callback settles it. A refund PayPal refuses as unprocessable
   * ({@code REFUND_AMOUNT_EXCEEDED}, {@code REFUND_TIME_LIMIT_EXCEEDED}, ...) is answered as failed
   * rather than thrown: no refund exists at PayPal, so nothing would ever settle a pending one.
   */
  @Override
  public GatewayRefundResult refund(RefundRequest request) {
    requireConfigured();
    String orderId = requireReference(request.gatewayReference());
    JsonObject amount = PayPalAmounts.money(request.amount());
    try {
      JsonObject capture =
          firstPayment(client.get(orderPath(orderId)), "captures")
              .orElseThrow(
                  () ->
                      new GatewayRejectedException(
                          "capture_missing", "PayPal order " + orderId + " has no capture."));
      JsonObject body =
          Json.createObjectBuilder()
              .add("amount", amount)
              // PayPal refunds do not carry their payment's custom_id: callbacks need both ids.
              .add("custom_id", request.paymentId() + ":" + request.refundId())
              .add("invoice_id", request.refundId())
              .build();
      JsonObject refund;
      try {
        refund =
            client.post(
                "/v2/payments/captures/"
                    + PayPalClient.segment(capture.getString("id"))
                    + "/refund",
                body.toString(),
                request.refundId());
      } catch (PayPalApiException e) {
        if (e.status() != 422) {
          throw e;
        }
        LOG.info(
            () ->
                "event=paypal.refund_refused refund="
                    + request.refundId()
                    + " issue="
                    + e.code()
                    + " debug_id="
                    + e.debugId());
        return GatewayRefundResult.failed(null, e.code());
      }
      String status = refund.getString("status", "");
      String reference = refund.getString("id", null);
      String reason =
          PayPalJson.object(refund, "status_details")
              .flatMap(d -> PayPalJson.string(d, "reason"))
              .orElse(status);
      LOG.info(
          () ->
              "event=paypal.refund refund="
                  + request.refundId()
                  + " payment="
                  + request.paymentId()
                  + " status="
                  + status);
      return switch (status) {
        case "COMPLETED" -> GatewayRefundResult.succeeded(reference);
        case "CANCELLED", "FAILED" -> GatewayRefundResult.failed(reference, reason);
        default ->
            throw new GatewayUnavailableException(
                "PayPal holds refund "
                    + request.refundId()
                    + " as "
                    + status
                    + " ("
                    + reason
                    + "); its outcome arrives by callback",
                null);
      };
    } catch (PayPalApiException e) {
      throw e.rejected();
    }
  }

  /**
   * The order as PayPal sees it now, completed first if the shopper has approved it: an {@code
   * APPROVED} order is captured (intent CAPTURE) or authorized (intent AUTHORIZE) with {@code
   * PayPal-Request-Id <payment id>:complete}, so that a return page, a callback and the reconciler
   * asking together complete it once.
   *
   * @return empty when Kassa has no order id: PayPal cannot search orders by {@code custom_id}.
   *     Sending the create again with the same {@code PayPal-Request-Id} (the payment id) is then
   *     the safe retry: PayPal answers with the order it made, if it made one, for as long as it
   *     keeps the id
   */
  @Override
  public Optional<GatewayResult> retrieve(PaymentReference payment) {
    if (payment.gatewayReference() == null) {
      return Optional.empty();
    }
    requireConfigured();
    JsonObject order;
    try {
      order = client.get(orderPath(payment.gatewayReference()));
    } catch (PayPalApiException e) {
      throw e.rejected();
    }
    GatewayResult result = settle(order, payment.paymentId(), true);
    log("retrieve", payment.paymentId(), result);
    return Optional.of(result);
  }

  /**
   * Verifies a PayPal webhook and reads it. Checked first, without calling PayPal: the five {@code
   * PAYPAL-*} headers are there and the transmission time is within {@link #CALLBACK_TOLERANCE} of
   * the arrival. Then PayPal is asked to verify the signature ({@code
   * /v1/notifications/verify-webhook-signature}) with the event exactly as received, because PayPal
   * signs the bytes it sent and re-serialized JSON may differ from them.
   *
   * @throws InvalidCallbackException on any failure, including PayPal not answering the
   *     verification (PayPal delivers the webhook again later)
   */
  @Override
  public GatewayEvent parseCallback(CallbackRequest callback) {
    for (String header : WEBHOOK_HEADERS) {
      if (callback.header(header).filter(v -> !v.isBlank()).isEmpty()) {
        throw invalid("missing header " + header);
      }
    }
    String transmissionTime = callback.header("PAYPAL-TRANSMISSION-TIME").orElseThrow();
    Instant sent;
    try {
      sent = PayPalEvents.instant(transmissionTime);
    } catch (DateTimeParseException e) {
      throw invalid("unreadable transmission time");
    }
    if (Duration.between(sent, callback.receivedAt()).abs().compareTo(CALLBACK_TOLERANCE) > 0) {
      throw invalid("transmission time outside the tolerance");
    }
    if (!configured() || !present(webhookId)) {
      throw invalid("no webhook id or credentials configured to verify it");
    }
    String raw = new String(callback.body(), StandardCharsets.UTF_8);
    JsonObject event;
    try {
      event = PayPalJson.parse(raw);
    } catch (JsonException e) {
      throw invalid("body is not a JSON object");
    }
    if (event.isEmpty()) {
      throw invalid("empty body");
    }
    verify(callback, transmissionTime, raw);
    try {
      return PayPalEvents.read(event);
    } catch (RuntimeException e) {
      throw invalid("verified event lacks a field Kassa needs");
    }
  }

  private void verify(CallbackRequest callback, String transmissionTime, String rawEvent) {
    // Built by hand so that webhook_event is the raw body, byte for byte.
    String body =
        "{\"auth_algo\":"
            + PayPalJson.quote(callback.header("PAYPAL-AUTH-ALGO").orElseThrow())
            + ",\"cert_url\":"
            + PayPalJson.quote(callback.header("PAYPAL-CERT-URL").orElseThrow())
            + ",\"transmission_id\":"
            + PayPalJson.quote(callback.header("PAYPAL-TRANSMISSION-ID").orElseThrow())
            + ",\"transmission_sig\":"
            + PayPalJson.quote(callback.header("PAYPAL-TRANSMISSION-SIG").orElseThrow())
            + ",\"transmission_time\":"
            + PayPalJson.quote(transmissionTime)
            + ",\"webhook_id\":"
            + PayPalJson.quote(webhookId.orElseThrow())
            + ",\"webhook_event\":"
            + rawEvent
            + "}";
    String status;
    try {
      status =
          client
              .post("/v1/notifications/verify-webhook-signature", body, null)
              .getString("verification_status", "");
    } catch (PayPalApiException | GatewayRejectedException | GatewayUnavailableException e) {
      throw invalid("PayPal could not verify it: " + e.getMessage());
    }
    if (!status.equals("SUCCESS")) {
      throw invalid("PayPal says the signature does not verify (" + status + ")");
    }
  }

  private static InvalidCallbackException invalid(String why) {
    LOG.warning(() -> "event=paypal.callback_invalid reason=\"" + why + "\"");
    return new InvalidCallbackException("PayPal callback: " + why);
  }

  /**
   * An order's answer, completing it first when it is approved.
   *
   * @param shopperPresent whether a payer action link can be followed now
   */
  private GatewayResult settle(JsonObject order, String paymentId, boolean shopperPresent) {
    if (!"APPROVED".equals(order.getString("status", ""))) {
      return orderResult(order);
    }
    String orderId = order.getString("id");
    String step = "AUTHORIZE".equals(order.getString("intent", "")) ? "/authorize" : "/capture";
    try {
      return orderResult(client.post(orderPath(orderId) + step, "{}", paymentId + ":complete"));
    } catch (PayPalApiException e) {
      if ("ORDER_ALREADY_CAPTURED".equals(e.issue())
          || "ORDER_ALREADY_AUTHORIZED".equals(e.issue())) {
        // Completed by another request under another id: read what it did.
        try {
          return orderResult(client.get(orderPath(orderId)));
        } catch (PayPalApiException again) {
          throw again.rejected();
        }
      }
      return declinedOrThrow(e, orderId, shopperPresent);
    }
  }

  /** An order's status in Kassa's outcomes. */
  static GatewayResult orderResult(JsonObject order) {
    String id = order.getString("id");
    String status = order.getString("status", "");
    return switch (status) {
      case "CREATED", "PAYER_ACTION_REQUIRED" ->
          PayPalJson.link(order, "payer-action")
              .or(() -> PayPalJson.link(order, "approve"))
              .map(url -> GatewayResult.requiresAction(id, url))
              .orElseGet(() -> GatewayResult.processing(id));
      case "VOIDED" -> GatewayResult.canceled(id);
      case "COMPLETED" -> completedResult(order, id);
      default -> GatewayResult.processing(id); // SAVED, APPROVED (being completed elsewhere)
    };
  }

  private static GatewayResult completedResult(JsonObject order, String orderId) {
    Optional<JsonObject> capture = firstPayment(order, "captures");
    if (capture.isPresent()) {
      return captureResult(capture.get(), orderId);
    }
    return firstPayment(order, "authorizations")
        .map(a -> authorizationResult(a, orderId))
        .orElseGet(() -> GatewayResult.processing(orderId));
  }

  private static GatewayResult captureResult(JsonObject capture, String orderId) {
    return switch (capture.getString("status", "")) {
      // A refund later does not undo the capture; Kassa counts refunds on its own.
      case "COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED" ->
          GatewayResult.captured(
              orderId, PayPalAmounts.read(capture.getJsonObject("amount")).minorUnits());
      case "DECLINED" -> GatewayResult.declined(orderId, DeclineReason.GENERIC_DECLINE);
      case "FAILED" -> GatewayResult.declined(orderId, DeclineReason.PROCESSING_ERROR);
      default -> GatewayResult.processing(orderId); // PENDING
    };
  }

  private static GatewayResult authorizationResult(JsonObject authorization, String orderId) {
    return switch (authorization.getString("status", "")) {
      case "CREATED" -> GatewayResult.authorized(orderId);
      case "VOIDED", "EXPIRED" -> GatewayResult.canceled(orderId);
      case "DENIED" -> GatewayResult.declined(orderId, DeclineReason.GENERIC_DECLINE);
      default -> GatewayResult.processing(orderId); // PENDING
    };
  }

  /**
   * Reads a PayPal error about the payer's money as a decline, or throws it as rejected.
   *
   * <ul>
   *   <li>{@code INSTRUMENT_DECLINED} and the like: {@code DECLINED}. PayPal's own recovery is to
   *       send the shopper back to pick another funding source; Kassa declines instead, and the
   *       shopper starts a new payment, because completing the same order again would reuse the
   *       same {@code PayPal-Request-Id} and could only get the same answer.
   *   <li>{@code PAYER_ACTION_REQUIRED}: {@code REQUIRES_ACTION} with PayPal's link when the
   *       shopper is there to follow it; without them, {@code DECLINED} as failed authentication.
   * </ul>
   */
  private static GatewayResult declinedOrThrow(
      PayPalApiException e, String orderId, boolean shopperPresent) {
    String issue = e.issue();
    if (DECLINES.contains(issue)) {
      return GatewayResult.declined(orderId, DeclineReason.GENERIC_DECLINE);
    }
    if (BLOCKED.contains(issue)) {
      return GatewayResult.declined(orderId, DeclineReason.FRAUDULENT);
    }
    if ("PAYER_ACTION_REQUIRED".equals(issue)) {
      Optional<String> link = e.link("payer-action").or(() -> e.link("redirect"));
      if (shopperPresent && link.isPresent() && orderId != null) {
        return GatewayResult.requiresAction(orderId, link.get());
      }
      return GatewayResult.declined(orderId, DeclineReason.AUTHENTICATION_FAILED);
    }
    throw e.rejected();
  }

  /** PayPal only sends the shopper back to an absolute http(s) URL. */
  private static void requireAbsolute(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null
        || uri.getHost() == null
        || !("https".equalsIgnoreCase(uri.getScheme())
            || "http".equalsIgnoreCase(uri.getScheme()))) {
      throw new GatewayRejectedException(
          "return_url_invalid", "PayPal needs an absolute http(s) return URL.");
    }
  }

  private static JsonObject authorization(JsonObject order, String orderId) {
    return firstPayment(order, "authorizations")
        .orElseThrow(
            () ->
                new GatewayRejectedException(
                    "authorization_missing",
                    "PayPal order "
                        + orderId
                        + " has no authorization (not approved yet, or intent CAPTURE)."));
  }

  /** {@code purchase_units[0].payments.<kind>[0]}. */
  private static Optional<JsonObject> firstPayment(JsonObject order, String kind) {
    return PayPalJson.first(order, "purchase_units")
        .flatMap(unit -> PayPalJson.object(unit, "payments"))
        .flatMap(payments -> PayPalJson.first(payments, kind));
  }

  private static String orderPath(String orderId) {
    return "/v2/checkout/orders/" + PayPalClient.segment(orderId);
  }

  private void requireConfigured() {
    if (!configured()) {
      throw new GatewayRejectedException(
          "not_configured", "The PayPal gateway has no client id and secret configured.");
    }
  }

  private static String requireReference(String orderId) {
    if (orderId == null || orderId.isBlank()) {
      throw new GatewayRejectedException(
          "order_missing", "Kassa has no PayPal order for this payment.");
    }
    return orderId;
  }

  private static boolean present(Optional<String> value) {
    return value != null && value.filter(v -> !v.isBlank()).isPresent();
  }

  private static void log(String op, String paymentId, GatewayResult result) {
    LOG.info(
        () ->
            "event=paypal."
                + op
                + " payment="
                + paymentId
                + " order="
                + result.gatewayReference()
                + " outcome="
                + result.outcome());
  }
}
