package org.kassa.payment.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A used idempotency key. Immutable once written, so it carries no {@code @Version}. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

  @Id
  @Column(name = "merchant_id", length = 40)
  private String merchantId;

  @Id
  @Column(name = "idem_key", length = 255)
  private String idemKey;

  @Column(name = "request_hash", nullable = false, length = 64)
  private String requestHash;

  @Column(name = "resource_type", nullable = false, length = 40)
  private String resourceType;

  @Column(name = "resource_id", nullable = false, length = 40)
  private String resourceId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected IdempotencyRecord() {}

  IdempotencyRecord(
      String merchantId,
      String key,
      String requestHash,
      String resourceType,
      String resourceId,
      Instant now) {
    this.merchantId = merchantId;
    this.idemKey = key;
    this.requestHash = requestHash;
    this.resourceType = resourceType;
    this.resourceId = resourceId;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  public String resourceId() {
    return resourceId;
  }

  boolean sameRequest(String hash) {
    return requestHash.equals(hash);
  }

  /** The composite id: a key is unique per merchant. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String merchantId;
    private String idemKey;

    public Key() {}

    public Key(String merchantId, String idemKey) {
      this.merchantId = merchantId;
      this.idemKey = idemKey;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(merchantId, k.merchantId)
          && Objects.equals(idemKey, k.idemKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(merchantId, idemKey);
    }
  }
}
