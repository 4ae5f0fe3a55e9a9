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
import org.kassa.payment.card.CardBrand;
import org.kassa.payment.card.CardSummary;
import org.kassa.payment.gateway.DeclineReason;
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

  @Column(name = "session_id", nullable = false, length = 40)
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

  /** The sum of succeeded refunds. */
  @Column(name = "amount_refunded", nullable = false)
  private long amountRefunded;

  /** The sum of refunds sent to the gateway and not yet answered. */
  @Column(name = "amount_refund_pending", nullable = false)
  private long amountRefundPending;

  @Column(name = "payer_name", length = 200)
  private String payerName;

  @Column(name = "payer_email", length = 254)
  private String payerEmail;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Payment() {}

  /** A new payment, already processing: it is created when the shopper confirms. */
  Payment(
      String id,
      String sessionId,
      String merchantId,
      Money amount,
      CardSummary card,
      Payer payer,
      String gateway,
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
    this.cardBrand = card.brand();
    this.cardLast4 = card.lastFour();
    this.cardExpMonth = card.expMonth();
    this.cardExpYear = card.expYear();
    this.payerName = payer.name();
    this.payerEmail = payer.emailAddress().orElse(null);
    this.gateway = gateway;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.updatedAt = this.createdAt;
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
   * @throws RefundNotAllowedException if the payment was not captured, or the refund is more than
   *     what remains after succeeded and pending refunds
   */
  public void reserveRefund(Money refund) {
    if (!status.isPaid()) {
      throw RefundNotAllowedException.notCaptured(id, status);
    }
    if (!refund.currency().equals(currency)) {
      throw new IllegalArgumentException("a refund of " + id + " must be in " + currency);
    }
    if (!refund.isPositive() || refund.minorUnits() > refundable().minorUnits()) {
      throw RefundNotAllowedException.tooMuch(id, refundable());
    }
    amountRefundPending = Math.addExact(amountRefundPending, refund.minorUnits());
  }

  /**
   * Applies the gateway's answer to a reserved refund.
   *
   * @return the status the payment must move to: partially refunded or refunded when it succeeded;
   *     its current status when it failed (the reservation is released)
   */
  public PaymentStatus settleRefund(Money refund, boolean succeeded) {
    amountRefundPending -= refund.minorUnits();
    if (!succeeded) {
      return status;
    }
    amountRefunded += refund.minorUnits();
    return amountRefunded == amount ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
  }

  /** What may still be refunded: captured, less succeeded and pending refunds. */
  public Money refundable() {
    long left = status.isPaid() ? amount - amountRefunded - amountRefundPending : 0;
    return new Money(left, currency);
  }

  public Money amountRefunded() {
    return new Money(amountRefunded, currency);
  }

  void recordDecline(DeclineReason reason) {
    this.declineCode = reason == null ? DeclineReason.GENERIC_DECLINE.code() : reason.code();
  }

  public String id() {
    return id;
  }

  public String sessionId() {
    return sessionId;
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

  /** Who paid, as entered on the hosted page. */
  public Optional<Payer> payer() {
    return payerName == null ? Optional.empty() : Optional.of(new Payer(payerName, payerEmail));
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
