package org.kassa.payment.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again: after the n-th failed attempt of a series, {@code
 * firstDelay × 2^(n-1)} later, at most {@code maxDelay}, and never later than {@code window} after
 * the series' first attempt; once an attempt fails at or after that end, the delivery has failed
 * for good. With the defaults: 30 s, 1 min, 2 min, 4 min, … 4 h 16 min, then every 6 h, for 3 days
 * (about 20 attempts). Pure and deterministic: the same inputs give the same answer.
 *
 * <p>The delay counts from the failure, not from a fixed grid laid from the first attempt, so that
 * a node that was down for hours does not fire a burst of overdue attempts at a receiver when it
 * comes back.
 *
 * @param firstDelay the wait after the first failure
 * @param maxDelay the longest wait between two attempts
 * @param window how long after the first attempt Kassa keeps trying
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, Duration window) {

  /** 30 s doubling up to 6 h, for 3 days. */
  public static final RetrySchedule DEFAULT =
      new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofDays(3));

  public RetrySchedule {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(window, "window");
    if (firstDelay.isNegative() || firstDelay.isZero()) {
      throw new IllegalArgumentException("the first delay must be positive");
    }
    if (maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("the longest delay must be at least the first delay");
    }
    if (window.isNegative()) {
      throw new IllegalArgumentException("the retry window must not be negative");
    }
  }

  /** The wait after the {@code attempt}-th failed attempt (1 for the first). */
  public Duration delayAfter(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1");
    }
    Duration delay = firstDelay;
    // Doubling stops at the cap, so no overflow however large the attempt number.
    for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /**
   * When to try again after a failed attempt.
   *
   * @param attempt the number of the attempt that failed within its series (1 for the first)
   * @param firstAttemptAt when the series' first attempt started
   * @param failedAt when this attempt ended
   * @return the next attempt's time, never after {@code firstAttemptAt + window}; empty when the
   *     attempt failed at or after that end and the delivery has failed for good
   */
  public Optional<Instant> nextAttempt(int attempt, Instant firstAttemptAt, Instant failedAt) {
    Instant end = firstAttemptAt.plus(window);
    if (!failedAt.isBefore(end)) {
      return Optional.empty();
    }
    Instant next = failedAt.plus(delayAfter(attempt));
    // One last try at the end of the window rather than none past it.
    return Optional.of(next.isAfter(end) ? end : next);
  }
}
