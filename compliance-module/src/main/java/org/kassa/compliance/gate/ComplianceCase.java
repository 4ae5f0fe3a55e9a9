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

  /** A sanctions hit: clearing it takes two officers (four-eyes). */
  @Column(name = "needs_two_officers", nullable = false)
  private boolean needsTwoOfficers;

  @Column(name = "first_cleared_by", length = 254)
  private String firstClearedBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ComplianceCase() {}

  ComplianceCase(
      String id, String paymentRef, String decisionId, boolean needsTwoOfficers, Instant now) {
    this.id = id;
    this.needsTwoOfficers = needsTwoOfficers;
    this.paymentRef = paymentRef;
    this.decisionId = decisionId;
    this.status = Status.OPEN;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * Records an officer's decision. Confirming takes one officer; clearing a sanctions hit takes two
   * different ones, and the first clearing only records the first officer.
   *
   * @return whether the case is now decided
   * @throws CaseDecidedException if it was decided before
   * @throws FourEyesException if the officer who cleared first tries to clear again
   */
  boolean decide(boolean cleared, String officer, Instant now) {
    if (status != Status.OPEN) {
      throw new CaseDecidedException(id, status);
    }
    if (cleared && needsTwoOfficers) {
      if (firstClearedBy == null) {
        this.firstClearedBy = officer;
        return false;
      }
      if (firstClearedBy.equalsIgnoreCase(officer)) {
        throw new FourEyesException(id);
      }
    }
    this.status = cleared ? Status.CLEARED : Status.CONFIRMED;
    this.decidedBy = officer;
    this.decidedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  public boolean needsTwoOfficers() {
    return needsTwoOfficers;
  }

  /** The officer who cleared first, while a second is awaited. */
  public Optional<String> firstClearedBy() {
    return Optional.ofNullable(firstClearedBy);
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
