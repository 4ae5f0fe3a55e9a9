package org.kassa.compliance.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One line of the ledger: a grant or a withdrawal. Never changed once written. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

  /** Granting or withdrawing. */
  public enum Action {
    GRANT,
    WITHDRAW
  }

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "subject_ref", nullable = false, length = 40, updatable = false)
  private String subjectRef;

  @Column(name = "purpose", nullable = false, length = 40, updatable = false)
  private String purpose;

  @Column(name = "text_version", nullable = false, updatable = false)
  private int textVersion;

  @Column(name = "locale", nullable = false, length = 20, updatable = false)
  private String locale;

  @Enumerated(EnumType.STRING)
  @Column(name = "action", nullable = false, length = 10, updatable = false)
  private Action action;

  @Column(name = "channel", nullable = false, length = 40, updatable = false)
  private String channel;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private OffsetDateTime recordedAt;

  protected ConsentRecord() {}

  ConsentRecord(
      String id,
      String subjectRef,
      ConsentChoice choice,
      Action action,
      String channel,
      Instant now) {
    this.id = id;
    this.subjectRef = subjectRef;
    this.purpose = choice.purpose();
    this.textVersion = choice.version();
    this.locale = choice.locale();
    this.action = action;
    this.channel = channel;
    this.recordedAt = now.atOffset(ZoneOffset.UTC);
  }

  public String id() {
    return id;
  }

  public String subjectRef() {
    return subjectRef;
  }

  public String purpose() {
    return purpose;
  }

  public int textVersion() {
    return textVersion;
  }

  public String locale() {
    return locale;
  }

  public Action action() {
    return action;
  }

  public String channel() {
    return channel;
  }

  public Instant recordedAt() {
    return recordedAt.toInstant();
  }
}
