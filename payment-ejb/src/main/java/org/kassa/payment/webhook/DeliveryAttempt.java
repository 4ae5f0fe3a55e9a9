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
import java.util.Optional;

/**
 * One attempt to deliver an event to an endpoint, as logged. Immutable, so no {@code @Version}; its
 * key (delivery, attempt number) makes an attempt impossible to record twice.
 */
@Entity
@Table(name = "webhook_delivery_attempt")
@IdClass(DeliveryAttempt.Key.class)
public class DeliveryAttempt {

  /** What an attempt came to. */
  public enum Outcome {
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Another status, a timeout, or no connection. */
    FAILED,
    /**
     * The node sending it stopped before it recorded the outcome; it may or may not have arrived.
     */
    ABANDONED;

    public String apiName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Id
  @Column(name = "delivery_id", length = 40)
  private String deliveryId;

  @Id
  @Column(name = "attempt_no")
  private int attemptNo;

  @Column(name = "attempted_at", nullable = false)
  private OffsetDateTime attemptedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 20)
  private Outcome outcome;

  @Column(name = "status_code")
  private Integer statusCode;

  @Column(name = "error", length = 100)
  private String error;

  @Column(name = "duration_ms", nullable = false)
  private long durationMillis;

  @Column(name = "response_excerpt", length = WebhookSender.EXCERPT_CHARS)
  private String responseExcerpt;

  protected DeliveryAttempt() {}

  DeliveryAttempt(
      String deliveryId,
      int attemptNo,
      Instant attemptedAt,
      Outcome outcome,
      Integer statusCode,
      String error,
      long durationMillis,
      String responseExcerpt) {
    this.deliveryId = deliveryId;
    this.attemptNo = attemptNo;
    this.attemptedAt = attemptedAt.atOffset(ZoneOffset.UTC);
    this.outcome = outcome;
    this.statusCode = statusCode;
    this.error = clip(error, 100);
    this.durationMillis = Math.max(0, durationMillis);
    this.responseExcerpt = clip(responseExcerpt, WebhookSender.EXCERPT_CHARS);
  }

  /** The log of what a sender reported. */
  static DeliveryAttempt of(
      String deliveryId, int attemptNo, Instant attemptedAt, WebhookSender.Result result) {
    return new DeliveryAttempt(
        deliveryId,
        attemptNo,
        attemptedAt,
        result.delivered() ? Outcome.DELIVERED : Outcome.FAILED,
        result.statusCode(),
        result.error(),
        result.durationMillis(),
        result.excerpt());
  }

  /** The log of an attempt whose node stopped before it recorded the outcome. */
  static DeliveryAttempt abandoned(
      String deliveryId, int attemptNo, Instant attemptedAt, Instant leaseEnd) {
    return new DeliveryAttempt(
        deliveryId,
        attemptNo,
        attemptedAt,
        Outcome.ABANDONED,
        null,
        "LeaseExpired",
        leaseEnd.toEpochMilli() - attemptedAt.toEpochMilli(),
        null);
  }

  private static String clip(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  public String deliveryId() {
    return deliveryId;
  }

  public int attemptNo() {
    return attemptNo;
  }

  public Instant attemptedAt() {
    return attemptedAt.toInstant();
  }

  public Outcome outcome() {
    return outcome;
  }

  public Optional<Integer> statusCode() {
    return Optional.ofNullable(statusCode);
  }

  /** The simple name of the exception that ended the attempt, if it got no answer. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  public long durationMillis() {
    return durationMillis;
  }

  /** At most 200 characters of what the endpoint answered. */
  public Optional<String> responseExcerpt() {
    return Optional.ofNullable(responseExcerpt);
  }

  /** The composite id. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String deliveryId;
    private int attemptNo;

    public Key() {}

    public Key(String deliveryId, int attemptNo) {
      this.deliveryId = deliveryId;
      this.attemptNo = attemptNo;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(deliveryId, k.deliveryId)
          && attemptNo == k.attemptNo;
    }

    @Override
    public int hashCode() {
      return Objects.hash(deliveryId, attemptNo);
    }
  }
}
