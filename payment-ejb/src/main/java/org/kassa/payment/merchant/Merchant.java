package org.kassa.payment.merchant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A merchant: who sells, and who holds an API key. */
@Entity
@Table(name = "merchant")
public class Merchant {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Column(name = "api_key_hash", nullable = false, length = 64)
  private String apiKeyHash;

  @Column(name = "api_key_hint", nullable = false, length = 12)
  private String apiKeyHint;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Merchant() {}

  Merchant(String id, String name, String apiKey, Instant now) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a merchant needs a name");
    }
    this.id = id;
    this.name = name;
    this.apiKeyHash = ApiKey.hash(apiKey);
    this.apiKeyHint = ApiKey.hint(apiKey);
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String apiKeyHint() {
    return apiKeyHint;
  }

  /** Replaces the API key; the old one stops working at once. */
  void replaceKey(String newKey) {
    this.apiKeyHash = ApiKey.hash(newKey);
    this.apiKeyHint = ApiKey.hint(newKey);
  }

  boolean holdsKey(String presentedKey) {
    return ApiKey.sameHash(apiKeyHash, ApiKey.hash(presentedKey));
  }
}
