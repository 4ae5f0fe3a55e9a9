package org.kassa.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PaymentStatusTest {

  @Test
  void finalStatesGoNowhere() {
    for (PaymentStatus s :
        EnumSet.of(
            PaymentStatus.FAILED,
            PaymentStatus.CANCELED,
            PaymentStatus.EXPIRED,
            PaymentStatus.REFUNDED)) {
      assertThat(s.next()).as(s.name()).isEmpty();
    }
  }

  @Test
  void moneyIsNeverTakenTwiceOrRevivedAfterAFailure() {
    assertThat(PaymentStatus.CAPTURED.canMoveTo(PaymentStatus.CAPTURED)).isFalse();
    assertThat(PaymentStatus.FAILED.canMoveTo(PaymentStatus.CAPTURED)).isFalse();
    assertThat(PaymentStatus.CAPTURED.canMoveTo(PaymentStatus.PROCESSING)).isFalse();
    assertThat(PaymentStatus.PROCESSING.canMoveTo(PaymentStatus.CAPTURED)).isTrue();
    assertThat(PaymentStatus.AUTHORIZED.canMoveTo(PaymentStatus.CANCELED)).isTrue();
  }

  @Test
  void everyNonInitialStateIsReachable() {
    EnumSet<PaymentStatus> reached = EnumSet.noneOf(PaymentStatus.class);
    for (PaymentStatus s : PaymentStatus.values()) {
      reached.addAll(s.next());
    }
    assertThat(reached)
        .containsAll(EnumSet.complementOf(EnumSet.of(PaymentStatus.REQUIRES_PAYMENT_METHOD)));
  }
}
