package org.kassa.payment.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A used idempotency key: claimed when its first request starts, bound to the object that request
 * creates (in the same transaction that creates it), completed with the response it answered.
 */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

  /** Where the first request with this key is. */
  public enum State {
    /** Running (or interrupted): a concurrent duplicate is refused. */
    IN_PROGRESS,
    /** Answered: a replay gets the stored response. */
    COMPLETED
  }

  @Id
  @Column(name = "merchant_id", length = 40)
  private String merchantId;

  @Id
  @Column(name = "idem_key", length = 255)
  private String idemKey;

  @Column(name = "request_hash", nullable = false, length = 64)
  private String requestHash;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 20)
  private State state;

  @Column(name = "resource_type", length = 40)
  private String resourceType;

  @Column(name = "resource_id", length = 40)
  private String resourceId;

  @Column(name = "response_status")
  private Integer responseStatus;

  @Column(name = "response_body", length = 65536)
  private String responseBody;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected IdempotencyRecord() {}

  IdempotencyRecord(String merchantId, String key, String requestHash, Instant now) {
    this.merchantId = merchantId;
    this.idemKey = key;
    this.requestHash = requestHash;
    this.state = State.IN_PROGRESS;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  boolean sameRequest(String hash) {
    return requestHash.equals(hash);
  }

  State state() {
    return state;
  }

  /** Whether the first request stopped answering long ago: it crashed or its node died. */
  boolean abandoned(Instant now, Duration lease) {
    return state == State.IN_PROGRESS && createdAt.toInstant().plus(lease).isBefore(now);
  }

  /** Takes over an abandoned claim that created nothing, for a new run of the same request. */
  void reclaim(Instant now) {
    if (resourceId != null) {
      throw new IllegalStateException("key " + idemKey + " already created " + resourceId);
    }
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  void bind(String type, String id) {
    if (resourceId != null && !resourceId.equals(id)) {
      throw new IllegalStateException("key " + idemKey + " already created " + resourceId);
    }
    this.resourceType = type;
    this.resourceId = id;
  }

  void complete(int status, String body) {
    this.state = State.COMPLETED;
    this.responseStatus = status;
    this.responseBody = body;
  }

  Optional<String> resourceType() {
    return Optional.ofNullable(resourceType);
  }

  Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  int responseStatus() {
    return responseStatus;
  }

  String responseBody() {
    return responseBody;
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
