package org.kassa.payment.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The attempts at an outbox row (a webhook delivery, a receipt email) and the lease of the node
 * making one. A node {@link #claim claims} the row until {@code now + lease}; only the holder of
 * the claim token records the outcome, and if it dies the row falls due again when the lease is
 * {@link #over}. The rows' tables name these columns alike.
 */
@Embeddable
public class AttemptLease {

  @Column(name = "attempt_count", nullable = false)
  private int attemptCount;

  /** When the next attempt is due; while claimed, when the lease ends. */
  @Column(name = "next_attempt_at")
  private OffsetDateTime nextAttemptAt;

  @Column(name = "claim_token", length = 40)
  private String claimToken;

  @Column(name = "last_attempt_at")
  private OffsetDateTime lastAttemptAt;

  protected AttemptLease() {}

  /**
   * The claim query of an outbox table: the ids of rows due by {@code ?1} (waiting, or claimed by a
   * node whose lease ran out), oldest due first, at most {@code ?2}, locked with {@code FOR UPDATE
   * SKIP LOCKED} so that concurrent claims on other nodes take other rows. It works as written on
   * PostgreSQL and on H2 2.2. On H2, an {@code ORDER BY … LIMIT … FOR UPDATE} locks every row the
   * {@code WHERE} matches, not only the ones returned, so a concurrent claim finds nothing until
   * this one commits: nothing is sent twice, claims only take turns (H2 serves a single node
   * anyway).
   */
  public static String claimQuery(String table) {
    return "SELECT id FROM "
        + table
        + " WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= ?1"
        + " ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED";
  }

  /** No attempt yet; the first is due at {@code now}. */
  public static AttemptLease dueAt(Instant now) {
    AttemptLease lease = new AttemptLease();
    lease.nextAttemptAt = now.atOffset(ZoneOffset.UTC);
    return lease;
  }

  /**
   * Starts an attempt under {@code token}, leased until {@code now + lease}.
   *
   * @return the number of this attempt
   */
  public int claim(String token, Instant now, Duration lease) {
    attemptCount++;
    claimToken = token;
    lastAttemptAt = now.atOffset(ZoneOffset.UTC);
    nextAttemptAt = now.plus(lease).atOffset(ZoneOffset.UTC);
    return attemptCount;
  }

  /** Whether the lease (or the wait for the next attempt) has run out by {@code now}. */
  public boolean over(Instant now) {
    return nextAttemptAt != null && !nextAttemptAt.toInstant().isAfter(now);
  }

  /** Whether {@code token} is the claim in force. */
  public boolean heldBy(String token) {
    return token != null && token.equals(claimToken);
  }

  /** Ends the claim: the next attempt is due at {@code next}, or there is none (null). */
  public void end(Instant next) {
    claimToken = null;
    nextAttemptAt = next == null ? null : next.atOffset(ZoneOffset.UTC);
  }

  public int attemptCount() {
    return attemptCount;
  }

  public Optional<Instant> nextAttemptAt() {
    return Optional.ofNullable(nextAttemptAt).map(OffsetDateTime::toInstant);
  }

  public Optional<Instant> lastAttemptAt() {
    return Optional.ofNullable(lastAttemptAt).map(OffsetDateTime::toInstant);
  }
}
