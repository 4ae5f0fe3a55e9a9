package org.kassa.compliance.gate;

import jakarta.persistence.Column;
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

/** A payment held for an officer's review. Decided once: cleared or confirmed. */
@Entity
@Table(name = "compliance_case")
public class ComplianceCase {

  /** Where a case stands. */
  public enum Status {
    OPEN,
    /** The concern was unfounded: the payment was released. */
    CLEARED,
    /** The concern was confirmed: the payment was voided. */
    CONFIRMED
  }

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "payment_ref", nullable = false, length = 100)
  private String paymentRef;

  @Column(name = "decision_id", nullable = false, length = 40)
  private String decisionId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private Status status;

  @Column(name = "decided_by", length = 254)
  private String decidedBy;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ComplianceCase() {}

  ComplianceCase(String id, String paymentRef, String decisionId, Instant now) {
    this.id = id;
    this.paymentRef = paymentRef;
    this.decisionId = decisionId;
    this.status = Status.OPEN;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * Records the officer's decision.
   *
   * @throws CaseDecidedException if it was decided before
   */
  void decide(boolean cleared, String officer, Instant now) {
    if (status != Status.OPEN) {
      throw new CaseDecidedException(id, status);
    }
    this.status = cleared ? Status.CLEARED : Status.CONFIRMED;
    this.decidedBy = officer;
    this.decidedAt = now.atOffset(ZoneOffset.UTC);
  }

  public String id() {
    return id;
  }

  public String paymentRef() {
    return paymentRef;
  }

  public String decisionId() {
    return decisionId;
  }

  public Status status() {
    return status;
  }

  public Optional<String> decidedBy() {
    return Optional.ofNullable(decidedBy);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }
}
