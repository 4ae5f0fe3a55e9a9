package org.kassa.payment.receipt;

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
import org.kassa.payment.webhook.AttemptLease;
import org.kassa.payment.webhook.RetrySchedule;

/**
 * The receipt of one captured payment, in the outbox. It moves {@code PENDING → SENDING → SENT}, or
 * back to {@code PENDING} after a failed attempt, or to {@code FAILED} when the retry window is
 * over, or to {@code CANCELED} when there is no one to send it to any more. While {@code SENDING},
 * {@code nextAttemptAt} is when the sending node's lease ends; only the holder of the claim token
 * records the outcome.
 */
@Entity
@Table(name = "receipt_email")
public class ReceiptEmail {

  /** The prefix of receipt ids. */
  public static final String ID_PREFIX = "rcpt_";

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "payment_id", nullable = false, length = 40)
  private String paymentId;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  /** The language tag the receipt is written in. */
  @Column(name = "locale", nullable = false, length = 35)
  private String locale;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private ReceiptStatus status;

  @Embedded private AttemptLease attempts;

  @Column(name = "first_attempt_at")
  private OffsetDateTime firstAttemptAt;

  /** The simple name of what ended the last failed attempt: never the address or the text. */
  @Column(name = "last_error", length = 100)
  private String lastError;

  @Column(name = "sent_at")
  private OffsetDateTime sentAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ReceiptEmail() {}

  /** A new receipt, due at once. */
  ReceiptEmail(String id, String paymentId, String merchantId, String locale, Instant now) {
    this.id = id;
    this.paymentId = paymentId;
    this.merchantId = merchantId;
    this.locale = locale;
    this.status = ReceiptStatus.PENDING;
    this.attempts = AttemptLease.dueAt(now);
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  /**
   * Claims the receipt for one attempt, until {@code now + lease}.
   *
   * @return the number of this attempt
   */
  int claim(String token, Instant now, Duration lease) {
    if (status != ReceiptStatus.PENDING && status != ReceiptStatus.SENDING) {
      throw new IllegalStateException("receipt " + id + " is " + status.apiName());
    }
    if (status == ReceiptStatus.SENDING && !attempts.over(now)) {
      throw new IllegalStateException("receipt " + id + " is claimed by another node");
    }
    if (firstAttemptAt == null) {
      firstAttemptAt = now.atOffset(ZoneOffset.UTC);
    }
    status = ReceiptStatus.SENDING;
    updatedAt = now.atOffset(ZoneOffset.UTC);
    return attempts.claim(token, now, lease);
  }

  /** Whether {@code token} is the claim in force. */
  boolean holds(String token) {
    return status == ReceiptStatus.SENDING && attempts.heldBy(token);
  }

  /** The mail server took it. */
  void sent(Instant now) {
    requireSending();
    status = ReceiptStatus.SENT;
    attempts.end(null);
    lastError = null;
    sentAt = now.atOffset(ZoneOffset.UTC);
    updatedAt = sentAt;
  }

  /**
   * The attempt failed: due again after the back-off, or failed for good past the retry window.
   *
   * @return the status it is left in
   */
  ReceiptStatus failed(String error, RetrySchedule retries, Instant now) {
    requireSending();
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 100));
    updatedAt = now.atOffset(ZoneOffset.UTC);
    Optional<Instant> next =
        retries.nextAttempt(attempts.attemptCount(), firstAttemptAt.toInstant(), now);
    attempts.end(next.orElse(null));
    status = next.isPresent() ? ReceiptStatus.PENDING : ReceiptStatus.FAILED;
    return status;
  }

  /** There is no one to send it to (the payer's email was erased): it will not be sent. */
  void cancel(Instant now) {
    if (status != ReceiptStatus.PENDING && status != ReceiptStatus.SENDING) {
      return;
    }
    status = ReceiptStatus.CANCELED;
    attempts.end(null);
    updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  private void requireSending() {
    if (status != ReceiptStatus.SENDING) {
      throw new IllegalStateException("receipt " + id + " is not being sent");
    }
  }

  public String id() {
    return id;
  }

  public String paymentId() {
    return paymentId;
  }

  public String merchantId() {
    return merchantId;
  }

  public String locale() {
    return locale;
  }

  public ReceiptStatus status() {
    return status;
  }

  public int attemptCount() {
    return attempts.attemptCount();
  }

  public Optional<Instant> nextAttemptAt() {
    return attempts.nextAttemptAt();
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  public Optional<Instant> sentAt() {
    return Optional.ofNullable(sentAt).map(OffsetDateTime::toInstant);
  }

  /** When the payment was captured: the receipt's date. */
  public Instant createdAt() {
    return createdAt.toInstant();
  }
}
