package org.kassa.payment.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An outbound event in the outbox, written in the transaction of the change it reports, with the
 * exact body every delivery posts. Immutable once written, so it carries no {@code @Version}.
 */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {

  /** The prefix of event ids. */
  public static final String ID_PREFIX = "evt_";

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  @Column(name = "event_type", nullable = false, length = 100)
  private String type;

  @Column(name = "object_type", nullable = false, length = 40)
  private String objectType;

  @Column(name = "object_id", nullable = false, length = 100)
  private String objectId;

  @Column(name = "body", nullable = false, length = 1_000_000)
  private String body;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected WebhookEvent() {}

  WebhookEvent(
      String id,
      String merchantId,
      String type,
      String objectType,
      String objectId,
      String payloadJson,
      Instant now) {
    this.id = id;
    this.merchantId = merchantId;
    this.type = type;
    this.objectType = objectType;
    this.objectId = objectId;
    this.body = EventEnvelope.build(id, type, now, payloadJson);
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  public String id() {
    return id;
  }

  public String merchantId() {
    return merchantId;
  }

  public String type() {
    return type;
  }

  public String objectType() {
    return objectType;
  }

  public String objectId() {
    return objectId;
  }

  /** The JSON envelope, exactly as posted. */
  public String body() {
    return body;
  }

  byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }
}
