package org.kassa.compliance.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One event of the trail. Immutable once written (no setters, no {@code @Version}: nothing ever
 * updates it), and only {@link AuditTrail} creates it.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements HashChain.ChainedEvent {

  @Id
  @Column(name = "seq")
  private long seq;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Column(name = "actor", nullable = false, length = 200)
  private String actor;

  @Column(name = "action", nullable = false, length = 100)
  private String action;

  @Column(name = "object_type", nullable = false, length = 60)
  private String objectType;

  @Column(name = "object_id", nullable = false, length = 100)
  private String objectId;

  @Column(name = "outcome", nullable = false, length = 60)
  private String outcome;

  @Column(name = "subject_ref", length = 100)
  private String subjectRef;

  @Column(name = "detail", length = 1000)
  private String detail;

  @Column(name = "prev_hash", nullable = false, length = 64)
  private String prevHash;

  @Column(name = "hash", nullable = false, length = 64)
  private String hash;

  protected AuditEvent() {}

  AuditEvent(long seq, Instant occurredAt, AuditRecord r, String prevHash) {
    this.seq = seq;
    this.occurredAt = HashChain.chainTime(occurredAt).atOffset(ZoneOffset.UTC);
    this.actor = r.actor();
    this.action = r.action();
    this.objectType = r.objectType();
    this.objectId = r.objectId();
    this.outcome = r.outcome();
    this.subjectRef = r.subjectRef();
    this.detail = r.detail();
    this.prevHash = prevHash;
    this.hash = HashChain.hash(prevHash, this);
  }

  @Override
  public long seq() {
    return seq;
  }

  @Override
  public Instant occurredAt() {
    return occurredAt.toInstant();
  }

  @Override
  public String actor() {
    return actor;
  }

  @Override
  public String action() {
    return action;
  }

  @Override
  public String objectType() {
    return objectType;
  }

  @Override
  public String objectId() {
    return objectId;
  }

  @Override
  public String outcome() {
    return outcome;
  }

  @Override
  public String subjectRef() {
    return subjectRef;
  }

  @Override
  public String detail() {
    return detail;
  }

  @Override
  public String prevHash() {
    return prevHash;
  }

  @Override
  public String hash() {
    return hash;
  }
}
