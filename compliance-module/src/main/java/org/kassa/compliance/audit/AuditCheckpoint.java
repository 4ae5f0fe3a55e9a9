package org.kassa.compliance.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A signed statement that the chain's event {@code seq} had hash {@code hash}. Immutable. */
@Entity
@Table(name = "audit_checkpoint")
public class AuditCheckpoint {

  @Id
  @Column(name = "seq")
  private long seq;

  @Column(name = "hash", nullable = false, length = 64)
  private String hash;

  @Column(name = "signed_at", nullable = false)
  private OffsetDateTime signedAt;

  @Column(name = "key_id", nullable = false, length = 16)
  private String keyId;

  @Column(name = "signature", nullable = false, length = 200)
  private String signature;

  protected AuditCheckpoint() {}

  AuditCheckpoint(long seq, String hash, Instant signedAt, String keyId, String signature) {
    this.seq = seq;
    this.hash = hash;
    this.signedAt = HashChain.chainTime(signedAt).atOffset(ZoneOffset.UTC);
    this.keyId = keyId;
    this.signature = signature;
  }

  public long seq() {
    return seq;
  }

  public String hash() {
    return hash;
  }

  public Instant signedAt() {
    return signedAt.toInstant();
  }

  public String keyId() {
    return keyId;
  }

  public String signature() {
    return signature;
  }
}
