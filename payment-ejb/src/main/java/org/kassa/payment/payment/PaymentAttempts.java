package org.kassa.payment.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.consent.ConsentChoice;
import org.kassa.compliance.consent.Consents;
import org.kassa.compliance.gate.ComplianceGate;
import org.kassa.compliance.gate.GateDecision;
import org.kassa.compliance.gate.PaymentContext;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.card.CardSummary;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutStatus;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.GatewayRouter;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.gateway.Route;
import org.kassa.payment.idempotency.IdempotencyKeys;
import org.kassa.payment.merchant.ApiKey;
import org.kassa.payment.money.Money;
import org.kassa.payment.money.fx.FxQuotes;
import org.kassa.payment.saved.SavedPaymentMethods;

/**
 * The transactional steps around a gateway call: {@code begin...} before it, {@link #complete}
 * after it. Each runs in its own transaction, so none is held open across the network.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaymentAttempts {

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private PaymentStateMachine stateMachine;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private PersonalDataVault vault;
  @Inject private Consents consentLedger;
  @Inject private GatewayRouter router;
  @Inject private IdempotencyKeys idempotencyKeys;
  @Inject private ComplianceGate gate;
  @Inject private FxQuotes fxQuotes;
  @Inject private SavedPaymentMethods savedMethods;

  /** How long an authorization may wait for its capture; card networks allow about 7 days. */
  @Inject
  @ConfigProperty(name = "kassa.capture.window", defaultValue = "P7D")
  Duration captureWindow;

  private final Clock clock = Clock.systemUTC();

  /**
   * How the shopper pays: the method, the card's visible details or the saved token (with the
   * gateway that holds it and the saved card's id, when Kassa saved it), and for the compliance
   * gate the card's keyed fingerprint (never its number) and issuing country when known.
   */
  public record Instrument(
      PaymentMethodType type,
      CardSummary card,
      String token,
      String cardFingerprint,
      String cardCountry,
      String tokenGateway,
      String savedMethodId) {

    public Instrument(PaymentMethodType type, CardSummary card, String token) {
      this(type, card, token, null, null, null, null);
    }

    /** A card Kassa saved: its token, paid at the gateway holding it, shown by its id. */
    public static Instrument saved(
        CardSummary card, String token, String cardCountry, String gateway, String id) {
      return new Instrument(PaymentMethodType.CARD, card, token, null, cardCountry, gateway, id);
    }

    public Instrument(
        PaymentMethodType type,
        CardSummary card,
        String token,
        String cardFingerprint,
        String cardCountry) {
      this(type, card, token, cardFingerprint, cardCountry, null, null);
    }
  }

  /**
   * Step one of a hosted checkout: lock the session, check it can be paid, route, store a
   * processing payment.
   *
   * @param clientIp the shopper's IP address, or null; only its pseudonym reaches the gate
   * @throws SessionNotPayableException if it is paid, expired or a payment is under way
   * @throws org.kassa.payment.money.fx.QuoteExpiredException if the shopper chose to pay in their
   *     currency at a quote now past its lock: nothing is stored; quote again and ask them
   */
  public Payment beginCheckout(
      String sessionId,
      Instrument instrument,
      Payer payer,
      String clientIp,
      List<ConsentChoice> consents) {
    Instant now = clock.instant();
    CheckoutSession session =
        em.find(CheckoutSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (session == null) {
      throw new NotFoundException("checkout session", sessionId);
    }
    CheckoutStatus status = session.statusAt(now);
    if (status == CheckoutStatus.COMPLETE) {
      throw new SessionNotPayableException(
          sessionId, SessionNotPayableException.Reason.ALREADY_PAID);
    }
    if (status == CheckoutStatus.EXPIRED) {
      throw new SessionNotPayableException(sessionId, SessionNotPayableException.Reason.EXPIRED);
    }
    // Under the session's row lock: one attempt at a time, and a new one only after a final one.
    if (session.paymentId().isPresent()) {
      Payment previous = em.find(Payment.class, session.paymentId().get());
      if (previous != null && !previous.status().isFinal()) {
        throw new SessionNotPayableException(
            sessionId,
            previous.status().isPending()
                ? SessionNotPayableException.Reason.IN_PROGRESS
                : SessionNotPayableException.Reason.ALREADY_PAID);
      }
    }
    if (!session.paymentMethodTypes().contains(instrument.type())) {
      // The page offers only the session's methods; anything else is a forged or stale postback.
      throw new org.kassa.payment.InvalidRequestException(
          "payment_method_not_offered",
          "The session does not offer " + instrument.type().apiName() + ".",
          java.util.Map.of("payment_method", "is not offered by this session"));
    }
    // The shopper's currency, at the quote they chose; past its lock it is refused (rolling this
    // transaction back), never applied: the page quotes again and asks. A method that cannot take
    // that currency (a SEPA transfer is in euros) is charged in the session's own.
    Optional<Presentment> presentment =
        session
            .presentmentQuoteId()
            .map(quoteId -> Presentment.of(fxQuotes.use(session.merchantId(), quoteId, now)))
            .filter(
                p ->
                    org.kassa.payment.checkout.PaymentMethodAvailability.allowsCurrency(
                        instrument.type(), p.amount().currency()));
    Route route =
        router.route(
            session.merchantId(),
            instrument.type(),
            presentment.map(Presentment::amount).orElse(session.amount()),
            null,
            instrument.tokenGateway());
    String id = newId();
    // The payer is the subject: known by the email they typed, else the one the merchant gave,
    // else (no email at all) by this payment alone.
    String subjectRef =
        payer
            .emailAddress()
            .map(pseudonymizer::pseudonym)
            .or(session::subjectRef)
            .orElseGet(() -> pseudonymizer.pseudonym("payment:" + id));
    Payment payment =
        new Payment(
            id,
            sessionId,
            session.merchantId(),
            session.amount(),
            instrument.type(),
            instrument.card(),
            instrument.token(),
            subjectRef,
            null,
            CaptureMethod.AUTOMATIC,
            route,
            now.plus(captureWindow),
            now);
    presentment.ifPresent(payment::presentIn);
    if (instrument.savedMethodId() != null) {
      payment.paidWithSaved(instrument.savedMethodId());
    }
    payment.recordPayer(
        vault.seal(subjectRef, payer.name()),
        vault.seal(subjectRef, payer.emailAddress().orElse(null)));
    em.persist(payment);
    session.attachAttempt(payment.id(), now);
    stateMachine.created(payment, "shopper", subjectRef);
    // Saving a card is the merchant's customer's consent, kept where their saved cards are: under
    // the customer's pseudonymous id. Without a customer id nothing can be saved, nor consented to.
    List<ConsentChoice> payerConsents =
        consents.stream()
            .filter(c -> !SavedPaymentMethods.CONSENT_PURPOSE.equals(c.purpose()))
            .toList();
    List<ConsentChoice> saving =
        consents.stream()
            .filter(c -> SavedPaymentMethods.CONSENT_PURPOSE.equals(c.purpose()))
            .toList();
    if (!payerConsents.isEmpty()) {
      consentLedger.grant(subjectRef, payerConsents, "hosted_page");
    }
    if (!saving.isEmpty() && session.customerRef().isPresent()) {
      consentLedger.grant(session.customerRef().get(), saving, "hosted_page");
    }
    return assess(
        payment,
        payer.name(),
        null,
        subjectRef,
        instrument,
        pseudonymizer.pseudonym("ip", clientIp));
  }

  /** Step one of a server-side payment: route and store a processing payment. */
  public Payment beginServerSide(
      String merchantId,
      Money amount,
      Instrument instrument,
      String customerId,
      CaptureMethod captureMethod,
      String country,
      String idempotencyKey) {
    Instant now = clock.instant();
    Route route =
        router.route(merchantId, instrument.type(), amount, country, instrument.tokenGateway());
    String subjectRef = pseudonymizer.pseudonym(customerId);
    Payment payment =
        new Payment(
            newId(),
            null,
            merchantId,
            amount,
            instrument.type(),
            instrument.card(),
            instrument.token(),
            subjectRef,
            customerId,
            captureMethod,
            route,
            now.plus(captureWindow),
            now);
    if (instrument.savedMethodId() != null) {
      payment.paidWithSaved(instrument.savedMethodId());
    }
    em.persist(payment);
    idempotencyKeys.bind(merchantId, idempotencyKey, "payment", payment.id());
    stateMachine.created(payment, "merchant:" + merchantId, subjectRef);
    return assess(payment, null, country, subjectRef, instrument, null);
  }

  /**
   * Asks the compliance gate, in this first transaction: a blocked payment, or one whose payer must
   * verify their identity first (KYC), fails here and never reaches a gateway; one held for review
   * is only authorized, and captured when an officer clears it.
   */
  private Payment assess(
      Payment payment,
      String payerName,
      String country,
      String subjectRef,
      Instrument instrument,
      String ipRef) {
    GateDecision decision =
        gate.assess(
            new PaymentContext(
                payment.id(),
                payment.merchantId(),
                payment.amount().minorUnits(),
                payment.amount().currency().code(),
                payerName,
                country,
                subjectRef,
                instrument.cardFingerprint(),
                ipRef,
                instrument.cardCountry()));
    switch (decision.outcome()) {
      case BLOCK -> {
        payment.recordDecline(DeclineReason.COMPLIANCE_BLOCKED);
        stateMachine.transition(
            payment,
            PaymentStatus.FAILED,
            "compliance-gate",
            "decline=compliance_blocked decision=" + decision.id());
      }
      case KYC_REQUIRED -> {
        DeclineReason reason =
            decision.kycRequired() == org.kassa.compliance.kyc.KycTier.FULL
                ? DeclineReason.KYC_REQUIRED_FULL
                : DeclineReason.KYC_REQUIRED_BASIC;
        payment.recordDecline(reason);
        stateMachine.transition(
            payment,
            PaymentStatus.FAILED,
            "compliance-gate",
            "decline=" + reason.code() + " decision=" + decision.id());
      }
      case REVIEW -> payment.holdForReview(decision.caseId());
      case ALLOW -> {}
    }
    return payment;
  }

  /** Step three: apply the gateway's answer, in a transaction of its own. */
  public PaymentResult complete(String paymentId, GatewayResult answer) {
    return settle(paymentId, answer, null);
  }

  /**
   * Applies a gateway's answer to the payment and, when paid, to its session, in the caller's
   * transaction (a callback stores its event and applies it in one). Answers only move a payment
   * forward: a repeated or late one changes nothing.
   *
   * @param actor who reports the answer for the trail, or null for the payment's gateway
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public PaymentResult settle(String paymentId, GatewayResult answer, String actor) {
    Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
    if (payment == null) {
      throw new NotFoundException("payment", paymentId);
    }
    Optional<PaymentStatus> target = payment.statusAfter(answer);
    if (target.isEmpty()) {
      return PaymentResult.of(payment);
    }
    payment.recordAnswer(answer);
    stateMachine.transition(
        payment,
        target.get(),
        actor == null ? "gateway:" + payment.gateway() : actor,
        payment.declineReason().map(d -> "decline=" + d.code()).orElse(null));
    if (payment.sessionId() != null
        && (target.get() == PaymentStatus.AUTHORIZED
            || answer.outcome() == GatewayResult.Outcome.CAPTURED)) {
      CheckoutSession session =
          em.find(CheckoutSession.class, payment.sessionId(), LockModeType.PESSIMISTIC_WRITE);
      if (session.statusAt(clock.instant()) != CheckoutStatus.COMPLETE) {
        session.complete(payment.id(), clock.instant());
      }
      saveCardIfAsked(payment, session, answer);
    }
    return PaymentResult.of(payment);
  }

  /**
   * Saves the typed card for the session's customer when the gateway answered a token (it does only
   * when asked, and Kassa asks only when the shopper ticked the box), in the transaction that
   * records the payment's success; the ledger must hold the customer's consent.
   */
  private void saveCardIfAsked(Payment payment, CheckoutSession session, GatewayResult answer) {
    if (answer.savedMethodToken() == null
        || session.customerRef().isEmpty()
        || payment.card().isEmpty()) {
      return;
    }
    String payerName =
        payment.subjectRef().flatMap(s -> vault.open(s, payment.sealedPayerName())).orElse(null);
    if (payerName == null) {
      return;
    }
    savedMethods.save(
        payment.merchantId(),
        session.customerRef().get(),
        session.sealedCustomerId(),
        payerName,
        payment.gateway(),
        answer.savedMethodToken(),
        payment.card().get(),
        payment.id());
  }

  /**
   * Ends an open payment whose time ran out: an authorization past its capture deadline, or a 3-D
   * Secure challenge the shopper never finished. Its gateway was asked to void it first.
   *
   * @return the payment now; unchanged if it moved on meanwhile (a late capture wins)
   */
  public PaymentResult expire(String paymentId, String actor, String detail) {
    Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
    if (payment.status().canMoveTo(PaymentStatus.EXPIRED)) {
      stateMachine.transition(payment, PaymentStatus.EXPIRED, actor, detail);
    }
    return PaymentResult.of(payment);
  }

  /**
   * Fails a processing payment its gateway says it never received, and that cannot be sent again (a
   * typed card is not kept): nothing was charged, and the shopper may pay again.
   */
  public PaymentResult failUnreached(String paymentId, String actor) {
    Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
    if (payment.status() == PaymentStatus.PROCESSING) {
      payment.recordDecline(org.kassa.payment.gateway.DeclineReason.PROCESSING_ERROR);
      stateMachine.transition(
          payment, PaymentStatus.FAILED, actor, "decline=processing_error gateway_never_received");
    }
    return PaymentResult.of(payment);
  }

  private static String newId() {
    return "pay_" + ApiKey.randomToken(24);
  }
}
