package org.kassa.compliance.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A compliance API key, kept only as its SHA-256 hash and a hint for people to recognise it. */
@Entity
@Table(name = "compliance_api_key")
public class ComplianceApiKey {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Column(name = "key_hash", nullable = false, length = 64)
  private String keyHash;

  @Column(name = "key_hint", nullable = false, length = 12)
  private String keyHint;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ComplianceApiKey() {}

  ComplianceApiKey(String id, String name, String keyHash, String keyHint, Instant now) {
    this.id = id;
    this.name = name;
    this.keyHash = keyHash;
    this.keyHint = keyHint;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  public String id() {
    return id;
  }

  /** Who holds it, e.g. {@code case-management}. */
  public String name() {
    return name;
  }

  String keyHash() {
    return keyHash;
  }

  public String keyHint() {
    return keyHint;
  }
}
