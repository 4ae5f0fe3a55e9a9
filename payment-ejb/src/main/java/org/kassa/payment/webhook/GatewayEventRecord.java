package org.kassa.payment.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.kassa.payment.gateway.GatewayEvent;

/**
 * A verified callback from a gateway, stored once by the gateway's event id before it is applied.
 * Immutable once written, so it carries no {@code @Version}.
 */
@Entity
@Table(name = "gateway_event")
@IdClass(GatewayEventRecord.Key.class)
public class GatewayEventRecord {

  /** What applying the event did. */
  public enum Outcome {
    /** It changed a payment or a refund. */
    APPLIED,
    /**
     * It was verified and stored, and changed nothing: late, repeated in content, or not acted on.
     */
    NO_CHANGE
  }

  @Id
  @Column(name = "gateway", length = 40)
  private String gateway;

  @Id
  @Column(name = "event_id", length = 255)
  private String eventId;

  @Column(name = "event_type", nullable = false, length = 100)
  private String eventType;

  @Column(name = "payment_id", length = 40)
  private String paymentId;

  @Column(name = "refund_id", length = 40)
  private String refundId;

  @Column(name = "occurred_at")
  private OffsetDateTime occurredAt;

  @Column(name = "received_at", nullable = false)
  private OffsetDateTime receivedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 20)
  private Outcome outcome;

  @Column(name = "payload", nullable = false, length = 1_000_000)
  private String payload;

  protected GatewayEventRecord() {}

  GatewayEventRecord(
      String gateway, GatewayEvent event, String payload, Outcome outcome, Instant receivedAt) {
    this.gateway = gateway;
    this.eventId = event.eventId();
    this.eventType = event.type() == null ? "unknown" : event.type();
    this.paymentId = event.paymentId();
    this.refundId = event.refundId();
    this.occurredAt =
        event.occurredAt() == null ? null : event.occurredAt().atOffset(ZoneOffset.UTC);
    this.receivedAt = receivedAt.atOffset(ZoneOffset.UTC);
    this.outcome = outcome;
    this.payload = payload;
  }

  public String gateway() {
    return gateway;
  }

  public String eventId() {
    return eventId;
  }

  public String eventType() {
    return eventType;
  }

  public String paymentId() {
    return paymentId;
  }

  public Outcome outcome() {
    return outcome;
  }

  public Instant receivedAt() {
    return receivedAt.toInstant();
  }

  /** The composite id: an event id is unique per gateway. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String gateway;
    private String eventId;

    public Key() {}

    public Key(String gateway, String eventId) {
      this.gateway = gateway;
      this.eventId = eventId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(gateway, k.gateway)
          && Objects.equals(eventId, k.eventId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(gateway, eventId);
    }
  }
}
