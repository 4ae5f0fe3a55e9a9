package org.kassa.compliance.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A data subject's request (GDPR Art. 15 access or Art. 17 erasure), worked through in order:
 * received, the requester's identity verified, done (or rejected). The legal deadline is one month
 * from receipt (Art. 12(3)).
 */
@Entity
@Table(name = "data_subject_request")
public class DataSubjectRequest {

  /** What the subject asks for. */
  public enum Kind {
    ACCESS,
    ERASURE
  }

  /** How the requester named themselves. */
  public enum IdentifierKind {
    EMAIL,
    /** A merchant's customer id, with the merchant's id. */
    CUSTOMER_ID
  }

  /** Where the request stands. */
  public enum Status {
    RECEIVED,
    IDENTITY_VERIFIED,
    DONE,
    REJECTED
  }

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 10)
  private Kind kind;

  @Column(name = "subject_ref", nullable = false, length = 40)
  private String subjectRef;

  @Enumerated(EnumType.STRING)
  @Column(name = "identifier_kind", nullable = false, length = 20)
  private IdentifierKind identifierKind;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private Status status;

  @Column(name = "received_at", nullable = false)
  private OffsetDateTime receivedAt;

  @Column(name = "due_at", nullable = false)
  private OffsetDateTime dueAt;

  @Column(name = "received_by", nullable = false, length = 254)
  private String receivedBy;

  @Column(name = "verified_by", length = 254)
  private String verifiedBy;

  @Column(name = "verified_at")
  private OffsetDateTime verifiedAt;

  /** How the identity was verified (e.g. "reply from the address on file"), no personal data. */
  @Column(name = "verification", length = 500)
  private String verification;

  @Column(name = "completed_by", length = 254)
  private String completedBy;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  /** What was done, or why the request was rejected; no personal data. */
  @Column(name = "outcome", length = 1000)
  private String outcome;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected DataSubjectRequest() {}

  DataSubjectRequest(
      String id,
      Kind kind,
      String subjectRef,
      IdentifierKind identifierKind,
      String receivedBy,
      Instant receivedAt) {
    this.id = id;
    this.kind = kind;
    this.subjectRef = subjectRef;
    this.identifierKind = identifierKind;
    this.receivedBy = receivedBy;
    this.status = Status.RECEIVED;
    this.receivedAt = receivedAt.atOffset(ZoneOffset.UTC);
    // Art. 12(3): "within one month of receipt of the request".
    this.dueAt = this.receivedAt.plusMonths(1);
  }

  /**
   * Records that the requester is who they say they are.
   *
   * @throws SubjectRequestStateException unless the request was just received
   */
  void verifyIdentity(String officer, String how, Instant now) {
    if (status != Status.RECEIVED) {
      throw new SubjectRequestStateException(id, status, "verify the identity of");
    }
    this.status = Status.IDENTITY_VERIFIED;
    this.verifiedBy = officer;
    this.verification = how;
    this.verifiedAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * Marks the request done. A request is fulfilled only for a verified requester: handing someone
   * else's data to an impostor is itself a breach.
   *
   * @throws SubjectRequestStateException unless the identity was verified
   */
  void complete(String officer, String what, Instant now) {
    if (status != Status.IDENTITY_VERIFIED) {
      throw new SubjectRequestStateException(id, status, "fulfil");
    }
    this.status = Status.DONE;
    this.completedBy = officer;
    this.outcome = what;
    this.completedAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * Rejects the request (identity not proven, manifestly unfounded), with the reason.
   *
   * @throws SubjectRequestStateException if it is already done or rejected
   */
  void reject(String officer, String reason, Instant now) {
    if (status == Status.DONE || status == Status.REJECTED) {
      throw new SubjectRequestStateException(id, status, "reject");
    }
    this.status = Status.REJECTED;
    this.completedBy = officer;
    this.outcome = reason;
    this.completedAt = now.atOffset(ZoneOffset.UTC);
  }

  /** Whether the deadline passed while the request was still open. */
  public boolean overdue(Instant now) {
    return (status == Status.RECEIVED || status == Status.IDENTITY_VERIFIED)
        && now.isAfter(dueAt.toInstant());
  }

  /** Time left until the deadline (negative when overdue). */
  public Duration timeLeft(Instant now) {
    return Duration.between(now, dueAt.toInstant());
  }

  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public String subjectRef() {
    return subjectRef;
  }

  public IdentifierKind identifierKind() {
    return identifierKind;
  }

  public Status status() {
    return status;
  }

  public Instant receivedAt() {
    return receivedAt.toInstant();
  }

  public Instant dueAt() {
    return dueAt.toInstant();
  }

  public String receivedBy() {
    return receivedBy;
  }

  public Optional<String> verifiedBy() {
    return Optional.ofNullable(verifiedBy);
  }

  public Optional<String> verification() {
    return Optional.ofNullable(verification);
  }

  public Optional<Instant> verifiedAt() {
    return Optional.ofNullable(verifiedAt).map(OffsetDateTime::toInstant);
  }

  public Optional<String> completedBy() {
    return Optional.ofNullable(completedBy);
  }

  public Optional<Instant> completedAt() {
    return Optional.ofNullable(completedAt).map(OffsetDateTime::toInstant);
  }

  public Optional<String> outcome() {
    return Optional.ofNullable(outcome);
  }
}
