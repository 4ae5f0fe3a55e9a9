package org.kassa.compliance.gate;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A concern an officer decides once, clearing or confirming it: a payment the gate held for review,
 * or a customer a re-screening found on a list (with the open authorizations it held). Clearing
 * releases the payments it holds, confirming voids them.
 */
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

  /** The payment the gate held, or null for a re-screening's case. */
  @Column(name = "payment_ref", length = 100)
  private String paymentRef;

  /** The gate's decision that opened it, or null for a re-screening's case. */
  @Column(name = "decision_id", length = 40)
  private String decisionId;

  /** The customer's pseudonymous id, when known. */
  @Column(name = "subject_ref", length = 100)
  private String subjectRef;

  /** Why a re-screening opened it (the gate's cases keep their reasons with the decision). */
  @Column(name = "reasons", length = 4000)
  private String reasons;

  /** Open authorizations a re-screening held for this case. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "compliance_case_hold", joinColumns = @JoinColumn(name = "case_id"))
  @Column(name = "payment_ref", length = 100)
  private Set<String> heldPayments = new LinkedHashSet<>();

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
    this.paymentRef = java.util.Objects.requireNonNull(paymentRef, "paymentRef");
    this.decisionId = java.util.Objects.requireNonNull(decisionId, "decisionId");
    this.status = Status.OPEN;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  /** The gate's case for a payment, with the payer's pseudonym. */
  static ComplianceCase forPayment(
      String id,
      String paymentRef,
      String decisionId,
      String subjectRef,
      boolean needsTwoOfficers,
      Instant now) {
    ComplianceCase c = new ComplianceCase(id, paymentRef, decisionId, needsTwoOfficers, now);
    c.subjectRef = subjectRef;
    return c;
  }

  /**
   * A re-screening's case: a screened customer now matches a listed entry. A sanctions hit, so
   * clearing it takes two officers.
   */
  static ComplianceCase forRescreening(String id, String subjectRef, String reasons, Instant now) {
    ComplianceCase c = new ComplianceCase();
    c.id = id;
    c.subjectRef = java.util.Objects.requireNonNull(subjectRef, "subjectRef");
    c.reasons = reasons.length() > 4000 ? reasons.substring(0, 4000) : reasons;
    c.needsTwoOfficers = true;
    c.status = Status.OPEN;
    c.createdAt = now.atOffset(ZoneOffset.UTC);
    return c;
  }

  /** Records authorizations this case holds: they wait for its decision. */
  void hold(java.util.Collection<String> paymentRefs) {
    if (status != Status.OPEN) {
      throw new CaseDecidedException(id, status);
    }
    heldPayments.addAll(paymentRefs);
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

  /** The payment the gate held, or null for a re-screening's case. */
  public String paymentRef() {
    return paymentRef;
  }

  /** The gate's decision, or null for a re-screening's case. */
  public String decisionId() {
    return decisionId;
  }

  public Optional<String> subjectRef() {
    return Optional.ofNullable(subjectRef);
  }

  /** A re-screening's reasons; empty for the gate's cases (see the decision). */
  public Optional<String> ownReasons() {
    return Optional.ofNullable(reasons);
  }

  /** Every payment this case decides: the gate's payment and the authorizations it held. */
  public List<String> payments() {
    List<String> all = new ArrayList<>();
    if (paymentRef != null) {
      all.add(paymentRef);
    }
    heldPayments.stream().filter(p -> !p.equals(paymentRef)).forEach(all::add);
    return List.copyOf(all);
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
