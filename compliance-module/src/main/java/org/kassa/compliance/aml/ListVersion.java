package org.kassa.compliance.aml;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * One load of a sanctions list: which file (by SHA-256), from where, how many entries, and whether
 * it is the version screened against now.
 */
@Entity
@Table(name = "sanctions_list_version")
public class ListVersion {

  /** Where a load stands. */
  public enum Status {
    /** Screened against now; one per list. */
    ACTIVE,
    /** Replaced by a newer load. */
    SUPERSEDED,
    /** The file was refused; the list it would have replaced stayed active. */
    REJECTED
  }

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "list_id", nullable = false, length = 60)
  private String listId;

  @Column(name = "format", nullable = false, length = 60)
  private String format;

  @Column(name = "source", nullable = false, length = 200)
  private String source;

  @Column(name = "published")
  private LocalDate published;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  @Column(name = "entry_count", nullable = false)
  private int entryCount;

  @Column(name = "origin", nullable = false, length = 500)
  private String origin;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private Status status;

  @Column(name = "error", length = 1000)
  private String error;

  @Column(name = "loaded_at", nullable = false)
  private OffsetDateTime loadedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ListVersion() {}

  static ListVersion active(
      String id, String format, SanctionsList list, String origin, Instant now) {
    ListVersion v = new ListVersion();
    v.id = id;
    v.listId = list.listId();
    v.format = format;
    v.source = list.source();
    v.published = list.published();
    v.sha256 = list.sha256();
    v.entryCount = list.size();
    v.origin = truncate(origin, 500);
    v.status = Status.ACTIVE;
    v.loadedAt = now.atOffset(ZoneOffset.UTC);
    return v;
  }

  static ListVersion rejected(
      String id,
      String listId,
      String format,
      String sha256,
      String origin,
      String error,
      Instant now) {
    ListVersion v = new ListVersion();
    v.id = id;
    v.listId = listId;
    v.format = format;
    v.source = format;
    v.sha256 = sha256;
    v.origin = truncate(origin, 500);
    v.status = Status.REJECTED;
    v.error = truncate(error, 1000);
    v.loadedAt = now.atOffset(ZoneOffset.UTC);
    return v;
  }

  void supersede() {
    this.status = Status.SUPERSEDED;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public String id() {
    return id;
  }

  public String listId() {
    return listId;
  }

  public String format() {
    return format;
  }

  public String source() {
    return source;
  }

  public Optional<LocalDate> published() {
    return Optional.ofNullable(published);
  }

  public String sha256() {
    return sha256;
  }

  public int entryCount() {
    return entryCount;
  }

  public String origin() {
    return origin;
  }

  public Status status() {
    return status;
  }

  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  public Instant loadedAt() {
    return loadedAt.toInstant();
  }
}
