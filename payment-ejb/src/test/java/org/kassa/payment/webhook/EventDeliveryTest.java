package org.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kassa.payment.webhook.WebhookDelivery.Outcome;

/** A delivery's life without a database: claims, leases, outcomes, replays. */
class EventDeliveryTest {

  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final RetrySchedule RETRIES = RetrySchedule.DEFAULT;
  private static final WebhookSender.Result OK = new WebhookSender.Result(200, null, 12, "ok");
  private static final WebhookSender.Result ERROR = new WebhookSender.Result(503, null, 40, "busy");
  private static final WebhookSender.Result TIMEOUT =
      new WebhookSender.Result(null, "HttpTimeoutException", 10_000, null);

  private static EventDelivery newDelivery() {
    WebhookEvent event =
        new WebhookEvent(
            "evt_1", "mer_1", "payment.captured", "payment", "pay_1", "{\"id\":\"pay_1\"}", T0);
    WebhookEndpoint endpoint =
        new WebhookEndpoint(
            "we_1", "mer_1", "https://shop.example/hooks", null, EventTypes.all(), "whsec_a", T0);
    return new EventDelivery("wd_1", event, endpoint, T0);
  }

  @Test
  void aNewDeliveryIsDueAtOnce() {
    EventDelivery d = newDelivery();
    assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(d.nextAttemptAt()).contains(T0);
    assertThat(d.attemptCount()).isZero();
  }

  @Test
  void anEventGoesOnlyToItsOwnMerchantsEndpoints() {
    WebhookEvent event =
        new WebhookEvent("evt_1", "mer_1", "payment.captured", "payment", "pay_1", "{}", T0);
    WebhookEndpoint other =
        new WebhookEndpoint(
            "we_2", "mer_2", "https://other.example/", null, EventTypes.all(), "whsec_b", T0);
    assertThatThrownBy(() -> new EventDelivery("wd_2", event, other, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClaimHoldsTheDeliveryForItsLeaseAndOnlyItsTokenRecords() {
    EventDelivery d = newDelivery();
    assertThat(d.claim("tok_a", T0, LEASE)).isEqualTo(1);
    assertThat(d.status()).isEqualTo(DeliveryStatus.SENDING);
    assertThat(d.nextAttemptAt()).contains(T0.plus(LEASE));
    assertThat(d.holds("tok_a")).isTrue();
    assertThat(d.holds("tok_b")).isFalse();
    assertThat(d.holds(null)).isFalse();
    assertThat(d.abandoned(T0.plus(LEASE).minusMillis(1))).isFalse();
    assertThatThrownBy(() -> d.claim("tok_b", T0.plusSeconds(60), LEASE))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void whenALeaseRunsOutAnotherNodeTakesOverAndTheFirstCannotRecord() {
    EventDelivery d = newDelivery();
    d.claim("tok_a", T0, LEASE);
    Instant later = T0.plus(LEASE);
    assertThat(d.abandoned(later)).isTrue();
    assertThat(d.claim("tok_b", later, LEASE)).isEqualTo(2);
    assertThat(d.holds("tok_a")).isFalse();
    assertThat(d.holds("tok_b")).isTrue();
  }

  @Test
  void a2xxSettlesItDelivered() {
    EventDelivery d = newDelivery();
    d.claim("tok", T0, LEASE);
    assertThat(d.settle(OK, true, RETRIES, T0.plusSeconds(1))).isEqualTo(Outcome.DELIVERED);
    assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(d.deliveredAt()).contains(T0.plusSeconds(1));
    assertThat(d.lastStatusCode()).contains(200);
    assertThat(d.nextAttemptAt()).isEmpty();
    assertThat(d.holds("tok")).isFalse();
    assertThatThrownBy(() -> d.settle(OK, true, RETRIES, T0.plusSeconds(2)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void failuresBackOffAndAfterThreeDaysTheDeliveryHasFailed() {
    EventDelivery d = newDelivery();
    Instant now = T0;
    int attempts = 0;
    Outcome outcome = null;
    while (outcome != Outcome.FAILED) {
      d.claim("tok" + attempts, now, LEASE);
      attempts++;
      Instant failedAt = now.plusSeconds(10);
      outcome = d.settle(attempts % 2 == 0 ? ERROR : TIMEOUT, true, RETRIES, failedAt);
      if (attempts == 1) {
        assertThat(d.nextAttemptAt()).contains(failedAt.plusSeconds(30));
      }
      if (outcome == Outcome.RETRYING) {
        assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.nextAttemptAt().orElseThrow()).isBeforeOrEqualTo(T0.plus(Duration.ofDays(3)));
        now = d.nextAttemptAt().orElseThrow();
      }
      assertThat(attempts).isLessThan(100);
    }
    assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(d.attemptCount()).isEqualTo(attempts).isBetween(20, 25);
    assertThat(now).isEqualTo(T0.plus(Duration.ofDays(3)));
    assertThat(d.nextAttemptAt()).isEmpty();
  }

  @Test
  void aFailureAfterTheEndpointWasDisabledCancelsInsteadOfRetrying() {
    EventDelivery d = newDelivery();
    d.claim("tok", T0, LEASE);
    assertThat(d.settle(ERROR, false, RETRIES, T0.plusSeconds(1))).isEqualTo(Outcome.CANCELED);
    assertThat(d.status()).isEqualTo(DeliveryStatus.CANCELED);
    assertThat(d.lastStatusCode()).contains(503);
  }

  @Test
  void aReplayStartsANewSeriesAndKeepsCountingAttempts() {
    EventDelivery d = newDelivery();
    d.claim("tok", T0, LEASE);
    d.settle(OK, true, RETRIES, T0.plusSeconds(1));

    Instant replayedAt = T0.plus(Duration.ofDays(10));
    d.replay(replayedAt);
    assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(d.nextAttemptAt()).contains(replayedAt);

    assertThat(d.claim("tok2", replayedAt, LEASE)).isEqualTo(2);
    // A new retry window: ten days after the first series, a failure is retried, not final.
    assertThat(d.settle(ERROR, true, RETRIES, replayedAt.plusSeconds(1)))
        .isEqualTo(Outcome.RETRYING);
    assertThat(d.nextAttemptAt()).contains(replayedAt.plusSeconds(31));
  }

  @Test
  void onlySettledDeliveriesAreReplayedAndOnlyUnsentOnesCanceled() {
    EventDelivery d = newDelivery();
    assertThatThrownBy(() -> d.replay(T0)).isInstanceOf(IllegalStateException.class);
    d.claim("tok", T0, LEASE);
    assertThatThrownBy(() -> d.replay(T0)).isInstanceOf(IllegalStateException.class);
    d.settle(OK, true, RETRIES, T0.plusSeconds(1));
    d.cancel(T0.plusSeconds(2));
    assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);

    EventDelivery pending = newDelivery();
    pending.cancel(T0.plusSeconds(1));
    assertThat(pending.status()).isEqualTo(DeliveryStatus.CANCELED);
    assertThat(pending.nextAttemptAt()).isEmpty();
    assertThatThrownBy(() -> pending.claim("tok", T0.plusSeconds(2), LEASE))
        .isInstanceOf(IllegalStateException.class);
    pending.replay(T0.plusSeconds(3));
    assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
  }

  @Test
  void anAttemptLogKeepsTwoHundredCharactersOfTheAnswerAtMost() {
    DeliveryAttempt attempt =
        DeliveryAttempt.of("wd_1", 1, T0, new WebhookSender.Result(500, null, 5, "x".repeat(500)));
    assertThat(attempt.responseExcerpt().orElseThrow()).hasSize(200);
    assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.FAILED);
    DeliveryAttempt lost = DeliveryAttempt.abandoned("wd_1", 2, T0, T0.plus(LEASE));
    assertThat(lost.outcome()).isEqualTo(DeliveryAttempt.Outcome.ABANDONED);
    assertThat(lost.error()).contains("LeaseExpired");
    assertThat(lost.durationMillis()).isEqualTo(LEASE.toMillis());
  }
}
