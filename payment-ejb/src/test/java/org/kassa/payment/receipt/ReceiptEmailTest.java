package org.kassa.payment.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kassa.payment.webhook.RetrySchedule;

class ReceiptEmailTest {

  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final RetrySchedule RETRIES =
      new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(2));

  private static ReceiptEmail receipt() {
    return new ReceiptEmail("rcpt_1", "pay_1", "mer_1", "ja", T0);
  }

  @Test
  void aClaimedReceiptIsSentOnceByTheHolderOfTheClaim() {
    ReceiptEmail r = receipt();
    assertThat(r.nextAttemptAt()).contains(T0);

    assertThat(r.claim("a", T0, LEASE)).isEqualTo(1);
    assertThat(r.holds("a")).isTrue();
    assertThat(r.holds("b")).isFalse();
    assertThatThrownBy(() -> r.claim("b", T0.plusSeconds(60), LEASE))
        .isInstanceOf(IllegalStateException.class);

    r.sent(T0.plusSeconds(1));
    assertThat(r.status()).isEqualTo(ReceiptStatus.SENT);
    assertThat(r.sentAt()).contains(T0.plusSeconds(1));
    assertThat(r.holds("a")).isFalse();
    assertThatThrownBy(() -> r.claim("c", T0.plusSeconds(600), LEASE))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aLapsedClaimIsTakenOverAndTheOldHolderCanNoLongerRecord() {
    ReceiptEmail r = receipt();
    r.claim("a", T0, LEASE);

    assertThat(r.claim("b", T0.plus(LEASE), LEASE)).isEqualTo(2);
    assertThat(r.holds("a")).isFalse();
    assertThat(r.holds("b")).isTrue();
  }

  @Test
  void aFailedAttemptIsRetriedWithBackOffUntilTheWindowEnds() {
    ReceiptEmail r = receipt();
    r.claim("a", T0, LEASE);

    assertThat(r.failed("ConnectException", RETRIES, T0.plusSeconds(5)))
        .isEqualTo(ReceiptStatus.PENDING);
    assertThat(r.nextAttemptAt()).contains(T0.plusSeconds(65));
    assertThat(r.lastError()).contains("ConnectException");

    r.claim("b", T0.plusSeconds(65), LEASE);
    assertThat(r.failed("ConnectException", RETRIES, T0.plusSeconds(70)))
        .isEqualTo(ReceiptStatus.PENDING);
    assertThat(r.nextAttemptAt()).contains(T0.plusSeconds(70 + 120));

    Instant late = T0.plus(Duration.ofHours(2));
    r.claim("c", late, LEASE);
    assertThat(r.failed("SMTPSendFailedException", RETRIES, late)).isEqualTo(ReceiptStatus.FAILED);
    assertThat(r.nextAttemptAt()).isEmpty();
    assertThat(r.attemptCount()).isEqualTo(3);
  }

  @Test
  void aCanceledReceiptIsNeverClaimed() {
    ReceiptEmail r = receipt();
    r.cancel(T0);

    assertThat(r.status()).isEqualTo(ReceiptStatus.CANCELED);
    assertThatThrownBy(() -> r.claim("a", T0, LEASE)).isInstanceOf(IllegalStateException.class);
  }
}
