package org.kassa.payment.refund;

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
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/** One refund of a payment. It is settled once: pending, then succeeded or failed for good. */
@Entity
@Table(name = "refund")
public class Refund {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "payment_id", nullable = false, length = 40)
  private String paymentId;

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
  @Column(name = "status", nullable = false, length = 20)
  private RefundStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "reason", length = 40)
  private RefundReason reason;

  @Column(name = "failure_code", length = 40)
  private String failureCode;

  @Column(name = "gateway_reference", length = 100)
  private String gatewayReference;

  /** What the refund gives back in the currency the shopper was charged in, when presented. */
  @Column(name = "presentment_amount")
  private Long presentmentAmount;

  @Embedded
  @AttributeOverride(name = "code", column = @Column(name = "presentment_currency", length = 3))
  private CurrencyCode presentmentCurrency;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  /** Who asked for it: {@code api} or a console user's name; four-eyes compares with it. */
  @Column(name = "requested_by", length = 254)
  private String requestedBy;

  @Column(name = "decided_by", length = 254)
  private String decidedBy;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Refund() {}

  Refund(
      String id,
      String paymentId,
      String merchantId,
      Money amount,
      RefundReason reason,
      String requestedBy,
      boolean needsApproval,
      Instant now) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a refund needs a positive amount");
    }
    this.id = id;
    this.paymentId = paymentId;
    this.merchantId = merchantId;
    this.amount = amount.minorUnits();
    this.currency = amount.currency();
    this.reason = reason;
    this.requestedBy = requestedBy;
    this.status = needsApproval ? RefundStatus.REQUIRES_APPROVAL : RefundStatus.PENDING;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  /** Records what a refund of a presented payment gives back in the presentment currency. */
  void presentedAs(Money presented) {
    if (!presented.isPositive() || presented.currency().equals(currency)) {
      throw new IllegalArgumentException("a presented refund is positive, in another currency");
    }
    this.presentmentAmount = presented.minorUnits();
    this.presentmentCurrency = presented.currency();
  }

  /** What the refund gives back in the presentment currency, when the payment was presented. */
  public Optional<Money> presented() {
    return presentmentAmount == null
        ? Optional.empty()
        : Optional.of(new Money(presentmentAmount, presentmentCurrency));
  }

  /** What the gateway refunds: the presented amount when there is one, else the amount. */
  public Money charged() {
    return presented().orElseGet(this::amount);
  }

  /**
   * A second merchant admin's decision on a refund that needs one.
   *
   * @throws RefundApprovalException if it needs no decision, or the approver asked for it
   */
  void decide(boolean approved, String approver, Instant now) {
    if (status != RefundStatus.REQUIRES_APPROVAL) {
      throw RefundApprovalException.notAwaiting(id, status);
    }
    if (approver == null || approver.equalsIgnoreCase(requestedBy)) {
      throw RefundApprovalException.sameUser(id);
    }
    this.decidedBy = approver;
    this.decidedAt = now.atOffset(ZoneOffset.UTC);
    this.updatedAt = decidedAt;
    if (approved) {
      this.status = RefundStatus.PENDING;
    } else {
      this.status = RefundStatus.FAILED;
      this.failureCode = "rejected_by_approver";
    }
  }

  /** Records the gateway's answer, once. */
  void settle(boolean succeeded, String reference, String failure, Instant now) {
    if (status != RefundStatus.PENDING) {
      throw new IllegalStateException("refund " + id + " is already " + status.apiName());
    }
    this.status = succeeded ? RefundStatus.SUCCEEDED : RefundStatus.FAILED;
    this.gatewayReference = reference;
    this.failureCode = succeeded ? null : failure;
    this.updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  public String id() {
    return id;
  }

  public String paymentId() {
    return paymentId;
  }

  public String merchantId() {
    return merchantId;
  }

  public Money amount() {
    return new Money(amount, currency);
  }

  public RefundStatus status() {
    return status;
  }

  public Optional<RefundReason> reason() {
    return Optional.ofNullable(reason);
  }

  public Optional<String> failureCode() {
    return Optional.ofNullable(failureCode);
  }

  public Optional<String> requestedBy() {
    return Optional.ofNullable(requestedBy);
  }

  public Optional<String> decidedBy() {
    return Optional.ofNullable(decidedBy);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }
}
