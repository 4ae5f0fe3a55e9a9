package org.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant FIRST = Instant.parse("2026-11-25T12:00:00Z");
  private static final RetrySchedule SCHEDULE = RetrySchedule.DEFAULT;

  @Test
  void delaysDoubleFromThirtySecondsUpToSixHours() {
    List<Duration> delays = new ArrayList<>();
    for (int attempt = 1; attempt <= 12; attempt++) {
      delays.add(SCHEDULE.delayAfter(attempt));
    }
    assertThat(delays)
        .containsExactly(
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(16),
            Duration.ofMinutes(32),
            Duration.ofMinutes(64),
            Duration.ofMinutes(128),
            Duration.ofMinutes(256),
            Duration.ofHours(6),
            Duration.ofHours(6));
  }

  @Test
  void theCapHoldsForHugeAttemptNumbersWithoutOverflow() {
    assertThat(SCHEDULE.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(6));
    assertThat(SCHEDULE.delayAfter(64)).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void theNextAttemptCountsFromTheFailure() {
    Instant failedAt = FIRST.plusSeconds(2);
    assertThat(SCHEDULE.nextAttempt(1, FIRST, failedAt)).contains(failedAt.plusSeconds(30));
    Instant later = FIRST.plus(Duration.ofHours(1));
    assertThat(SCHEDULE.nextAttempt(4, FIRST, later)).contains(later.plus(Duration.ofMinutes(4)));
  }

  @Test
  void aWholeSeriesOfInstantFailuresLastsThreeDaysAndNeverGoesBeyond() {
    Instant end = FIRST.plus(Duration.ofDays(3));
    List<Instant> attempts = new ArrayList<>(List.of(FIRST));
    int attempt = 1;
    Optional<Instant> next = SCHEDULE.nextAttempt(attempt, FIRST, FIRST);
    while (next.isPresent()) {
      assertThat(next.get()).isAfter(attempts.get(attempts.size() - 1)).isBeforeOrEqualTo(end);
      attempts.add(next.get());
      attempt++;
      next = SCHEDULE.nextAttempt(attempt, FIRST, next.get());
    }
    // 30 s, 1 m, ... 256 m (about 8.5 h), then every 6 h, and one last try at the 3-day mark.
    assertThat(attempts.get(attempts.size() - 1)).isEqualTo(end);
    assertThat(attempts).hasSize(22);
    assertThat(attempts.subList(0, 4))
        .containsExactly(
            FIRST, FIRST.plusSeconds(30), FIRST.plusSeconds(90), FIRST.plusSeconds(210));
  }

  @Test
  void anAttemptThatFailsAtOrAfterTheEndIsTheLast() {
    Instant end = FIRST.plus(Duration.ofDays(3));
    assertThat(SCHEDULE.nextAttempt(20, FIRST, end)).isEmpty();
    assertThat(SCHEDULE.nextAttempt(20, FIRST, end.plusSeconds(1))).isEmpty();
    assertThat(SCHEDULE.nextAttempt(20, FIRST, end.minusSeconds(1))).contains(end);
  }

  @Test
  void theSameInputsGiveTheSameAnswer() {
    Instant failedAt = FIRST.plus(Duration.ofHours(30));
    assertThat(SCHEDULE.nextAttempt(9, FIRST, failedAt))
        .isEqualTo(SCHEDULE.nextAttempt(9, FIRST, failedAt))
        .contains(failedAt.plus(Duration.ofMinutes(128)));
  }

  @Test
  void aConfiguredScheduleIsChecked() {
    RetrySchedule fast =
        new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(1));
    assertThat(fast.delayAfter(5)).isEqualTo(Duration.ofSeconds(4));
    assertThatThrownBy(
            () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SCHEDULE.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
