package org.kassa.payment.gateway.stripe;

import static org.kassa.payment.gateway.stripe.StripeApi.string;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.CaptureRequest;
import org.kassa.payment.gateway.DisputeNotice;
import org.kassa.payment.gateway.FeeSchedule;
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
import org.kassa.payment.gateway.stripe.StripeApi.Answer;
import org.kassa.payment.gateway.stripe.StripeApi.StripeError;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;
import org.kassa.payment.webhook.TimestampedSignature;
import org.kassa.payment.webhook.TimestampedSignature.InvalidSignatureException;

/**
 * The Stripe gateway, speaking Stripe's HTTP API directly: a payment is one PaymentIntent, created
 * and confirmed in one call, captured, canceled or refunded later, and reported back by signed
 * webhooks to {@code /hooks/stripe}.
 *
 * <p>Configuration (MicroProfile Config, all optional):
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>what</th></tr>
 *   <tr><td>{@code kassa.stripe.secret-key}</td><td>none</td><td>the account's secret (or
 *       restricted) key; without it the gateway is not {@link #configured()} and routing skips
 *       it</td></tr>
 *   <tr><td>{@code kassa.stripe.webhook-secret}</td><td>none</td><td>the webhook endpoint's
 *       signing secret ({@code whsec_...}); several, comma-separated, while one is rotated.
 *       Without it every callback is refused</td></tr>
 *   <tr><td>{@code kassa.stripe.base-url}</td><td>{@code https://api.stripe.com}</td><td>where
 *       the API is</td></tr>
 *   <tr><td>{@code kassa.stripe.timeout}</td><td>{@code PT10S}</td><td>connect and read timeout
 *       of each request</td></tr>
 * </table>
 *
 * <p>Idempotency: Stripe keeps an idempotency key for 24 hours and per request, so each call has
 * its own: the payment id for the create-and-confirm, {@code <payment id>:capture} and {@code
 * <payment id>:cancel}, the refund id for a refund. Every PaymentIntent and refund also carries
 * Kassa's ids in its metadata ({@code kassa_payment_id}, {@code kassa_refund_id}), which is how
 * webhooks and {@link #retrieve} find Kassa's payment again.
 *
 * <p>Cards typed on Kassa's page are sent as raw card data ({@code payment_method_data[card]}).
 * Stripe allows that only for accounts it has enabled for raw card data, which requires PCI DSS
 * validation of the whole Kassa deployment (SAQ D or a ROC); other accounts get a 400 and must use
 * saved payment methods ({@code pm_...}) created with Stripe.js. The number and the CVC go into the
 * request body only: never into a log line or an exception message.
 */
@ApplicationScoped
public class StripeGateway implements PaymentGateway {

  public static final String NAME = "stripe";

  static final String SIGNATURE_HEADER = "Stripe-Signature";

  /** Stripe's own default tolerance for a webhook's timestamp. */
  static final Duration WEBHOOK_TOLERANCE = Duration.ofSeconds(300);

  private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());

  /**
   * Stripe's public list prices for standard cards (EEA cards in EUR, US cards in USD, UK cards in
   * GBP), as published on stripe.com/pricing: a dispute costs EUR 20.00, USD 15.00 or GBP 20.00; a
   * refund costs nothing extra and there is no monthly fee. These are list prices, for routing
   * estimates: an account with negotiated pricing pays otherwise, and international or premium
   * cards cost more.
   */
  static final FeeSchedule LIST_PRICES =
      new FeeSchedule(
          Map.of(
              CurrencyCode.of("EUR"),
              new FeeSchedule.Fees(new BigDecimal("1.5"), 25, 0, 2000, 0),
              CurrencyCode.of("USD"),
              new FeeSchedule.Fees(new BigDecimal("2.9"), 30, 0, 1500, 0),
              CurrencyCode.of("GBP"),
              new FeeSchedule.Fees(new BigDecimal("1.5"), 20, 0, 2000, 0)));

  private static final Set<String> PAYMENT_EVENTS =
      Set.of(
          "payment_intent.succeeded",
          "payment_intent.payment_failed",
          "payment_intent.processing",
          "payment_intent.requires_action",
          "payment_intent.amount_capturable_updated",
          "payment_intent.canceled");
  private static final Set<String> REFUND_EVENTS =
      Set.of("refund.created", "refund.updated", "refund.failed", "charge.refund.updated");
  private static final Set<String> DISPUTE_EVENTS =
      Set.of("charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed");

  /**
   * The order in which duplicate PaymentIntents for one payment are trusted, most advanced first.
   */
  private static final List<String> STATUS_RANK =
      List.of(
          "succeeded",
          "requires_capture",
          "processing",
          "requires_action",
          "requires_confirmation",
          "requires_payment_method",
          "canceled");

  @Inject
  @ConfigProperty(name = "kassa.stripe.secret-key")
  Optional<String> secretKey;

  @Inject
  @ConfigProperty(name = "kassa.stripe.webhook-secret")
  Optional<String> webhookSecret;

  @Inject
  @ConfigProperty(name = "kassa.stripe.base-url", defaultValue = "https://api.stripe.com")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "kassa.stripe.timeout", defaultValue = "PT10S")
  Duration timeout;

  @Resource private ManagedExecutorService executor;

  private StripeApi api;

  public StripeGateway() {}

  /** A gateway outside a container, for unit tests. */
  StripeGateway(URI baseUrl, String secretKey, String webhookSecret, Duration timeout) {
    this.baseUrl = baseUrl.toString();
    this.secretKey = Optional.ofNullable(secretKey);
    this.webhookSecret = Optional.ofNullable(webhookSecret);
    this.timeout = timeout;
    connect();
  }

  @PostConstruct
  void connect() {
    api =
        new StripeApi(
            client(timeout, executor), URI.create(baseUrl), secretKey.orElse(""), timeout);
  }

  private static HttpClient client(Duration timeout, Executor executor) {
    // HTTP/1.1: Stripe serves it, and a plain-HTTP base URL (a proxy, a test) gets no h2c upgrade.
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (executor != null) {
      builder.executor(executor); // the container's threads, not unmanaged ones
    }
    return builder.build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean configured() {
    return secretKey.filter(k -> !k.isBlank()).isPresent();
  }

  /**
   * Cards, with manual capture and partial refunds, in the currencies {@link #LIST_PRICES} prices:
   * EUR, USD and GBP. Stripe takes many more, but not all in ISO 4217 minor units (ISK and UGX, for
   * instance, are sent with two decimals), so a currency is added here only with its price and a
   * check of its unit, never by declaring "every currency".
   */
  @Override
  public GatewayCapabilities capabilities() {
    return new GatewayCapabilities(
        Set.of(PaymentMethodType.CARD),
        LIST_PRICES.byCurrency().keySet(),
        Set.of(),
        true,
        true,
        LIST_PRICES);
  }

  /**
   * Creates and confirms a PaymentIntent ({@code POST /v1/payment_intents}). A shopper who is there
   * gets a {@code return_url} for 3-D Secure; otherwise the payment is {@code off_session} and a
   * card that needs authentication is declined. A 402 {@code card_error} is a decline, not an
   * error.
   */
  @Override
  public GatewayResult authorize(AuthorizationRequest request) {
    requireConfigured();
    Money amount = request.amount();
    if (!LIST_PRICES.byCurrency().containsKey(amount.currency())) {
      throw new GatewayRejectedException(
          "currency_not_supported", "Kassa's Stripe gateway does not take " + amount.currency());
    }
    StripeForm form =
        new StripeForm()
            .add("amount", amount.minorUnits())
            .add("currency", amount.currency().code().toLowerCase(Locale.ROOT))
            .add("confirm", "true")
            .add("capture_method", request.capture() ? "automatic" : "manual")
            // Cards only: no dashboard-enabled redirect methods, which would demand a return_url.
            .add("payment_method_types[0]", "card")
            .add("metadata[kassa_payment_id]", request.paymentId());
    addMethod(form, request.method());
    if (request.shopperPresent()) {
      form.add("return_url", request.returnUrl());
    } else {
      form.add("off_session", "true");
    }
    GatewayResult result;
    try {
      JsonObject intent = api.post("/v1/payment_intents", form, request.paymentId()).body();
      result = read("the PaymentIntent", () -> StripeResults.payment(intent));
    } catch (StripeError e) {
      if (!e.isCardError()) {
        throw e;
      }
      result =
          GatewayResult.declined(
              e.paymentIntentId, StripeResults.declineReason(e.declineCode, e.code()));
    }
    log("authorize", request.paymentId(), result);
    return result;
  }

  private static void addMethod(StripeForm form, PaymentMethod method) {
    if (method instanceof PaymentMethod.Saved saved && saved.type() == PaymentMethodType.CARD) {
      form.add("payment_method", saved.token());
    } else if (method instanceof PaymentMethod.Card card) {
      CardDetails details = card.details();
      form.add("payment_method_data[type]", "card")
          .addSensitive("payment_method_data[card][number]", details.number())
          .add("payment_method_data[card][exp_month]", details.expiry().getMonthValue())
          .add("payment_method_data[card][exp_year]", details.expiry().getYear())
          .addSensitive("payment_method_data[card][cvc]", details.cvc())
          .addSensitive("payment_method_data[billing_details][name]", details.holderName());
    } else {
      throw new GatewayRejectedException(
          "payment_method_not_supported",
          "Kassa's Stripe gateway takes cards only, not " + method.type().apiName());
    }
  }

  /** Captures ({@code POST /v1/payment_intents/{id}/capture}) with its own idempotency key. */
  @Override
  public GatewayResult capture(CaptureRequest request) {
    requireConfigured();
    PaymentReference payment = request.payment();
    String intent = intentId(payment);
    StripeForm form = new StripeForm().add("amount_to_capture", request.amount().minorUnits());
    JsonObject answer =
        api.post(
                "/v1/payment_intents/" + segment(intent) + "/capture",
                form,
                payment.paymentId() + ":capture")
            .body();
    GatewayResult result = read("the captured PaymentIntent", () -> StripeResults.payment(answer));
    log("capture", payment.paymentId(), result);
    return result;
  }

  /** Cancels ({@code POST /v1/payment_intents/{id}/cancel}) with its own idempotency key. */
  @Override
  public GatewayResult voidAuthorization(PaymentReference payment) {
    requireConfigured();
    String intent = intentId(payment);
    JsonObject answer =
        api.post(
                "/v1/payment_intents/" + segment(intent) + "/cancel",
                new StripeForm(),
                payment.paymentId() + ":cancel")
            .body();
    GatewayResult result = read("the canceled PaymentIntent", () -> StripeResults.payment(answer));
    log("void", payment.paymentId(), result);
    return result;
  }

  /**
   * Refunds ({@code POST /v1/refunds}) with the refund id as idempotency key and both Kassa ids in
   * the metadata, so that the refund's webhooks name the refund and its payment.
   *
   * <ul>
   *   <li>{@code succeeded}: succeeded; {@code failed} or {@code canceled}: failed, with Stripe's
   *       {@code failure_reason}.
   *   <li>{@code pending} (or {@code requires_action}): Stripe has not decided, and a {@link
   *       GatewayRefundResult} cannot say "not yet", while a failed one would release money that
   *       may still be paid out. So it is thrown as {@link GatewayUnavailableException}: Kassa
   *       keeps the refund pending and the {@code refund.updated} webhook settles it. When the
   *       answer is a replay of an earlier request, the refund's current state is asked for first,
   *       since a replay repeats the first answer however old it is.
   *   <li>A 4xx refusal of the refund itself ({@code invalid_request_error} such as {@code
   *       amount_too_large} or {@code charge_already_refunded}): failed with Stripe's code, as the
   *       sandbox answers a refused refund; no refund was made. A refused key (401, 403) or a
   *       reused idempotency key is thrown as {@link GatewayRejectedException}: it says nothing
   *       about this refund, and an earlier request under the same key may have made it.
   * </ul>
   */
  @Override
  public GatewayRefundResult refund(RefundRequest request) {
    requireConfigured();
    String intent = intentId(new PaymentReference(request.paymentId(), request.gatewayReference()));
    StripeForm form =
        new StripeForm()
            .add("payment_intent", intent)
            .add("amount", request.amount().minorUnits())
            .add("metadata[kassa_refund_id]", request.refundId())
            .add("metadata[kassa_payment_id]", request.paymentId());
    Answer answer;
    try {
      answer = api.post("/v1/refunds", form, request.refundId());
    } catch (StripeError e) {
      if (e.status == 401 || e.status == 403 || e.isIdempotencyError()) {
        throw e;
      }
      GatewayRefundResult failed = GatewayRefundResult.failed(null, e.code());
      logRefund(request, "refused", failed);
      return failed;
    }
    JsonObject refund = answer.body();
    Optional<GatewayRefundResult> result = read("the refund", () -> StripeResults.refund(refund));
    JsonObject current = refund;
    if (result.isEmpty() && answer.replayed()) {
      current = api.get("/v1/refunds/" + segment(refund.getString("id")));
      JsonObject latest = current;
      result = read("the refund", () -> StripeResults.refund(latest));
    }
    String status = current.getString("status");
    if (result.isEmpty()) {
      logRefund(request, status, null);
      throw new GatewayUnavailableException(
          "stripe: refund "
              + current.getString("id")
              + " is "
              + status
              + "; its outcome arrives by webhook",
          null);
    }
    logRefund(request, status, result.get());
    return result.get();
  }

  /**
   * Asks Stripe for the PaymentIntent: by its id when Kassa has it ({@code GET
   * /v1/payment_intents/{id}}), else by Kassa's id in its metadata ({@code GET
   * /v1/payment_intents/search}). Stripe's search is eventually consistent (an intent may take up
   * to a minute to be found), so "empty" right after a lost answer is not proof of absence; a
   * re-sent create within 24 hours is still safe, because its idempotency key makes Stripe answer
   * the first one again. If a search finds several intents for one payment (a create re-sent after
   * its key expired), the most advanced one is answered and a warning logged.
   */
  @Override
  public Optional<GatewayResult> retrieve(PaymentReference payment) {
    requireConfigured();
    Optional<JsonObject> intent =
        payment.gatewayReference() != null
            ? Optional.of(byReference(payment))
            : search(payment.paymentId());
    Optional<GatewayResult> result =
        read("the PaymentIntent", () -> intent.map(StripeResults::payment));
    LOG.info(
        () ->
            "event=stripe.retrieve payment="
                + payment.paymentId()
                + " found="
                + result.map(r -> r.outcome().name()).orElse("none"));
    return result;
  }

  /** The intent Kassa stored the id of, checked to be this payment's. */
  private JsonObject byReference(PaymentReference payment) {
    JsonObject intent = api.get("/v1/payment_intents/" + segment(payment.gatewayReference()));
    String ours = metadata(intent, "kassa_payment_id");
    if (ours != null && !ours.equals(payment.paymentId())) {
      throw new GatewayRejectedException(
          "payment_mismatch",
          "PaymentIntent " + payment.gatewayReference() + " belongs to another Kassa payment.");
    }
    return intent;
  }

  private Optional<JsonObject> search(String paymentId) {
    String query =
        "metadata['kassa_payment_id']:'"
            + paymentId.replace("\\", "\\\\").replace("'", "\\'")
            + "'";
    JsonObject answer =
        api.get("/v1/payment_intents/search?query=" + StripeForm.encodeValue(query));
    List<JsonObject> found =
        read(
            "the search result",
            () ->
                answer.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .sorted(Comparator.comparingInt(StripeGateway::rank))
                    .toList());
    if (found.size() > 1) {
      LOG.warning(
          () ->
              "event=stripe.duplicate_intents payment="
                  + paymentId
                  + " count="
                  + found.size()
                  + " answered="
                  + found.get(0).getString("id"));
    }
    return found.stream().findFirst();
  }

  private static int rank(JsonObject intent) {
    int rank = STATUS_RANK.indexOf(intent.getString("status", ""));
    return rank < 0 ? STATUS_RANK.size() : rank;
  }

  /** The PaymentIntent's id: the reference Kassa stored, or found by Kassa's id. */
  private String intentId(PaymentReference payment) {
    if (payment.gatewayReference() != null) {
      return payment.gatewayReference();
    }
    return search(payment.paymentId())
        .map(intent -> intent.getString("id"))
        .orElseThrow(
            () ->
                new GatewayRejectedException(
                    "resource_missing",
                    "Stripe has no PaymentIntent for payment " + payment.paymentId() + "."));
  }

  /**
   * Verifies the {@code Stripe-Signature} header over the raw body (signature, then a 300-second
   * tolerance around the time the callback was received), then reads the event:
   *
   * <ul>
   *   <li>{@code payment_intent.*} (succeeded, payment_failed, processing, requires_action,
   *       amount_capturable_updated, canceled): the intent's state, for the payment in its {@code
   *       kassa_payment_id} metadata.
   *   <li>{@code refund.*} and {@code charge.refund.updated}: a final refund with a {@code
   *       kassa_refund_id}; a pending one is ignored, its final event follows.
   *   <li>{@code charge.dispute.*} (created, updated, closed): the dispute, whose PaymentIntent is
   *       asked for to find Kassa's payment id. If Stripe cannot be reached for that, {@link
   *       GatewayUnavailableException} is thrown and Stripe delivers the event again later.
   *   <li>Anything else, and any event about an object Kassa did not create: ignored.
   * </ul>
   */
  @Override
  public GatewayEvent parseCallback(CallbackRequest callback) {
    List<String> secrets = webhookSecrets();
    if (secrets.isEmpty()) {
      throw new InvalidCallbackException("stripe: no webhook secret is configured");
    }
    byte[] body = callback.body();
    try {
      TimestampedSignature.verify(
          callback.header(SIGNATURE_HEADER).orElse(null),
          body,
          secrets,
          callback.receivedAt(),
          WEBHOOK_TOLERANCE);
    } catch (InvalidSignatureException e) {
      LOG.warning(
          () ->
              "event=stripe.callback_refused reason="
                  + e.failure().name().toLowerCase(Locale.ROOT));
      throw new InvalidCallbackException("stripe: " + e.getMessage());
    }
    JsonObject event = readObject(body);
    String id = string(event, "id");
    String type = string(event, "type");
    if (id == null || type == null) {
      throw new InvalidCallbackException("stripe: the event has no id or no type");
    }
    Instant at = created(event.get("created"));
    try {
      if (PAYMENT_EVENTS.contains(type)) {
        return paymentEvent(id, type, at, object(event, "payment_intent"));
      }
      if (REFUND_EVENTS.contains(type)) {
        return refundEvent(id, type, at, object(event, "refund"));
      }
      if (DISPUTE_EVENTS.contains(type)) {
        return disputeEvent(id, type, at, object(event, "dispute"));
      }
      return GatewayEvent.ignored(id, type, at);
    } catch (NullPointerException
        | ClassCastException
        | ArithmeticException
        | IllegalArgumentException e) {
      // A required field is missing or of the wrong type, or a value Kassa cannot take (a
      // currency that is not ISO 4217): the event cannot be read.
      throw new InvalidCallbackException("stripe: event " + id + " (" + type + ") is unreadable");
    }
  }

  private static GatewayEvent paymentEvent(String id, String type, Instant at, JsonObject intent) {
    String paymentId = metadata(intent, "kassa_payment_id");
    if (paymentId == null) {
      return GatewayEvent.ignored(id, type, at);
    }
    return GatewayEvent.payment(id, type, at, paymentId, StripeResults.payment(intent));
  }

  private GatewayEvent refundEvent(String id, String type, Instant at, JsonObject refund) {
    String refundId = metadata(refund, "kassa_refund_id");
    Optional<GatewayRefundResult> result = StripeResults.refund(refund);
    if (refundId == null || result.isEmpty()) {
      return GatewayEvent.ignored(id, type, at);
    }
    String paymentId = metadata(refund, "kassa_payment_id");
    if (paymentId == null) {
      paymentId = kassaPaymentId(string(refund, "payment_intent"));
    }
    return GatewayEvent.refund(id, type, at, paymentId, refundId, result.get());
  }

  private GatewayEvent disputeEvent(String id, String type, Instant at, JsonObject dispute) {
    Optional<String> status = StripeResults.disputeStatus(dispute.getString("status"));
    String paymentId = status.isEmpty() ? null : kassaPaymentId(string(dispute, "payment_intent"));
    if (paymentId == null) {
      LOG.info(
          () ->
              "event=stripe.dispute_ignored id="
                  + id
                  + " status="
                  + dispute.getString("status")
                  + " reason="
                  + (status.isEmpty() ? "status_unknown_to_kassa" : "no_kassa_payment"));
      return GatewayEvent.ignored(id, type, at);
    }
    Money amount =
        new Money(
            dispute.getJsonNumber("amount").longValueExact(),
            CurrencyCode.of(dispute.getString("currency").toUpperCase(Locale.ROOT)));
    Instant dueBy = null;
    boolean open = status.get().equals("needs_response") || status.get().equals("under_review");
    if (open
        && dispute.get("evidence_details") instanceof JsonObject evidence
        && !evidence.getBoolean("past_due", false)
        && evidence.get("due_by") instanceof JsonNumber due) {
      dueBy = Instant.ofEpochSecond(due.longValueExact());
    }
    return GatewayEvent.dispute(
        id,
        type,
        at,
        paymentId,
        new DisputeNotice(
            dispute.getString("id"), status.get(), amount, string(dispute, "reason"), dueBy));
  }

  /** Kassa's payment id, read from the PaymentIntent's metadata; null when there is none. */
  private String kassaPaymentId(String intentId) {
    if (intentId == null) {
      return null;
    }
    try {
      return metadata(api.get("/v1/payment_intents/" + segment(intentId)), "kassa_payment_id");
    } catch (StripeError e) {
      if (e.status == 404) {
        return null; // not this account's intent: nothing of Kassa's
      }
      throw e;
    }
  }

  private static JsonObject readObject(byte[] body) {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidCallbackException("stripe: the callback body is not a JSON object");
    }
  }

  /** {@code data.object}, checked to be the kind of object the event type promises. */
  private static JsonObject object(JsonObject event, String kind) {
    JsonObject object = event.getJsonObject("data").getJsonObject("object");
    if (!kind.equals(string(object, "object"))) {
      throw new ClassCastException("data.object is not a " + kind);
    }
    return object;
  }

  private static Instant created(JsonValue created) {
    if (created instanceof JsonNumber seconds) {
      return Instant.ofEpochSecond(seconds.longValue());
    }
    if (created instanceof JsonString text) {
      try {
        return Instant.parse(text.getString()); // API v2 events
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private static String metadata(JsonObject object, String key) {
    return object.get("metadata") instanceof JsonObject metadata ? string(metadata, key) : null;
  }

  private List<String> webhookSecrets() {
    return webhookSecret.stream()
        .flatMap(s -> Arrays.stream(s.split(",")))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * Reads a 2xx answer. One that lacks a field Kassa needs says nothing certain about the outcome,
   * so it is thrown as unknown rather than guessed at.
   */
  private static <T> T read(String what, Supplier<T> reading) {
    try {
      return reading.get();
    } catch (NullPointerException | ClassCastException | ArithmeticException e) {
      throw new GatewayUnavailableException("stripe: " + what + " in the answer is unreadable", e);
    }
  }

  private void requireConfigured() {
    if (!configured()) {
      throw new GatewayRejectedException(
          "not_configured", "kassa.stripe.secret-key is not set, so Stripe cannot be called.");
    }
  }

  private static String segment(String id) {
    return StripeForm.encodeValue(id);
  }

  private static void log(String op, String paymentId, GatewayResult result) {
    LOG.info(
        () ->
            "event=stripe."
                + op
                + " payment="
                + paymentId
                + " intent="
                + result.gatewayReference()
                + " outcome="
                + result.outcome()
                + (result.declineReason() == null
                    ? ""
                    : " decline=" + result.declineReason().code()));
  }

  private static void logRefund(RefundRequest request, String status, GatewayRefundResult result) {
    LOG.info(
        () ->
            "event=stripe.refund refund="
                + request.refundId()
                + " payment="
                + request.paymentId()
                + " status="
                + status
                + (result == null || result.failureCode() == null
                    ? ""
                    : " failure=" + result.failureCode()));
  }
}
