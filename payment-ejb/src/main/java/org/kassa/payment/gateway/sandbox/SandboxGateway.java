package org.kassa.payment.gateway.sandbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.text.Csv;
import org.kassa.payment.card.CardBrand;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.CaptureRequest;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.DisputeEvidence;
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
import org.kassa.payment.webhook.GatewayCallbacks;
import org.kassa.payment.webhook.TimestampedSignature;
import org.kassa.payment.webhook.TimestampedSignature.InvalidSignatureException;

/**
 * The in-process sandbox gateway, Kassa's default. It keeps its own ledger of charges and refunds,
 * as a real gateway does, and behaves like one:
 *
 * <ul>
 *   <li>Outcomes follow Stripe's published test cards ({@code 4242 4242 4242 4242} succeeds, {@code
 *       4000 0000 0000 9995} has insufficient funds, {@code 4000 0027 6000 3184} needs 3-D Secure,
 *       ...) and their test tokens ({@code pm_card_visa}, {@code pm_card_chargeDeclined}, ...). Any
 *       other valid number succeeds, as in Stripe's test mode.
 *   <li>A 3-D Secure card answers {@code requires_action} with the sandbox challenge page; the
 *       shopper passes or fails it there ({@link #completeChallenge}). Off-session it is declined.
 *   <li>A redirect wallet (PayPal) answers {@code requires_action} with the sandbox wallet page,
 *       where the shopper approves or cancels ({@link #completeWallet}).
 *   <li>A QR-code wallet (Alipay, WeChat Pay) answers {@code requires_action} with the sandbox page
 *       its QR code encodes, where the shopper's phone pays or declines ({@link #scanQr}); past the
 *       code's end the payment fails as {@code qr_code_expired}.
 *   <li>It saves a typed card when Kassa asks (the shopper consented): on success it answers a new
 *       token {@code pm_sbx_...}, which later payments use in place of the card. For an on-session
 *       payment with a card it saved, it requires the re-entered security code (well-formed: 3 or 4
 *       digits), as many European issuers do ({@code kassa.sandbox.saved-card-cvc=on-session}, the
 *       default; {@code never} turns this off). Off-session (merchant-initiated) charges and the
 *       published test tokens never need it. It keeps no code, only the card's number, in memory.
 *   <li>It is idempotent on Kassa's ids: asking again answers the first outcome and never charges
 *       twice.
 *   <li>It tells Kassa about every change by a signed callback to {@code /hooks/sandbox}, as a real
 *       gateway does, so the callback path is exercised on every sandbox payment.
 *   <li>{@link #faults()} injects what real networks do: timeouts before and after the charge, 5xx,
 *       asynchronous outcomes, lost, duplicated and reordered callbacks.
 * </ul>
 */
@ApplicationScoped
public class SandboxGateway implements PaymentGateway {

  public static final String NAME = "sandbox";

  /** The page where the shopper passes or fails a sandbox 3-D Secure challenge. */
  public static final String CHALLENGE_PATH = "/sandbox/challenge/";

  /** The page of the sandbox's redirect wallet (PayPal-style), where the shopper approves. */
  public static final String WALLET_PATH = "/sandbox/wallet/";

  /** What a sandbox QR code encodes: the page the shopper's wallet app "opens" to pay. */
  public static final String QR_PATH = "/sandbox/qr/";

  static final String SIGNATURE_HEADER = "Sandbox-Signature";

  private static final Logger LOG = Logger.getLogger(SandboxGateway.class.getName());
  private static final String TEST_CARDS = "stripe_test_cards.csv";

  /** Stripe's published test tokens, each standing for one of its test card numbers. */
  private static final Map<String, String> TEST_TOKENS =
      Map.ofEntries(
          Map.entry("pm_card_visa", "4242424242424242"),
          Map.entry("pm_card_mastercard", "5555555555554444"),
          Map.entry("pm_card_amex", "378282246310005"),
          Map.entry("pm_card_chargeDeclined", "4000000000000002"),
          Map.entry("pm_card_chargeDeclinedInsufficientFunds", "4000000000009995"),
          Map.entry("pm_card_chargeDeclinedLostCard", "4000000000009987"),
          Map.entry("pm_card_chargeDeclinedStolenCard", "4000000000009979"),
          Map.entry("pm_card_chargeDeclinedExpiredCard", "4000000000000069"),
          Map.entry("pm_card_chargeDeclinedIncorrectCvc", "4000000000000127"),
          Map.entry("pm_card_chargeDeclinedProcessingError", "4000000000000119"),
          Map.entry("pm_card_chargeDeclinedFraudulent", "4100000000000019"),
          Map.entry("pm_card_authenticationRequired", "4000002760003184"),
          Map.entry("pm_card_createDispute", "4000000000000259"));

  private static final Map<String, TestCard> CARDS = loadTestCards();

  private final ConcurrentMap<String, Charge> charges = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, GatewayRefundResult> refunds = new ConcurrentHashMap<>();

  /** The cards the sandbox saved, by the token it answered: what a real gateway's vault holds. */
  private final ConcurrentMap<String, String> savedCards = new ConcurrentHashMap<>();

  private final SandboxFaults faults = new SandboxFaults();
  private Clock clock = Clock.systemUTC();
  private CallbackChannel channel = CallbackChannel.NONE;

  @Resource private ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "kassa.sandbox.webhook-secret", defaultValue = "whsec_kassa_sandbox")
  String webhookSecret;

  @Inject
  @ConfigProperty(name = "kassa.sandbox.callback-delay", defaultValue = "PT0.5S")
  Duration callbackDelay;

  @Inject private GatewayCallbacks receiver;

  /** When a saved card's security code is asked again: {@code on-session} or {@code never}. */
  @Inject
  @ConfigProperty(name = "kassa.sandbox.saved-card-cvc", defaultValue = "on-session")
  String savedCardCvc = "on-session";

  @Inject
  @ConfigProperty(name = "kassa.mode", defaultValue = "demo")
  String mode = "demo";

  /** One published test number and what it does. */
  record TestCard(String number, String outcome, String detail, String country) {}

  /** Where the sandbox sends its signed callbacks. */
  @FunctionalInterface
  public interface CallbackChannel {
    CallbackChannel NONE = callback -> {};

    void send(CallbackRequest callback);
  }

  /** The sandbox's record of one charge, changed only under its own lock. */
  private static final class Charge {
    final String paymentId;
    final String reference;
    final long amount;
    final org.kassa.payment.money.CurrencyCode currency;
    final boolean capture;
    final String returnUrl;
    final PaymentMethodType method;
    final Instant expiresAt; // a QR code's end, or null
    String status; // requires_action, processing, authorized, captured, declined, canceled
    long captured;
    long refunded;
    DeclineReason decline;
    String pendingStatus; // an asynchronous outcome, decided but not told yet
    boolean disputes; // the test card that is disputed after its capture
    String disputeStatus; // null until disputed
    String saveNumber; // the typed card to save once approved, when Kassa asked
    String savedToken; // the token of the card saved by this charge

    Charge(
        String paymentId,
        org.kassa.payment.money.Money amount,
        boolean capture,
        String returnUrl,
        PaymentMethodType method,
        Instant expiresAt) {
      this.paymentId = paymentId;
      this.method = method;
      this.expiresAt = expiresAt;
      this.currency = amount.currency();
      this.returnUrl = returnUrl;
      this.reference = "sbx_" + paymentId;
      this.amount = amount.minorUnits();
      this.capture = capture;
    }

    GatewayResult result() {
      GatewayResult result = plainResult();
      return savedToken != null && (status.equals("captured") || status.equals("authorized"))
          ? result.withSavedMethod(savedToken)
          : result;
    }

    private GatewayResult plainResult() {
      return switch (status) {
        case "requires_action" -> GatewayResult.requiresAction(reference, actionPath());
        case "processing" -> GatewayResult.processing(reference);
        case "authorized" -> GatewayResult.authorized(reference);
        case "captured" -> GatewayResult.captured(reference, captured);
        case "canceled" -> GatewayResult.canceled(reference);
        default -> GatewayResult.declined(reference, decline);
      };
    }

    /** Where the shopper acts: the challenge, the wallet page, or what the QR code encodes. */
    String actionPath() {
      return actionPath(method, paymentId);
    }

    static String actionPath(PaymentMethodType method, String paymentId) {
      return switch (method) {
        case PAYPAL -> WALLET_PATH + paymentId;
        case ALIPAY, WECHAT_PAY -> QR_PATH + paymentId;
        default -> CHALLENGE_PATH + paymentId;
      };
    }

    boolean isQr() {
      return method == PaymentMethodType.ALIPAY || method == PaymentMethodType.WECHAT_PAY;
    }
  }

  /**
   * What the sandbox's wallet pages show of a payment waiting for the shopper.
   *
   * @param method the wallet
   * @param amount what is asked
   * @param expiresAt a QR code's end, or null
   */
  public record WalletRequest(
      PaymentMethodType method, org.kassa.payment.money.Money amount, Instant expiresAt) {}

  public SandboxGateway() {}

  /** A sandbox outside a container, for unit tests: callbacks go straight to {@code channel}. */
  SandboxGateway(Clock clock, String webhookSecret, CallbackChannel channel) {
    this.clock = clock;
    this.webhookSecret = webhookSecret;
    this.channel = channel;
  }

  @PostConstruct
  void connect() {
    // A real gateway calls back over the network a moment later; so does the sandbox, in-process.
    channel =
        callback ->
            scheduler.schedule(
                () -> receiver.receive(NAME, callback),
                callbackDelay.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Everywhere but in production mode: a production install never routes to the sandbox. */
  @Override
  public boolean configured() {
    return !"production".equals(mode);
  }

  /**
   * Every method, every currency, free: the sandbox costs nothing, and says so. What a method
   * allows per currency and country is the checkout's availability table, not the sandbox's to
   * narrow.
   */
  @Override
  public GatewayCapabilities capabilities() {
    return new GatewayCapabilities(
        java.util.EnumSet.allOf(PaymentMethodType.class),
        java.util.Set.of(),
        java.util.Set.of(),
        true,
        true,
        FeeSchedule.unpriced());
  }

  /** Faults to inject into the next calls, for tests and demonstrations. */
  public SandboxFaults faults() {
    return faults;
  }

  @Override
  public GatewayResult authorize(AuthorizationRequest request) {
    SandboxFaults.Fault fault = faults.nextAuthorize();
    if (fault == SandboxFaults.Fault.TIMEOUT_BEFORE_RECEIVED
        || fault == SandboxFaults.Fault.SERVER_ERROR) {
      throw new GatewayUnavailableException(
          "sandbox: " + fault.name().toLowerCase(java.util.Locale.ROOT), null);
    }
    boolean[] created = {false};
    Charge charge =
        charges.computeIfAbsent(
            request.paymentId(),
            id -> {
              created[0] = true;
              return decide(request, fault == SandboxFaults.Fault.ASYNC_OUTCOME);
            });
    GatewayResult result;
    synchronized (charge) {
      result = charge.result();
    }
    if (created[0]) {
      LOG.info(
          () -> "event=sandbox.authorize payment=" + request.paymentId() + " status=" + result);
      if (fault == SandboxFaults.Fault.ASYNC_OUTCOME) {
        settleLater(charge);
      } else {
        announce(charge);
      }
    }
    if (fault == SandboxFaults.Fault.TIMEOUT_AFTER_CHARGE) {
      throw new GatewayUnavailableException("sandbox: answer lost after the charge", null);
    }
    return result;
  }

  @Override
  public GatewayResult capture(CaptureRequest request) {
    Charge charge = existing(request.payment().paymentId());
    synchronized (charge) {
      if (charge.status.equals("captured")) {
        return charge.result(); // the same capture again: its first answer
      }
      if (!charge.status.equals("authorized")) {
        throw new GatewayRejectedException(
            "payment_intent_unexpected_state",
            "This payment is " + charge.status + " and cannot be captured.");
      }
      long amount = request.amount().minorUnits();
      if (amount <= 0 || amount > charge.amount) {
        throw new GatewayRejectedException(
            "amount_too_large", "The capture amount must be between 1 and the authorized amount.");
      }
      charge.status = "captured";
      charge.captured = amount;
    }
    announce(charge);
    return charge.result();
  }

  @Override
  public GatewayResult voidAuthorization(PaymentReference payment) {
    Charge charge = existing(payment.paymentId());
    synchronized (charge) {
      if (charge.status.equals("canceled")) {
        return charge.result();
      }
      if (!charge.status.equals("authorized") && !charge.status.equals("requires_action")) {
        throw new GatewayRejectedException(
            "payment_intent_unexpected_state",
            "This payment is " + charge.status + " and cannot be voided.");
      }
      charge.status = "canceled";
    }
    announce(charge);
    return charge.result();
  }

  /** Refunds are refused above what is left of the capture, as a real gateway refuses them. */
  @Override
  public GatewayRefundResult refund(RefundRequest request) {
    SandboxFaults.Fault fault = faults.nextRefund();
    if (fault == SandboxFaults.Fault.TIMEOUT_BEFORE_RECEIVED
        || fault == SandboxFaults.Fault.SERVER_ERROR) {
      throw new GatewayUnavailableException("sandbox: refund not received", null);
    }
    GatewayRefundResult result =
        refunds.computeIfAbsent(request.refundId(), id -> decideRefund(request));
    if (fault == SandboxFaults.Fault.TIMEOUT_AFTER_CHARGE) {
      throw new GatewayUnavailableException("sandbox: answer lost after the refund", null);
    }
    return result;
  }

  @Override
  public Optional<GatewayResult> retrieve(PaymentReference payment) {
    Charge charge = charges.get(payment.paymentId());
    if (charge == null) {
      return Optional.empty();
    }
    expireIfDue(charge);
    synchronized (charge) {
      return Optional.of(charge.result());
    }
  }

  /** The refund as the sandbox knows it, if it received it. */
  public Optional<GatewayRefundResult> retrieveRefund(String refundId) {
    return Optional.ofNullable(refunds.get(refundId));
  }

  /** How many charges the sandbox made for a payment id: 0 or 1, whatever was sent. */
  public int chargesFor(String paymentId) {
    Charge charge = charges.get(paymentId);
    if (charge == null) {
      return 0;
    }
    synchronized (charge) {
      return charge.status.equals("captured") || charge.status.equals("authorized") ? 1 : 0;
    }
  }

  /**
   * The shopper's answer on the sandbox challenge page.
   *
   * @return the payment's outcome after the challenge
   * @throws GatewayRejectedException if the payment is not waiting for a challenge
   */
  public GatewayResult completeChallenge(String paymentId, boolean passed) {
    Charge charge = existing(paymentId);
    synchronized (charge) {
      if (!charge.status.equals("requires_action") || charge.method != PaymentMethodType.CARD) {
        return charge.result(); // answered before (a second click, a reload)
      }
      if (passed) {
        approve(charge);
      } else {
        charge.status = "declined";
        charge.decline = DeclineReason.AUTHENTICATION_FAILED;
      }
    }
    announce(charge);
    return charge.result();
  }

  /**
   * The shopper's answer on the sandbox wallet page (PayPal-style): approved, the payment is
   * captured or authorized as asked; canceled, it is canceled and nothing is charged.
   *
   * @return the payment's outcome; its first one when it was answered before
   * @throws GatewayRejectedException if the sandbox has no such payment
   */
  public GatewayResult completeWallet(String paymentId, boolean approved) {
    Charge charge = existing(paymentId);
    synchronized (charge) {
      if (!charge.status.equals("requires_action") || charge.method != PaymentMethodType.PAYPAL) {
        return charge.result();
      }
      if (approved) {
        approve(charge);
      } else {
        charge.status = "canceled";
      }
    }
    announce(charge);
    return charge.result();
  }

  /**
   * The shopper's phone scanned a sandbox QR code and paid or declined. A code past its end pays
   * nothing: the payment fails as {@code qr_code_expired}.
   *
   * @return the payment's outcome; its first one when it was answered before
   * @throws GatewayRejectedException if the sandbox has no such payment
   */
  public GatewayResult scanQr(String paymentId, boolean paid) {
    Charge charge = existing(paymentId);
    if (expireIfDue(charge)) {
      return charge.result();
    }
    synchronized (charge) {
      if (!charge.status.equals("requires_action") || !charge.isQr()) {
        return charge.result();
      }
      if (paid) {
        approve(charge);
      } else {
        decline(charge, DeclineReason.WALLET_DECLINED);
      }
    }
    announce(charge);
    return charge.result();
  }

  /**
   * Ends a waiting QR code now, as if its time had run out: the sandbox's stand-in for waiting, for
   * demonstrations and tests. Anything else is left as it is.
   *
   * @return the payment's outcome
   */
  public GatewayResult expireQr(String paymentId) {
    Charge charge = existing(paymentId);
    synchronized (charge) {
      if (!charge.status.equals("requires_action") || !charge.isQr()) {
        return charge.result();
      }
      decline(charge, DeclineReason.QR_CODE_EXPIRED);
    }
    LOG.info(() -> "event=sandbox.qr_expired payment=" + charge.paymentId);
    announce(charge);
    return charge.result();
  }

  /**
   * A wallet payment waiting for the shopper, for the sandbox's wallet and QR pages; empty when
   * there is none (unknown, a card, or answered already).
   */
  public Optional<WalletRequest> walletRequest(String paymentId) {
    Charge charge = charges.get(paymentId);
    if (charge == null || charge.method == PaymentMethodType.CARD) {
      return Optional.empty();
    }
    expireIfDue(charge);
    synchronized (charge) {
      return charge.status.equals("requires_action")
          ? Optional.of(
              new WalletRequest(
                  charge.method,
                  new org.kassa.payment.money.Money(charge.amount, charge.currency),
                  charge.expiresAt))
          : Optional.empty();
    }
  }

  /**
   * Ends a QR code past its end, as the wallet does: the payment fails and Kassa is told.
   *
   * @return whether it ended now
   */
  private boolean expireIfDue(Charge charge) {
    synchronized (charge) {
      if (!charge.isQr()
          || charge.expiresAt == null
          || !charge.status.equals("requires_action")
          || clock.instant().isBefore(charge.expiresAt)) {
        return false;
      }
      decline(charge, DeclineReason.QR_CODE_EXPIRED);
    }
    LOG.info(() -> "event=sandbox.qr_expired payment=" + charge.paymentId);
    announce(charge);
    return true;
  }

  /** Where the challenge page sends the shopper back to, for a payment that has a challenge. */
  public Optional<String> returnUrl(String paymentId) {
    return Optional.ofNullable(charges.get(paymentId)).map(c -> c.returnUrl);
  }

  /** Whether a payment is waiting for the shopper's 3-D Secure challenge. */
  public boolean awaitsChallenge(String paymentId) {
    Charge charge = charges.get(paymentId);
    if (charge == null) {
      return false;
    }
    synchronized (charge) {
      return charge.status.equals("requires_action") && charge.method == PaymentMethodType.CARD;
    }
  }

  @Override
  public GatewayEvent parseCallback(CallbackRequest callback) {
    byte[] body = callback.body();
    try {
      TimestampedSignature.verify(
          callback.header(SIGNATURE_HEADER).orElse(null),
          body,
          List.of(webhookSecret),
          callback.receivedAt(),
          TimestampedSignature.DEFAULT_TOLERANCE);
    } catch (InvalidSignatureException e) {
      throw new InvalidCallbackException(e.getMessage());
    }
    JsonObject event;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      event = reader.readObject();
    } catch (RuntimeException e) {
      throw new InvalidCallbackException("sandbox callback is not a JSON object");
    }
    try {
      String id = event.getString("id");
      String type = event.getString("type");
      Instant at = Instant.ofEpochSecond(event.getJsonNumber("created").longValue());
      JsonObject data = event.getJsonObject("data");
      if (type.equals(SandboxBank.CREDIT_EVENT)) {
        return SandboxBank.read(id, type, at, data);
      }
      String paymentId = data.getString("payment_id");
      if (type.startsWith("dispute.")) {
        return GatewayEvent.dispute(
            id,
            type,
            at,
            paymentId,
            new DisputeNotice(
                data.getString("dispute_id"),
                data.getString("status"),
                new org.kassa.payment.money.Money(
                    data.getJsonNumber("amount").longValueExact(),
                    org.kassa.payment.money.CurrencyCode.of(data.getString("currency"))),
                data.getString("reason", null),
                data.containsKey("evidence_due_by")
                    ? Instant.ofEpochSecond(data.getJsonNumber("evidence_due_by").longValue())
                    : null));
      }
      if (type.startsWith("refund.")) {
        String reference = data.getString("reference");
        GatewayRefundResult refund =
            type.equals("refund.succeeded")
                ? GatewayRefundResult.succeeded(reference)
                : GatewayRefundResult.failed(reference, data.getString("failure_code", null));
        return GatewayEvent.refund(id, type, at, paymentId, data.getString("refund_id"), refund);
      }
      String reference = data.getString("reference");
      GatewayResult result =
          switch (type) {
            case "payment.processing" -> GatewayResult.processing(reference);
            case "payment.requires_action" ->
                GatewayResult.requiresAction(
                    reference, data.getString("action_url", CHALLENGE_PATH + paymentId));
            case "payment.authorized" -> GatewayResult.authorized(reference);
            case "payment.captured" ->
                GatewayResult.captured(
                    reference, data.getJsonNumber("amount_captured").longValueExact());
            case "payment.declined" ->
                GatewayResult.declined(
                    reference, DeclineReason.fromCode(data.getString("decline_code", null)));
            case "payment.canceled" -> GatewayResult.canceled(reference);
            default -> null;
          };
      String savedMethod = data.getString("payment_method", null);
      if (result != null && savedMethod != null) {
        result = result.withSavedMethod(savedMethod);
      }
      return result == null
          ? GatewayEvent.ignored(id, type, at)
          : GatewayEvent.payment(id, type, at, paymentId, result);
    } catch (RuntimeException e) {
      throw new InvalidCallbackException("sandbox callback lacks a field: " + e.getMessage());
    }
  }

  private Charge existing(String paymentId) {
    Charge charge = charges.get(paymentId);
    if (charge == null) {
      throw new GatewayRejectedException(
          "resource_missing", "The sandbox has no payment " + paymentId + ".");
    }
    return charge;
  }

  private Charge decide(AuthorizationRequest request, boolean async) {
    Charge charge =
        new Charge(
            request.paymentId(),
            request.amount(),
            request.capture(),
            request.returnUrl(),
            request.method().type(),
            request.method() instanceof PaymentMethod.Wallet wallet ? wallet.expiresAt() : null);
    if (request.method() instanceof PaymentMethod.Wallet) {
      // The shopper approves in the wallet; without the shopper there is no one to approve.
      if (request.shopperPresent()) {
        charge.status = "requires_action";
      } else {
        decline(charge, DeclineReason.AUTHENTICATION_FAILED);
      }
      return charge;
    }
    String number = null;
    if (request.method() instanceof PaymentMethod.Card card) {
      number = card.details().number();
      if (request.saveMethod()) {
        charge.saveNumber = number;
      }
    } else if (request.method() instanceof PaymentMethod.Saved saved) {
      number = numberOf(saved.token());
      if (number != null && request.shopperPresent() && !cvcAccepted(saved)) {
        decline(charge, DeclineReason.INCORRECT_CVC);
        return charge;
      }
    }
    if (number == null) {
      charge.status = "declined";
      charge.decline = DeclineReason.GENERIC_DECLINE;
      return charge;
    }
    TestCard card = CARDS.get(number);
    String outcome = card == null ? "succeeds" : card.outcome();
    switch (outcome) {
      case "declined" -> decline(charge, declineReason(card.detail()));
      case "blocked" -> decline(charge, DeclineReason.FRAUDULENT);
      case "error" -> decline(charge, DeclineReason.INCORRECT_NUMBER);
      case "declined_if_cvc_entered" -> decline(charge, DeclineReason.INCORRECT_CVC);
      case "attach_ok_charge_fails" -> decline(charge, DeclineReason.GENERIC_DECLINE);
      case "requires_authentication" -> {
        if (request.shopperPresent()) {
          charge.status = "requires_action";
        } else {
          decline(charge, DeclineReason.AUTHENTICATION_FAILED);
        }
      }
      case "succeeds_then_disputed" -> {
        approve(charge);
        charge.disputes = true;
      }
      default -> approve(charge);
    }
    if (async && !charge.status.equals("requires_action")) {
      // The outcome is decided but told later, by callback only.
      charge.pendingStatus = charge.status;
      charge.status = "processing";
    }
    return charge;
  }

  private static void decline(Charge charge, DeclineReason reason) {
    charge.status = "declined";
    charge.decline = reason;
  }

  private void approve(Charge charge) {
    charge.status = charge.capture ? "captured" : "authorized";
    charge.captured = charge.capture ? charge.amount : 0;
    if (charge.saveNumber != null && charge.savedToken == null) {
      charge.savedToken = "pm_sbx_" + org.kassa.payment.merchant.ApiKey.randomToken(24);
      savedCards.put(charge.savedToken, charge.saveNumber);
      charge.saveNumber = null;
    }
  }

  /** A published test token's number, or a saved card's. */
  private String numberOf(String token) {
    String number = TEST_TOKENS.get(token);
    return number != null ? number : savedCards.get(token);
  }

  /** The security code the shopper re-entered, where the sandbox asks for one, is well-formed. */
  private boolean cvcAccepted(PaymentMethod.Saved saved) {
    if (saved.hasCvc()) {
      return saved.cvc().matches("\\d{3,4}");
    }
    return !savedCardNeedsCvc(saved.token());
  }

  /** On session, a card the sandbox saved needs its code again, unless configured otherwise. */
  @Override
  public boolean savedCardNeedsCvc(String token) {
    return "on-session".equals(savedCardCvc) && savedCards.containsKey(token);
  }

  @Override
  public void detachSavedMethod(String token) {
    if (savedCards.remove(token) != null) {
      LOG.info(() -> "event=sandbox.saved_method_detached");
    }
  }

  private GatewayRefundResult decideRefund(RefundRequest request) {
    Charge charge = charges.get(request.paymentId());
    String reference = "sbx_" + request.refundId();
    GatewayRefundResult result;
    if (charge == null) {
      result = GatewayRefundResult.failed(reference, "charge_missing");
    } else {
      synchronized (charge) {
        long amount = request.amount().minorUnits();
        if (!charge.status.equals("captured")) {
          result = GatewayRefundResult.failed(reference, "charge_not_captured");
        } else if (charge.refunded + amount > charge.captured) {
          result = GatewayRefundResult.failed(reference, "amount_too_large");
        } else {
          charge.refunded += amount;
          result = GatewayRefundResult.succeeded(reference);
        }
      }
    }
    announceRefund(request, result);
    return result;
  }

  private void settleLater(Charge charge) {
    synchronized (charge) {
      charge.status = charge.pendingStatus;
      charge.pendingStatus = null;
    }
    announce(charge);
  }

  /** Sends the charge's current state as a callback, or misbehaves as the fault says. */
  private void announce(Charge charge) {
    String body;
    synchronized (charge) {
      body = paymentEvent(charge);
    }
    switch (faults.nextCallback()) {
      case LOST_CALLBACK ->
          LOG.info(() -> "event=sandbox.callback_lost payment=" + charge.paymentId);
      case DUPLICATE_CALLBACK -> {
        send(body);
        send(body);
      }
      case CALLBACKS_OUT_OF_ORDER -> {
        send(body);
        // A stale "processing" arrives after the outcome, as reordered deliveries do.
        send(
            event(
                "payment.processing",
                Json.createObjectBuilder()
                    .add("payment_id", charge.paymentId)
                    .add("reference", charge.reference)
                    .build()));
      }
      default -> send(body);
    }
    disputeIfDue(charge);
  }

  /** The disputed test card: once captured, the cardholder's bank opens a dispute. */
  private void disputeIfDue(Charge charge) {
    String body;
    synchronized (charge) {
      if (!charge.disputes || !charge.status.equals("captured") || charge.disputeStatus != null) {
        return;
      }
      charge.disputeStatus = "needs_response";
      body = disputeEvent(charge, "dispute.created");
    }
    send(body);
  }

  private String disputeEvent(Charge charge, String type) {
    return event(
        type,
        Json.createObjectBuilder()
            .add("payment_id", charge.paymentId)
            .add("dispute_id", "dp_sbx_" + charge.paymentId)
            .add("status", charge.disputeStatus)
            .add("amount", charge.captured)
            .add("currency", charge.currency.code())
            .add("reason", "fraudulent")
            .add("evidence_due_by", clock.instant().plus(Duration.ofDays(7)).getEpochSecond())
            .build());
  }

  /**
   * Takes evidence as Stripe's test mode does: text containing {@code winning_evidence} wins the
   * dispute, {@code losing_evidence} loses it (each told later by callback); anything else leaves
   * it under review.
   */
  @Override
  public DisputeNotice submitDisputeEvidence(DisputeEvidence evidence) {
    Charge charge = existing(evidence.paymentId());
    String decided;
    DisputeNotice notice;
    synchronized (charge) {
      if (!"needs_response".equals(charge.disputeStatus)) {
        throw new GatewayRejectedException(
            "dispute_not_open", "The sandbox's dispute is " + charge.disputeStatus + ".");
      }
      charge.disputeStatus = "under_review";
      decided =
          evidence.text().contains("winning_evidence")
              ? "won"
              : evidence.text().contains("losing_evidence") ? "lost" : null;
      notice = disputeNotice(charge);
    }
    if (decided != null) {
      String body;
      synchronized (charge) {
        charge.disputeStatus = decided;
        body = disputeEvent(charge, "dispute.closed");
      }
      send(body);
    }
    return notice;
  }

  private DisputeNotice disputeNotice(Charge charge) {
    return new DisputeNotice(
        "dp_sbx_" + charge.paymentId,
        charge.disputeStatus,
        new org.kassa.payment.money.Money(charge.captured, charge.currency),
        "fraudulent",
        null);
  }

  private void announceRefund(RefundRequest request, GatewayRefundResult result) {
    var data =
        Json.createObjectBuilder()
            .add("payment_id", request.paymentId())
            .add("refund_id", request.refundId())
            .add("reference", result.gatewayReference());
    if (result.failureCode() != null) {
      data.add("failure_code", result.failureCode());
    }
    send(event(result.succeeded() ? "refund.succeeded" : "refund.failed", data.build()));
  }

  private String paymentEvent(Charge charge) {
    var data =
        Json.createObjectBuilder()
            .add("payment_id", charge.paymentId)
            .add("reference", charge.reference)
            .add("amount_captured", charge.captured);
    if (charge.decline != null) {
      data.add("decline_code", charge.decline.code());
    }
    if (charge.status.equals("requires_action")) {
      data.add("action_url", charge.actionPath());
    }
    GatewayResult result = charge.result();
    if (result.savedMethodToken() != null) {
      data.add("payment_method", result.savedMethodToken());
    }
    return event("payment." + charge.status, data.build());
  }

  private String event(String type, JsonValue data) {
    return Json.createObjectBuilder()
        .add("id", "evt_" + org.kassa.payment.merchant.ApiKey.randomToken(20))
        .add("type", type)
        .add("created", clock.instant().getEpochSecond())
        .add("data", data)
        .build()
        .toString();
  }

  private void send(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Instant now = clock.instant();
    channel.send(
        new CallbackRequest(
            Map.of(
                SIGNATURE_HEADER,
                List.of(TimestampedSignature.header(now, bytes, List.of(webhookSecret))),
                "Content-Type",
                List.of("application/json")),
            bytes,
            now));
  }

  /** Maps the CSV's detail, e.g. {@code card_declined / insufficient_funds}, to a reason. */
  static DeclineReason declineReason(String detail) {
    String code =
        detail.contains("/") ? detail.substring(detail.indexOf('/') + 1).trim() : detail.trim();
    return DeclineReason.fromCode(code);
  }

  /**
   * The issuing country of one of Stripe's published test cards, typed or as its test token, as
   * that list gives it; other cards' countries the sandbox does not know.
   */
  @Override
  public Optional<String> cardCountry(PaymentMethod method) {
    String number = null;
    if (method instanceof PaymentMethod.Card card) {
      number = card.details().number();
    } else if (method instanceof PaymentMethod.Saved saved) {
      number = numberOf(saved.token());
    }
    return Optional.ofNullable(number == null ? null : CARDS.get(number))
        .map(TestCard::country)
        .filter(c -> c.matches("[A-Z]{2}"));
  }

  /** The brand of a sandbox test token, for the payment record; unknown tokens have none. */
  public static Optional<CardBrand> tokenBrand(String token) {
    return Optional.ofNullable(TEST_TOKENS.get(token)).map(CardBrand::detect);
  }

  /** Whether the sandbox knows this token. */
  public static boolean knowsToken(String token) {
    return TEST_TOKENS.containsKey(token);
  }

  private static Map<String, TestCard> loadTestCards() {
    Map<String, TestCard> byNumber = new HashMap<>();
    try (InputStream in = SandboxGateway.class.getResourceAsStream(TEST_CARDS)) {
      if (in == null) {
        throw new IllegalStateException("sandbox test cards " + TEST_CARDS + " are missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // pan,brand,funding,country,expected_outcome,detail,luhn_valid
      String line;
      while ((line = reader.readLine()) != null) {
        List<String> cells = Csv.split(line);
        if (cells.size() >= 6) {
          byNumber.put(
              cells.get(0),
              new TestCard(cells.get(0), cells.get(4), cells.get(5), cells.get(3).trim()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(byNumber);
  }
}
