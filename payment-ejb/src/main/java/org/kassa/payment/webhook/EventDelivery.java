package org.kassa.payment.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * One event's delivery to one endpoint. It moves {@code PENDING → SENDING → DELIVERED}, or back to
 * {@code PENDING} after a failed attempt, or to {@code FAILED} when the retry window is over; a
 * merchant may replay a settled one, which starts a new series of attempts.
 *
 * <p>A node {@link #claim claims} it with a lease: while {@code SENDING}, {@code nextAttemptAt} is
 * when the claim lapses. Only the node holding the {@link #holds claim token} may record the
 * outcome; if it dies, the delivery falls due again when the lease ends.
 */
@Entity
@Table(name = "webhook_delivery")
public class EventDelivery {

  /** The prefix of delivery ids. */
  public static final String ID_PREFIX = "wd_";

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "event_id", nullable = false, length = 40)
  private String eventId;

  @Column(name = "endpoint_id", nullable = false, length = 40)
  private String endpointId;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private DeliveryStatus status;

  /** Attempts ever made, replays included (the number of the latest), and the lease. */
  @Embedded private AttemptLease attempts;

  /** Attempts in the current series (since creation or the latest replay). */
  @Column(name = "series_attempts", nullable = false)
  private int seriesAttempts;

  @Column(name = "series_started_at")
  private OffsetDateTime seriesStartedAt;

  @Column(name = "last_status_code")
  private Integer lastStatusCode;

  @Column(name = "delivered_at")
  private OffsetDateTime deliveredAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected EventDelivery() {}

  /** A new delivery, due at once. */
  EventDelivery(String id, WebhookEvent event, WebhookEndpoint endpoint, Instant now) {
    if (!event.merchantId().equals(endpoint.merchantId())) {
      throw new IllegalArgumentException("an event goes to its own merchant's endpoints only");
    }
    this.id = id;
    this.eventId = event.id();
    this.endpointId = endpoint.id();
    this.merchantId = event.merchantId();
    this.status = DeliveryStatus.PENDING;
    this.attempts = AttemptLease.dueAt(now);
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  /**
   * Claims the delivery for one attempt, until {@code now + lease}.
   *
   * @return the number of the attempt this claim makes
   */
  int claim(String token, Instant now, Duration lease) {
    if (status != DeliveryStatus.PENDING && status != DeliveryStatus.SENDING) {
      throw new IllegalStateException("delivery " + id + " is " + status.apiName());
    }
    if (status == DeliveryStatus.SENDING && !attempts.over(now)) {
      throw new IllegalStateException("delivery " + id + " is claimed by another node");
    }
    if (seriesStartedAt == null) {
      seriesStartedAt = now.atOffset(ZoneOffset.UTC);
    }
    seriesAttempts++;
    status = DeliveryStatus.SENDING;
    updatedAt = now.atOffset(ZoneOffset.UTC);
    return attempts.claim(token, now, lease);
  }

  /**
   * Whether the delivery is claimed by a node whose lease ran out before it recorded an outcome:
   * that attempt's outcome is unknown.
   */
  boolean abandoned(Instant now) {
    return status == DeliveryStatus.SENDING && attempts.over(now);
  }

  /** Whether {@code token} is the claim in force: only its holder records the outcome. */
  boolean holds(String token) {
    return status == DeliveryStatus.SENDING && attempts.heldBy(token);
  }

  /**
   * Applies the outcome of the attempt this delivery is claimed for: delivered on 2xx; otherwise
   * canceled if the endpoint was disabled meanwhile, due again after a back-off, or failed when the
   * retry window is over.
   */
  WebhookDelivery.Outcome settle(
      WebhookSender.Result result, boolean endpointEnabled, RetrySchedule retries, Instant now) {
    requireSending();
    if (result.delivered()) {
      delivered(result.statusCode(), now);
      return WebhookDelivery.Outcome.DELIVERED;
    }
    if (!endpointEnabled) {
      lastStatusCode = result.statusCode();
      cancel(now);
      return WebhookDelivery.Outcome.CANCELED;
    }
    Instant seriesStart = seriesStartedAt.toInstant();
    Optional<Instant> next = retries.nextAttempt(seriesAttempts, seriesStart, now);
    if (next.isPresent()) {
      retryAt(next.get(), result.statusCode(), now);
      return WebhookDelivery.Outcome.RETRYING;
    }
    failed(result.statusCode(), now);
    return WebhookDelivery.Outcome.FAILED;
  }

  /** The endpoint took it. */
  private void delivered(int statusCode, Instant now) {
    settle(DeliveryStatus.DELIVERED, statusCode, now);
    deliveredAt = updatedAt;
  }

  /** The attempt failed; the next one is due at {@code next}. */
  private void retryAt(Instant next, Integer statusCode, Instant now) {
    requireSending();
    status = DeliveryStatus.PENDING;
    attempts.end(next);
    lastStatusCode = statusCode;
    updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  /** The attempt failed and the retry window is over. */
  private void failed(Integer statusCode, Instant now) {
    settle(DeliveryStatus.FAILED, statusCode, now);
  }

  /** The endpoint was disabled: what has not been sent will not be. */
  void cancel(Instant now) {
    if (status != DeliveryStatus.PENDING && status != DeliveryStatus.SENDING) {
      return;
    }
    status = DeliveryStatus.CANCELED;
    attempts.end(null);
    updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * Puts a settled delivery back in the queue, due now, with a new series of attempts (and so a new
   * retry window). The attempt log keeps the earlier attempts.
   */
  void replay(Instant now) {
    if (!status.settled()) {
      throw new IllegalStateException("delivery " + id + " is still " + status.apiName());
    }
    status = DeliveryStatus.PENDING;
    seriesAttempts = 0;
    seriesStartedAt = null;
    attempts.end(now);
    updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  private void settle(DeliveryStatus outcome, Integer statusCode, Instant now) {
    requireSending();
    status = outcome;
    attempts.end(null);
    lastStatusCode = statusCode;
    updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  private void requireSending() {
    if (status != DeliveryStatus.SENDING) {
      throw new IllegalStateException("delivery " + id + " is not being sent");
    }
  }

  public String id() {
    return id;
  }

  public String eventId() {
    return eventId;
  }

  public String endpointId() {
    return endpointId;
  }

  public String merchantId() {
    return merchantId;
  }

  public DeliveryStatus status() {
    return status;
  }

  /** The number of attempts made so far, replays included. */
  public int attemptCount() {
    return attempts.attemptCount();
  }

  /** When the next attempt is due (while pending) or the claim lapses (while sending). */
  public Optional<Instant> nextAttemptAt() {
    return attempts.nextAttemptAt();
  }

  public Optional<Instant> lastAttemptAt() {
    return attempts.lastAttemptAt();
  }

  public Optional<Integer> lastStatusCode() {
    return Optional.ofNullable(lastStatusCode);
  }

  /** When the endpoint last took it. */
  public Optional<Instant> deliveredAt() {
    return Optional.ofNullable(deliveredAt).map(OffsetDateTime::toInstant);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }
}
