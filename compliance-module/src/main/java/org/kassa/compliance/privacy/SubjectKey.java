package org.kassa.compliance.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A data subject's key, wrapped by the master key. Shredding it destroys the wrapped key for good:
 * the row stays as the record that (and when) the subject was erased.
 */
@Entity
@Table(name = "subject_key")
public class SubjectKey {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "subject_ref", nullable = false, length = 40)
  private String subjectRef;

  @Column(name = "wrapped_key", length = 200)
  private String wrappedKey;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "shredded_at")
  private OffsetDateTime shreddedAt;

  protected SubjectKey() {}

  SubjectKey(String id, String subjectRef, String wrappedKey, Instant now) {
    this.id = id;
    this.subjectRef = subjectRef;
    this.wrappedKey = wrappedKey;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  String id() {
    return id;
  }

  String subjectRef() {
    return subjectRef;
  }

  /** The wrapped key; empty once shredded. */
  Optional<String> wrappedKey() {
    return Optional.ofNullable(wrappedKey);
  }

  boolean shredded() {
    return shreddedAt != null;
  }

  /** Destroys the key. Idempotent: shredding twice keeps the first time. */
  void shred(Instant now) {
    this.wrappedKey = null;
    if (shreddedAt == null) {
      this.shreddedAt = now.atOffset(ZoneOffset.UTC);
    }
  }
}
