package org.kassa.payment.payment;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.payment.card.CardBrand;
import org.kassa.payment.card.CardSummary;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.gateway.Route;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/**
 * One attempt to pay a checkout session. Its status only changes through {@link #moveTo}, which
 * refuses what the state machine does not allow. It keeps brand, last four and expiry of the card,
 * never the number or the CVC.
 */
@Entity
@Table(name = "payment")
public class Payment {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  /** The checkout session paid, or null for a server-side payment. */
  @Column(name = "session_id", length = 40)
  private String sessionId;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Embedded
  @AttributeOverride(
      name = "code",
      column = @Column(name = "currency", length = 3, nullable = false))
  private CurrencyCode currency;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 30)
  private PaymentStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "card_brand", length = 20)
  private CardBrand cardBrand;

  @Column(name = "card_last4", length = 4)
  private String cardLast4;

  @Column(name = "card_exp_month")
  private Integer cardExpMonth;

  @Column(name = "card_exp_year")
  private Integer cardExpYear;

  @Column(name = "decline_code", length = 40)
  private String declineCode;

  @Column(name = "gateway", nullable = false, length = 40)
  private String gateway;

  @Column(name = "gateway_reference", length = 100)
  private String gatewayReference;

  /** What the gateway captured: the amount, or less after a partial capture. */
  @Column(name = "amount_captured", nullable = false)
  private long amountCaptured;

  @Enumerated(EnumType.STRING)
  @Column(name = "payment_method", nullable = false, length = 20)
  private PaymentMethodType method;

  /** The gateway's token of a saved payment method: kept so a payment can be sent again. */
  @Column(name = "payment_method_token", length = 100)
  private String methodToken;

  /** The card Kassa saved that this payment was made with ({@code spm_...}), or null. */
  @Column(name = "saved_payment_method", length = 40)
  private String savedMethodId;

  @Enumerated(EnumType.STRING)
  @Column(name = "capture_method", nullable = false, length = 20)
  private CaptureMethod captureMethod;

  /** An authorization not captured by then is voided. */
  @Column(name = "capture_before")
  private OffsetDateTime captureBefore;

  /** Where the shopper completes 3-D Secure or a redirect, while the payment requires action. */
  @Column(name = "action_url", length = 2048)
  private String actionUrl;

  /** The merchant's own id of the customer, if it gave one. */
  @Column(name = "customer_id", length = 100)
  private String customerId;

  /** What routing expected the gateway to charge, in the payment's currency; null if unpriced. */
  @Column(name = "fee_estimate")
  private Long feeEstimate;

  /** The compliance case holding this payment for review, if the gate held it. */
  @Column(name = "review_case", length = 40)
  private String reviewCase;

  /** The sum of succeeded refunds. */
  @Column(name = "amount_refunded", nullable = false)
  private long amountRefunded;

  /** The sum of lost disputes: money the card network took back. */
  @Column(name = "amount_charged_back", nullable = false)
  private long amountChargedBack;

  /** The sum of refunds sent to the gateway and not yet answered. */
  @Column(name = "amount_refund_pending", nullable = false)
  private long amountRefundPending;

  /**
   * What the shopper was shown and charged in their own currency, when the payment was presented in
   * it (all null otherwise): the gateway charges this amount; the payment's amount stays the
   * merchant's, which Kassa settles and reports in.
   */
  @Column(name = "presentment_amount")
  private Long presentmentAmount;

  @Embedded
  @AttributeOverride(name = "code", column = @Column(name = "presentment_currency", length = 3))
  private CurrencyCode presentmentCurrency;

  @Column(name = "fx_rate", precision = 38, scale = 20)
  private java.math.BigDecimal fxRate;

  @Column(name = "fx_rates_source", length = 2048)
  private String fxRatesSource;

  @Column(name = "fx_rates_date")
  private java.time.LocalDate fxRatesDate;

  @Column(name = "fx_quote_id", length = 40)
  private String fxQuoteId;

  /** The sum of succeeded refunds in the presentment currency: never more than was charged. */
  @Column(name = "presentment_refunded", nullable = false)
  private long presentmentRefunded;

  /** Refunds sent and not yet answered, in the presentment currency. */
  @Column(name = "presentment_refund_pending", nullable = false)
  private long presentmentRefundPending;

  /** Who paid: sealed under the subject's key (compliance's PersonalDataVault), never plain. */
  @Column(name = "payer_name", length = 1000)
  private String payerName;

  @Column(name = "payer_email", length = 1000)
  private String payerEmail;

  /** The payer's pseudonymous id: what data subject requests and the audit trail know them by. */
  @Column(name = "subject_ref", length = 40)
  private String subjectRef;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Payment() {}

  /**
   * A new payment, already processing: it is created just before the gateway is asked.
   *
   * @param sessionId the checkout session it pays, or null for a server-side payment
   * @param card the card's brand, last four and expiry, when the method is a card
   * @param methodToken the saved payment method's token, or null for a card typed on the page
   * @param subjectRef the payer's pseudonymous id
   * @param route the gateway chosen and its fee estimate
   * @param captureBefore when an authorization not captured by then is voided
   */
  Payment(
      String id,
      String sessionId,
      String merchantId,
      Money amount,
      PaymentMethodType method,
      CardSummary card,
      String methodToken,
      String subjectRef,
      String customerId,
      CaptureMethod captureMethod,
      Route route,
      Instant captureBefore,
      Instant now) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a payment needs a positive amount");
    }
    this.id = id;
    this.sessionId = sessionId;
    this.merchantId = merchantId;
    this.amount = amount.minorUnits();
    this.currency = amount.currency();
    this.status = PaymentStatus.PROCESSING;
    this.method = method;
    if (card != null) {
      this.cardBrand = card.brand();
      this.cardLast4 = card.lastFour();
      this.cardExpMonth = card.expMonth();
      this.cardExpYear = card.expYear();
    }
    this.methodToken = methodToken;
    this.subjectRef = subjectRef;
    this.customerId = customerId;
    this.captureMethod = captureMethod;
    this.gateway = route.gateway();
    this.feeEstimate = route.feeEstimate().map(Money::minorUnits).orElse(null);
    this.captureBefore = captureBefore.atOffset(ZoneOffset.UTC);
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.updatedAt = this.createdAt;
  }

  /**
   * Presents this new payment in the shopper's currency: the gateway is charged {@code terms}'
   * amount. Called before it is stored, with the route chosen for that amount, whose fee estimate
   * is in the presentment currency and is kept in the payment's.
   */
  void presentIn(Presentment terms) {
    if (status != PaymentStatus.PROCESSING || presentmentAmount != null) {
      throw new IllegalStateException("only a new payment can be presented in another currency");
    }
    if (terms.amount().currency().equals(currency)) {
      throw new IllegalArgumentException("a payment is presented in another currency than its own");
    }
    this.presentmentAmount = terms.amount().minorUnits();
    this.presentmentCurrency = terms.amount().currency();
    this.fxRate = terms.rate();
    this.fxRatesSource = terms.ratesSource();
    this.fxRatesDate = terms.ratesDate();
    this.fxQuoteId = terms.quoteId();
    if (feeEstimate != null) {
      this.feeEstimate =
          terms.convertBack(new Money(feeEstimate, presentmentCurrency), currency).minorUnits();
    }
  }

  /** What the shopper was shown and charged in their currency, if the payment was presented. */
  public Optional<Presentment> presentment() {
    return presentmentAmount == null
        ? Optional.empty()
        : Optional.of(
            new Presentment(
                new Money(presentmentAmount, presentmentCurrency),
                fxRate,
                fxRatesSource,
                fxRatesDate,
                fxQuoteId));
  }

  /** What the gateway charges: the presentment amount when presented, else the amount. */
  public Money charged() {
    return presentmentAmount == null ? amount() : new Money(presentmentAmount, presentmentCurrency);
  }

  /**
   * An amount of the payment's currency as the gateway charges it: the presentment amount for the
   * whole amount, else converted at the locked rate (half-even, once, at most the presentment
   * amount).
   */
  public Money toCharged(Money merchantAmount) {
    if (presentmentAmount == null) {
      return merchantAmount;
    }
    if (merchantAmount.minorUnits() == amount) {
      return charged();
    }
    Money converted = presentment().orElseThrow().convert(merchantAmount);
    return converted.minorUnits() > presentmentAmount ? charged() : converted;
  }

  /**
   * An amount a gateway reports in the currency it charged, in the payment's currency: the amount
   * for the whole presentment amount, else converted back at the locked rate.
   */
  public Money fromCharged(Money charged) {
    if (presentmentAmount == null || !charged.currency().equals(presentmentCurrency)) {
      return charged;
    }
    if (charged.minorUnits() == presentmentAmount) {
      return amount();
    }
    Money back = presentment().orElseThrow().convertBack(charged, currency);
    return back.minorUnits() > amount ? amount() : back;
  }

  /** The presentment amounts refunded, if the payment was presented. */
  public Optional<Money> presentmentRefunded() {
    return presentmentAmount == null
        ? Optional.empty()
        : Optional.of(new Money(presentmentRefunded, presentmentCurrency));
  }

  /**
   * The status a gateway's answer moves this payment to, if any. Answers only ever move a payment
   * forward: a late or repeated one (a {@code processing} callback after the capture, a second
   * {@code captured}) changes nothing, so callbacks may arrive in any order and any number of
   * times.
   */
  public Optional<PaymentStatus> statusAfter(GatewayResult answer) {
    boolean open = status.isPending();
    return switch (answer.outcome()) {
      case PROCESSING -> Optional.empty();
      case REQUIRES_ACTION ->
          status == PaymentStatus.PROCESSING
              ? Optional.of(PaymentStatus.REQUIRES_ACTION)
              : Optional.empty();
      case AUTHORIZED -> open ? Optional.of(PaymentStatus.AUTHORIZED) : Optional.empty();
      case CAPTURED ->
          open || status == PaymentStatus.AUTHORIZED
              ? Optional.of(
                  capturedOf(answer) < amount
                      ? PaymentStatus.PARTIALLY_CAPTURED
                      : PaymentStatus.CAPTURED)
              : Optional.empty();
      case DECLINED -> open ? Optional.of(PaymentStatus.FAILED) : Optional.empty();
      case CANCELED ->
          open || status == PaymentStatus.AUTHORIZED
              ? Optional.of(PaymentStatus.CANCELED)
              : Optional.empty();
    };
  }

  /**
   * Records what a gateway's answer says besides the status: its reference, the amount captured,
   * the action URL, the decline reason. Only called with an answer that {@link #statusAfter} moves.
   */
  void recordAnswer(GatewayResult answer) {
    recordGatewayReference(answer.gatewayReference());
    switch (answer.outcome()) {
      case REQUIRES_ACTION -> this.actionUrl = answer.actionUrl();
      case CAPTURED -> {
        this.amountCaptured = capturedOf(answer);
        this.actionUrl = null;
      }
      case DECLINED -> {
        recordDecline(answer.declineReason());
        this.actionUrl = null;
      }
      default -> this.actionUrl = null;
    }
  }

  /**
   * A gateway that does not say how much it captured captured it all. It says it in the currency it
   * charged: a presented payment's is converted back.
   */
  private long capturedOf(GatewayResult answer) {
    long captured =
        answer.amountCaptured() == 0
            ? amount
            : fromCharged(new Money(answer.amountCaptured(), charged().currency())).minorUnits();
    if (captured < 0 || captured > amount) {
      throw new IllegalArgumentException(
          "gateway reports " + captured + " captured of " + amount + " on " + id);
    }
    return captured;
  }

  /**
   * Checks a capture the merchant asks for.
   *
   * @param requested how much, or null for all that was authorized
   * @return the amount to capture
   * @throws IllegalPaymentTransitionException if the payment is not authorized
   * @throws CaptureNotAllowedException if the amount is more than was authorized
   */
  public Money captureAmount(Long requested) {
    if (status != PaymentStatus.AUTHORIZED) {
      throw new IllegalPaymentTransitionException(id, status, PaymentStatus.CAPTURED);
    }
    long value = requested == null ? amount : requested;
    if (value <= 0 || value > amount) {
      throw new CaptureNotAllowedException(id, new Money(amount, currency));
    }
    if (presentmentAmount != null && value != amount) {
      // The shopper was shown one amount in their currency: it is charged whole or not at all.
      throw CaptureNotAllowedException.presented(id, new Money(amount, currency));
    }
    if (method.payerSendsMoney() && value != amount) {
      // The money already arrived: it is taken whole, or the payment canceled and it returned.
      throw CaptureNotAllowedException.transferred(id, new Money(amount, currency));
    }
    return new Money(value, currency);
  }

  /**
   * Moves to {@code target}. Package-private: only {@link PaymentStateMachine} calls it, so that
   * every change is audited.
   *
   * @throws IllegalPaymentTransitionException if the state machine does not allow it
   */
  void moveTo(PaymentStatus target, Instant now) {
    if (!status.canMoveTo(target)) {
      throw new IllegalPaymentTransitionException(id, status, target);
    }
    this.status = target;
    this.updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  void recordGatewayReference(String reference) {
    if (reference != null) {
      this.gatewayReference = reference;
    }
  }

  /**
   * Sets aside {@code refund} of what was captured for a refund about to be sent to the gateway.
   * The caller holds this payment's row lock, so concurrent refunds are checked one at a time.
   *
   * @return what the refund gives back in the presentment currency, when the payment was presented
   * @throws RefundNotAllowedException if the payment was not captured, or the refund is more than
   *     what remains after succeeded and pending refunds
   */
  public Optional<Money> reserveRefund(Money refund) {
    if (!status.isPaid()) {
      throw RefundNotAllowedException.notCaptured(id, status);
    }
    if (!refund.currency().equals(currency)) {
      throw new IllegalArgumentException("a refund of " + id + " must be in " + currency);
    }
    if (!refund.isPositive() || refund.minorUnits() > refundable().minorUnits()) {
      throw RefundNotAllowedException.tooMuch(id, refundable());
    }
    Optional<Money> presented = presentedShareOf(refund);
    amountRefundPending = Math.addExact(amountRefundPending, refund.minorUnits());
    presented.ifPresent(
        p -> presentmentRefundPending = Math.addExact(presentmentRefundPending, p.minorUnits()));
    return presented;
  }

  /**
   * What a refund of a presented payment gives back in the presentment currency: converted at the
   * locked rate, half-even once; all that is left of the presentment amount when the refund takes
   * all that is left of the payment, so that refunding it whole gives back exactly what was
   * charged; never more than is left.
   *
   * @throws RefundNotAllowedException if the refund is worth nothing in the presentment currency
   */
  private Optional<Money> presentedShareOf(Money refund) {
    if (presentmentAmount == null) {
      return Optional.empty();
    }
    Presentment terms = presentment().orElseThrow();
    long chargedBack =
        amountChargedBack == 0 ? 0 : toCharged(new Money(amountChargedBack, currency)).minorUnits();
    long left =
        toCharged(new Money(amountCaptured, currency)).minorUnits()
            - presentmentRefunded
            - presentmentRefundPending
            - chargedBack;
    long share =
        refund.minorUnits() == refundable().minorUnits()
            ? left
            : Math.min(terms.convert(refund).minorUnits(), left);
    if (share <= 0) {
      throw RefundNotAllowedException.worthNothingPresented(id, refund, terms.amount().currency());
    }
    return Optional.of(new Money(share, presentmentCurrency));
  }

  /** {@link #settleRefund(Money, Optional, boolean)} for a payment in its own currency. */
  public PaymentStatus settleRefund(Money refund, boolean succeeded) {
    if (presentmentAmount != null) {
      throw new IllegalStateException(id + " was presented: settle its refunds with both amounts");
    }
    return settleRefund(refund, Optional.empty(), succeeded);
  }

  /**
   * Applies the gateway's answer to a reserved refund.
   *
   * @param presented what {@link #reserveRefund} said the refund gives back in the presentment
   *     currency
   * @return the status the payment must move to: partially refunded or refunded when it succeeded;
   *     its current status when it failed (the reservation is released)
   */
  public PaymentStatus settleRefund(Money refund, Optional<Money> presented, boolean succeeded) {
    amountRefundPending -= refund.minorUnits();
    presented.ifPresent(p -> presentmentRefundPending -= p.minorUnits());
    if (!succeeded) {
      return status;
    }
    amountRefunded += refund.minorUnits();
    presented.ifPresent(p -> presentmentRefunded += p.minorUnits());
    if (status == PaymentStatus.CHARGED_BACK || status == PaymentStatus.DISPUTED) {
      // A refund sent before the dispute opened: its money is counted; the dispute keeps the
      // payment's status until it is decided.
      return status;
    }
    return amountRefunded == amountCaptured
        ? PaymentStatus.REFUNDED
        : PaymentStatus.PARTIALLY_REFUNDED;
  }

  /**
   * What may still be refunded: captured, less succeeded and pending refunds and what disputes took
   * back. Nothing while a dispute is open: a refund then could pay out twice.
   */
  public Money refundable() {
    long left =
        status.isPaid()
            ? amountCaptured - amountRefunded - amountRefundPending - amountChargedBack
            : 0;
    return new Money(Math.max(0, left), currency);
  }

  /**
   * The status a dispute's outcome returns this disputed payment to; a lost dispute also books the
   * amount the network took back, so later refunds count against what remains.
   *
   * @param lost whether the merchant lost, so the network took {@code amount} back
   */
  public PaymentStatus afterDispute(boolean lost, Money amount) {
    if (status != PaymentStatus.DISPUTED) {
      throw new IllegalPaymentTransitionException(
          id, status, lost ? PaymentStatus.CHARGED_BACK : PaymentStatus.CAPTURED);
    }
    if (lost) {
      amountChargedBack = Math.addExact(amountChargedBack, amount.minorUnits());
      return PaymentStatus.CHARGED_BACK;
    }
    if (amountRefunded == 0) {
      return amountCaptured == this.amount
          ? PaymentStatus.CAPTURED
          : PaymentStatus.PARTIALLY_CAPTURED;
    }
    return amountRefunded >= amountCaptured
        ? PaymentStatus.REFUNDED
        : PaymentStatus.PARTIALLY_REFUNDED;
  }

  public Money amountChargedBack() {
    return new Money(amountChargedBack, currency);
  }

  public Money amountCaptured() {
    return new Money(amountCaptured, currency);
  }

  public Money amountRefunded() {
    return new Money(amountRefunded, currency);
  }

  /**
   * Holds this payment for a compliance case: it is only authorized, and captured when an officer
   * clears the case. The gate holds a new payment (processing, before the gateway is asked); a
   * re-screening that finds the customer on a list holds an authorization not yet captured.
   */
  void holdForReview(String caseId) {
    if (status != PaymentStatus.PROCESSING && !canBeHeldForReview()) {
      throw new IllegalStateException(
          "only a new payment, an authorization not yet captured or a transfer not yet arrived"
              + " can be held for review");
    }
    this.captureMethod = CaptureMethod.MANUAL;
    this.reviewCase = caseId;
  }

  /**
   * Whether a compliance case opened later (a re-screening's) can still hold it: an authorization
   * not yet captured, or a credit transfer whose money has not arrived.
   */
  boolean canBeHeldForReview() {
    return status == PaymentStatus.AUTHORIZED
        || (status == PaymentStatus.REQUIRES_ACTION && method.payerSendsMoney());
  }

  /** The compliance case holding this payment, if any. */
  public Optional<String> reviewCase() {
    return Optional.ofNullable(reviewCase);
  }

  void recordDecline(DeclineReason reason) {
    this.declineCode = reason == null ? DeclineReason.GENERIC_DECLINE.code() : reason.code();
  }

  public String id() {
    return id;
  }

  /** The checkout session paid, or null for a server-side payment. */
  public String sessionId() {
    return sessionId;
  }

  public PaymentMethodType method() {
    return method;
  }

  /**
   * Records that this new payment is made with a card Kassa saved, named by its id: the merchant
   * sees the id, never the gateway's token.
   */
  void paidWithSaved(String savedMethodId) {
    if (status != PaymentStatus.PROCESSING || methodToken == null) {
      throw new IllegalStateException("only a new payment with a saved card's token names it");
    }
    if (savedMethodId == null || !savedMethodId.startsWith("spm_")) {
      throw new IllegalArgumentException("a saved card's id begins with spm_");
    }
    this.savedMethodId = savedMethodId;
  }

  /** The card Kassa saved that this payment was made with, by id ({@code spm_...}). */
  public Optional<String> savedMethodId() {
    return Optional.ofNullable(savedMethodId);
  }

  /** The saved payment method's token, when the payment was made with one. */
  public Optional<String> methodToken() {
    return Optional.ofNullable(methodToken);
  }

  public CaptureMethod captureMethod() {
    return captureMethod;
  }

  public Instant captureBefore() {
    return captureBefore.toInstant();
  }

  public Optional<String> actionUrl() {
    return Optional.ofNullable(actionUrl);
  }

  public Optional<String> customerId() {
    return Optional.ofNullable(customerId);
  }

  public Optional<Money> feeEstimate() {
    return Optional.ofNullable(feeEstimate).map(f -> new Money(f, currency));
  }

  public String merchantId() {
    return merchantId;
  }

  public Money amount() {
    return new Money(amount, currency);
  }

  public PaymentStatus status() {
    return status;
  }

  public Optional<CardSummary> card() {
    return cardLast4 == null
        ? Optional.empty()
        : Optional.of(new CardSummary(cardBrand, cardLast4, cardExpMonth, cardExpYear));
  }

  public Optional<DeclineReason> declineReason() {
    return Optional.ofNullable(declineCode).map(DeclineReason::fromCode);
  }

  public String gateway() {
    return gateway;
  }

  /** The payer's pseudonymous id. */
  public Optional<String> subjectRef() {
    return Optional.ofNullable(subjectRef);
  }

  /**
   * Records who paid, as entered on the hosted page, sealed under the subject's key.
   *
   * @throws IllegalArgumentException if a value is not sealed: personal data is never stored plain
   */
  void recordPayer(String sealedName, String sealedEmail) {
    if (!PersonalDataVault.isSealed(sealedName)
        || (sealedEmail != null && !PersonalDataVault.isSealed(sealedEmail))) {
      throw new IllegalArgumentException("a payer's details are stored sealed only");
    }
    this.payerName = sealedName;
    this.payerEmail = sealedEmail;
  }

  /** The payer's name as stored (sealed), or null. */
  public String sealedPayerName() {
    return payerName;
  }

  /** The payer's email as stored (sealed), or null. */
  public String sealedPayerEmail() {
    return payerEmail;
  }

  /**
   * Erases what identifies the payer on this payment: their details, the merchant's customer id and
   * the saved method's token. Amounts, dates, statuses and the pseudonymous id stay, as the
   * financial record the law requires.
   *
   * @return whether anything was erased
   */
  public boolean erasePersonalData(Instant now) {
    boolean had = payerName != null || payerEmail != null || customerId != null;
    this.payerName = null;
    this.payerEmail = null;
    this.customerId = null;
    if (had) {
      this.updatedAt = now.atOffset(ZoneOffset.UTC);
    }
    return had;
  }

  public Optional<String> gatewayReference() {
    return Optional.ofNullable(gatewayReference);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant updatedAt() {
    return updatedAt.toInstant();
  }
}
