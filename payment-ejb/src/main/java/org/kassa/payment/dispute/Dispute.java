package org.kassa.payment.dispute;

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

/**
 * A dispute of a payment, as its gateway reports it. Its status only moves along {@link
 * DisputeStatus#next()}; a gateway report that would move it backwards (a late {@code
 * needs_response} after {@code won}) changes nothing.
 */
@Entity
@Table(name = "dispute")
public class Dispute {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "payment_id", nullable = false, length = 40)
  private String paymentId;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  @Column(name = "gateway", nullable = false, length = 40)
  private String gateway;

  @Column(name = "gateway_dispute_id", nullable = false, length = 100)
  private String gatewayDisputeId;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Embedded
  @AttributeOverride(
      name = "code",
      column = @Column(name = "currency", length = 3, nullable = false))
  private CurrencyCode currency;

  @Column(name = "reason", length = 60)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private DisputeStatus status;

  @Column(name = "evidence_due_by")
  private OffsetDateTime evidenceDueBy;

  @Column(name = "evidence_text", length = 20000)
  private String evidenceText;

  @Column(name = "evidence_submitted_at")
  private OffsetDateTime evidenceSubmittedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Dispute() {}

  Dispute(
      String id,
      String paymentId,
      String merchantId,
      String gateway,
      String gatewayDisputeId,
      Money amount,
      String reason,
      Instant evidenceDueBy,
      Instant now) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a dispute needs a positive amount");
    }
    this.id = id;
    this.paymentId = paymentId;
    this.merchantId = merchantId;
    this.gateway = gateway;
    this.gatewayDisputeId = gatewayDisputeId;
    this.amount = amount.minorUnits();
    this.currency = amount.currency();
    this.reason = reason;
    this.status = DisputeStatus.NEEDS_RESPONSE;
    this.evidenceDueBy = evidenceDueBy == null ? null : evidenceDueBy.atOffset(ZoneOffset.UTC);
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  /**
   * Moves to what the gateway reports, if that is forward.
   *
   * @return whether the status changed
   */
  boolean advanceTo(DisputeStatus reported, Instant now) {
    if (!status.next().contains(reported)) {
      return false;
    }
    this.status = reported;
    this.updatedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  /**
   * Records the merchant's evidence.
   *
   * @throws DisputeClosedException if the dispute is decided or its deadline passed
   */
  void recordEvidence(String text, Instant now) {
    if (status != DisputeStatus.NEEDS_RESPONSE) {
      throw new DisputeClosedException(id, "it is " + status.apiName());
    }
    if (evidenceDueBy != null && now.isAfter(evidenceDueBy.toInstant())) {
      throw new DisputeClosedException(id, "its evidence was due by " + evidenceDueBy);
    }
    this.evidenceText = text;
    this.evidenceSubmittedAt = now.atOffset(ZoneOffset.UTC);
    this.updatedAt = evidenceSubmittedAt;
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

  public String gateway() {
    return gateway;
  }

  public String gatewayDisputeId() {
    return gatewayDisputeId;
  }

  public Money amount() {
    return new Money(amount, currency);
  }

  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  public DisputeStatus status() {
    return status;
  }

  public Optional<Instant> evidenceDueBy() {
    return Optional.ofNullable(evidenceDueBy).map(OffsetDateTime::toInstant);
  }

  public Optional<String> evidenceText() {
    return Optional.ofNullable(evidenceText);
  }

  public Optional<Instant> evidenceSubmittedAt() {
    return Optional.ofNullable(evidenceSubmittedAt).map(OffsetDateTime::toInstant);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant updatedAt() {
    return updatedAt.toInstant();
  }
}
