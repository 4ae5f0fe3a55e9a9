package org.kassa.compliance.aml.whitelist;

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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An officer's decision that a screening hit is a false positive: this subject is not this listed
 * entry. It holds until it expires or is revoked, and only for the entry as it was listed when the
 * officer looked at it (its {@link EntryFingerprint}): a list refresh that changes the entry voids
 * it.
 */
@Entity
@Table(name = "screening_whitelist")
public class Whitelisting {

  /** What is stored. */
  public enum Status {
    ACTIVE,
    /** An officer withdrew it. */
    REVOKED,
    /** It expired, or the listed entry changed or left the list; recorded once, when noticed. */
    VOID
  }

  /** Whether it holds now, for the entry as listed now. */
  public enum Standing {
    VALID,
    EXPIRED,
    REVOKED,
    /** Stored as void already. */
    VOID,
    ENTRY_CHANGED,
    ENTRY_REMOVED;

    /** The cause recorded when it is voided for this standing. */
    public String cause() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The longest reason kept. */
  public static final int MAX_REASON = 1000;

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "subject_ref", nullable = false, length = 100)
  private String subjectRef;

  @Column(name = "list_id", nullable = false, length = 60)
  private String listId;

  @Column(name = "entry_id", nullable = false, length = 100)
  private String entryId;

  @Column(name = "entry_fingerprint", nullable = false, length = 64)
  private String entryFingerprint;

  @Column(name = "reason", nullable = false, length = MAX_REASON)
  private String reason;

  @Column(name = "created_by", nullable = false, length = 254)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private Status status;

  @Column(name = "ended_by", length = 254)
  private String endedBy;

  @Column(name = "ended_at")
  private OffsetDateTime endedAt;

  @Column(name = "void_cause", length = 40)
  private String voidCause;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Whitelisting() {}

  /**
   * A new whitelisting, checked.
   *
   * @param entryFingerprint the listed entry's fingerprint now, or null if no such entry is listed
   * @param maxValidity the longest an expiry may lie ahead
   * @throws WhitelistRefusedException listing every field that is missing or wrong
   */
  public static Whitelisting create(
      String id,
      String subjectRef,
      String listId,
      String entryId,
      String entryFingerprint,
      String reason,
      Instant expiresAt,
      String officer,
      Instant now,
      Duration maxValidity) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (blank(subjectRef)) {
      errors.put("subject_ref", "is required");
    } else if (subjectRef.length() > 100) {
      errors.put("subject_ref", "must be at most 100 characters");
    }
    if (blank(listId)) {
      errors.put("list_id", "is required");
    }
    if (blank(entryId)) {
      errors.put("entry_id", "is required");
    }
    if (!blank(listId) && !blank(entryId) && entryFingerprint == null) {
      errors.put("entry_id", "is not an entry of a loaded list " + listId);
    }
    if (blank(reason)) {
      errors.put("reason", "is required");
    } else if (reason.strip().length() > MAX_REASON) {
      errors.put("reason", "must be at most " + MAX_REASON + " characters");
    }
    if (expiresAt == null) {
      errors.put("expires_at", "is required");
    } else if (!expiresAt.isAfter(now)) {
      errors.put("expires_at", "must be in the future");
    } else if (expiresAt.isAfter(now.plus(maxValidity))) {
      errors.put("expires_at", "must be within " + maxValidity + " from now");
    }
    if (blank(officer)) {
      errors.put("officer", "is required");
    }
    if (!errors.isEmpty()) {
      throw WhitelistRefusedException.invalid(errors);
    }
    Whitelisting w = new Whitelisting();
    w.id = id;
    w.subjectRef = subjectRef;
    w.listId = listId;
    w.entryId = entryId;
    w.entryFingerprint = entryFingerprint;
    w.reason = reason.strip();
    w.createdBy = officer;
    w.createdAt = now.atOffset(ZoneOffset.UTC);
    w.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
    w.status = Status.ACTIVE;
    return w;
  }

  /**
   * Whether it holds now for the entry as listed now.
   *
   * @param currentFingerprint the entry's fingerprint in the lists screened now, or null when the
   *     entry is no longer listed
   */
  public Standing standing(String currentFingerprint, Instant now) {
    if (status == Status.REVOKED) {
      return Standing.REVOKED;
    }
    if (status == Status.VOID) {
      return Standing.VOID;
    }
    if (!now.isBefore(expiresAt.toInstant())) {
      return Standing.EXPIRED;
    }
    if (currentFingerprint == null) {
      return Standing.ENTRY_REMOVED;
    }
    return currentFingerprint.equals(entryFingerprint) ? Standing.VALID : Standing.ENTRY_CHANGED;
  }

  /**
   * An officer withdraws it.
   *
   * @throws WhitelistRefusedException if it was revoked or void already
   */
  void revoke(String officer, Instant now) {
    if (status != Status.ACTIVE) {
      throw new WhitelistRefusedException(
          WhitelistRefusedException.Kind.ENDED,
          "Whitelisting " + id + " is " + status.name().toLowerCase(Locale.ROOT) + " already.",
          Map.of());
    }
    this.status = Status.REVOKED;
    this.endedBy = officer;
    this.endedAt = now.atOffset(ZoneOffset.UTC);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public String id() {
    return id;
  }

  public String subjectRef() {
    return subjectRef;
  }

  public String listId() {
    return listId;
  }

  public String entryId() {
    return entryId;
  }

  public String entryFingerprint() {
    return entryFingerprint;
  }

  public String reason() {
    return reason;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant expiresAt() {
    return expiresAt.toInstant();
  }

  public Status status() {
    return status;
  }

  public Optional<String> endedBy() {
    return Optional.ofNullable(endedBy);
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt).map(OffsetDateTime::toInstant);
  }

  /** Why it was voided: expired, entry_changed or entry_removed. */
  public Optional<String> voidCause() {
    return Optional.ofNullable(voidCause);
  }
}
