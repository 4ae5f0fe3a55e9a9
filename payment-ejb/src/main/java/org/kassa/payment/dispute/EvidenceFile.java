package org.kassa.payment.dispute;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A file the merchant gave as evidence: a receipt, a delivery proof, a conversation. Immutable. */
@Entity
@Table(name = "dispute_evidence_file")
public class EvidenceFile {

  /** Card networks take evidence files of a few MB; Stripe's limit is 5 MB per file. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "dispute_id", nullable = false, length = 40)
  private String disputeId;

  @Column(name = "file_name", nullable = false, length = 200)
  private String fileName;

  @Column(name = "content_type", nullable = false, length = 100)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private int size;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  // Plain bytes, not @Lob: PostgreSQL's BYTEA, not a large object.
  @Column(name = "content", nullable = false)
  private byte[] content;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected EvidenceFile() {}

  EvidenceFile(
      String id,
      String disputeId,
      String fileName,
      String contentType,
      byte[] content,
      String sha256,
      Instant now) {
    if (content.length == 0 || content.length > MAX_BYTES) {
      throw new IllegalArgumentException("evidence files hold 1 byte to 4 MiB");
    }
    this.id = id;
    this.disputeId = disputeId;
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content.clone();
    this.size = content.length;
    this.sha256 = sha256;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  public String id() {
    return id;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public int size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public byte[] content() {
    return content.clone();
  }
}
