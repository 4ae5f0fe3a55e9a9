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
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Payments held for an officer's review, grouped per customer: the alerts about one customer (its
 * pseudonymous subject) that hold payments gather in its one open case, and every payment they hold
 * joins it. Decided once, for all its payments: cleared (each is released) or confirmed (each is
 * voided). A payment without a known customer has a case of its own.
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

  /** The longest escalation reason kept. */
  public static final int MAX_NOTE = 1000;

  @Id
  @Column(name = "id", length = 40)
  private String id;

  /** The payment that opened the case; null for a case a re-screening opened. */
  @Column(name = "payment_ref", length = 100)
  private String paymentRef;

  /** What a re-screening found (the gate's findings are the case's alerts). */
  @Column(name = "reasons", length = 4000)
  private String reasons;

  @Column(name = "subject_ref", length = 100)
  private String subjectRef;

  /** The subject while the case is open, null once decided: unique, one open case a customer. */
  @Column(name = "open_subject_ref", length = 100)
  private String openSubjectRef;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "compliance_case_payment", joinColumns = @JoinColumn(name = "case_id"))
  @Column(name = "payment_ref", length = 100)
  private Set<String> payments = new TreeSet<>();

  /** The gate's decision that opened it; null for a case a re-screening opened. */
  @Column(name = "decision_id", length = 40)
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

  @Column(name = "last_alert_at", nullable = false)
  private OffsetDateTime lastAlertAt;

  /** The officer working on the case (a console user name), or null. */
  @Column(name = "assigned_to", length = 254)
  private String assignedTo;

  @Column(name = "assigned_at")
  private OffsetDateTime assignedAt;

  /** Escalated cases come first in the queue. */
  @Column(name = "escalated", nullable = false)
  private boolean escalated;

  /** The officer's words: kept here, never in the audit trail. */
  @Column(name = "escalation_reason", length = MAX_NOTE)
  private String escalationReason;

  @Column(name = "escalated_by", length = 254)
  private String escalatedBy;

  @Column(name = "escalated_at")
  private OffsetDateTime escalatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ComplianceCase() {}

  /** A case of its own for a payment whose customer is not known. */
  ComplianceCase(
      String id, String paymentRef, String decisionId, boolean needsTwoOfficers, Instant now) {
    this(id, null, paymentRef, decisionId, needsTwoOfficers, now);
  }

  /**
   * Opens a case for a customer's payment.
   *
   * @param subjectRef the customer's pseudonymous id; null for a payment without one
   * @param needsTwoOfficers whether an alert that holds the payment is a sanctions hit
   */
  ComplianceCase(
      String id,
      String subjectRef,
      String paymentRef,
      String decisionId,
      boolean needsTwoOfficers,
      Instant now) {
    this.id = id;
    this.subjectRef = subjectRef;
    this.openSubjectRef = subjectRef;
    this.needsTwoOfficers = needsTwoOfficers;
    this.paymentRef = paymentRef;
    this.decisionId = decisionId;
    this.payments.add(paymentRef);
    this.status = Status.OPEN;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.lastAlertAt = this.createdAt;
  }

  /**
   * A re-screening's case: a screened customer now matches a listed entry. A sanctions hit, so
   * clearing it takes two officers. It holds the customer's open authorizations ({@link
   * #hold(Collection)}).
   */
  static ComplianceCase forRescreening(String id, String subjectRef, String reasons, Instant now) {
    ComplianceCase c = new ComplianceCase();
    c.id = id;
    c.subjectRef = Objects.requireNonNull(subjectRef, "subjectRef");
    c.openSubjectRef = subjectRef;
    c.reasons = truncated(reasons);
    c.needsTwoOfficers = true;
    c.status = Status.OPEN;
    c.createdAt = now.atOffset(ZoneOffset.UTC);
    c.lastAlertAt = c.createdAt;
    return c;
  }

  /**
   * A re-screening found something new about the customer of this open case: new evidence, so a
   * first clearance starts over, and as a sanctions hit it takes two officers.
   */
  void rescreeningFound(String moreReasons, Instant now) {
    if (status != Status.OPEN) {
      throw new CaseDecidedException(id, status);
    }
    reasons = truncated(reasons == null ? moreReasons : reasons + "; " + moreReasons);
    needsTwoOfficers = true;
    firstClearedBy = null;
    lastAlertAt = now.atOffset(ZoneOffset.UTC);
  }

  /** Authorizations a re-screening held: they wait for the case's decision. */
  void hold(Collection<String> paymentRefs) {
    if (status != Status.OPEN) {
      throw new CaseDecidedException(id, status);
    }
    payments.addAll(paymentRefs);
  }

  private static String truncated(String text) {
    return text.length() > 4000 ? text.substring(0, 4000) : text;
  }

  /**
   * Another payment of the same customer joins the open case. Its alerts are new evidence: a first
   * officer's clearance did not see them, so clearing starts over; a sanctions hit among them makes
   * the whole case a four-eyes case.
   *
   * @throws CaseDecidedException if the case was decided meanwhile
   */
  void hold(String paymentRef, boolean sanctionsHit, Instant now) {
    if (status != Status.OPEN) {
      throw new CaseDecidedException(id, status);
    }
    payments.add(paymentRef);
    needsTwoOfficers |= sanctionsHit;
    firstClearedBy = null;
    lastAlertAt = now.atOffset(ZoneOffset.UTC);
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
    this.openSubjectRef = null;
    this.decidedBy = officer;
    this.decidedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  /**
   * Assigns the case to an officer, who works on it from now on (another assignment replaces
   * theirs).
   *
   * @param officer the console user name of a compliance officer
   * @return whether that changed anything (assigning the case to its assignee again does not)
   * @throws CaseDecidedException if the case was decided
   * @throws CaseWorkRefusedException if no officer is named
   */
  boolean assign(String officer, Instant now) {
    requireOpen();
    if (officer == null || officer.isBlank()) {
      throw CaseWorkRefusedException.invalid("officer", "is required");
    }
    String assignee = officer.strip();
    if (assignee.length() > 254) {
      throw CaseWorkRefusedException.invalid("officer", "must be at most 254 characters");
    }
    if (assignee.equalsIgnoreCase(assignedTo)) {
      return false;
    }
    this.assignedTo = assignee;
    this.assignedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  /**
   * An officer's note on the case, by its author, now.
   *
   * @throws CaseDecidedException if the case was decided: its record is closed
   * @throws CaseWorkRefusedException if the note is empty or longer than {@link
   *     CaseComment#MAX_TEXT}
   */
  CaseComment comment(String commentId, String author, String text, Instant now) {
    requireOpen();
    return CaseComment.write(commentId, id, author, text, now);
  }

  /**
   * Escalates the case: it comes first in the queue, with the officer's reason.
   *
   * @throws CaseDecidedException if the case was decided
   * @throws CaseWorkRefusedException if no reason is given, or it was escalated already
   */
  void escalate(String reason, String officer, Instant now) {
    requireOpen();
    if (escalated) {
      throw new CaseWorkRefusedException(
          CaseWorkRefusedException.Kind.ALREADY_ESCALATED,
          "Case " + id + " is escalated already.",
          java.util.Map.of());
    }
    if (reason == null || reason.isBlank()) {
      throw CaseWorkRefusedException.invalid("reason", "is required");
    }
    if (reason.strip().length() > MAX_NOTE) {
      throw CaseWorkRefusedException.invalid(
          "reason", "must be at most " + MAX_NOTE + " characters");
    }
    this.escalated = true;
    this.escalationReason = reason.strip();
    this.escalatedBy = officer;
    this.escalatedAt = now.atOffset(ZoneOffset.UTC);
  }

  private void requireOpen() {
    if (status != Status.OPEN) {
      throw new CaseDecidedException(id, status);
    }
  }

  /** The officer working on the case. */
  public Optional<String> assignedTo() {
    return Optional.ofNullable(assignedTo);
  }

  public Optional<Instant> assignedAt() {
    return Optional.ofNullable(assignedAt).map(OffsetDateTime::toInstant);
  }

  public boolean escalated() {
    return escalated;
  }

  /** Why it was escalated, in the officer's words. */
  public Optional<String> escalationReason() {
    return Optional.ofNullable(escalationReason);
  }

  public Optional<String> escalatedBy() {
    return Optional.ofNullable(escalatedBy);
  }

  public Optional<Instant> escalatedAt() {
    return Optional.ofNullable(escalatedAt).map(OffsetDateTime::toInstant);
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

  /** The payment that opened the case; null for a case a re-screening opened. */
  public String paymentRef() {
    return paymentRef;
  }

  /** What a re-screening found; empty for the gate's cases (see their alerts). */
  public Optional<String> ownReasons() {
    return Optional.ofNullable(reasons);
  }

  /** Every payment the case holds, the first included, by id. */
  public List<String> payments() {
    return List.copyOf(new TreeSet<>(payments));
  }

  /** The customer's pseudonymous id; empty for a payment without a known customer. */
  public Optional<String> subjectRef() {
    return Optional.ofNullable(subjectRef);
  }

  /** When the last alert joined the case (its opening, at first). */
  public Instant lastAlertAt() {
    return lastAlertAt.toInstant();
  }

  /** The gate's decision, or null for a case a re-screening opened. */
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
