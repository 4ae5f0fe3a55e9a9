package org.kassa.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.money.Money;

class PaymentRefundsTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static Payment captured(long amount) {
    return PaymentFixtures.captured(amount);
  }

  @Test
  void partialRefundsThenTheRestRefundTheWholePayment() {
    Payment p = captured(1000);
    p.reserveRefund(Money.of(300, "EUR"));
    assertThat(p.settleRefund(Money.of(300, "EUR"), true))
        .isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    p.moveTo(PaymentStatus.PARTIALLY_REFUNDED, NOW);
    assertThat(p.refundable()).isEqualTo(Money.of(700, "EUR"));
    p.reserveRefund(Money.of(700, "EUR"));
    assertThat(p.settleRefund(Money.of(700, "EUR"), true)).isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  void pendingRefundsCountAgainstWhatRemainsAndAFailureGivesItBack() {
    Payment p = captured(1000);
    p.reserveRefund(Money.of(600, "EUR"));
    assertThatThrownBy(() -> p.reserveRefund(Money.of(401, "EUR")))
        .isInstanceOf(RefundNotAllowedException.class)
        .hasMessageContaining("4.00 EUR");
    assertThat(p.settleRefund(Money.of(600, "EUR"), false)).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(p.refundable()).isEqualTo(Money.of(1000, "EUR"));
  }

  @Test
  void onlyCapturedPaymentsInTheirCurrencyCanBeRefunded() {
    Payment failed =
        PaymentFixtures.answer(
            PaymentFixtures.processing("pay_f", Money.of(500, "EUR"), CaptureMethod.AUTOMATIC),
            GatewayResult.declined("ref", DeclineReason.GENERIC_DECLINE));
    assertThatThrownBy(() -> failed.reserveRefund(Money.of(100, "EUR")))
        .isInstanceOf(RefundNotAllowedException.class);
    assertThatThrownBy(() -> captured(500).reserveRefund(Money.of(100, "USD")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomSequencesOfRefundsNeverExceedWhatWasCaptured() {
    Random random = new Random(20261125);
    for (int run = 0; run < 500; run++) {
      long amount = 1 + random.nextInt(10_000);
      Payment p = captured(amount);
      Deque<Money> pending = new ArrayDeque<>();
      long succeeded = 0;
      for (int step = 0; step < 40; step++) {
        if (random.nextBoolean() || pending.isEmpty()) {
          Money ask = Money.of(1 + random.nextInt((int) amount), "EUR");
          try {
            p.reserveRefund(ask);
            pending.add(ask);
          } catch (RefundNotAllowedException refused) {
            assertThat(ask.minorUnits()).isGreaterThan(p.refundable().minorUnits());
          }
        } else {
          Money settled = pending.poll();
          boolean ok = random.nextInt(4) > 0;
          PaymentStatus target = p.settleRefund(settled, ok);
          if (ok) {
            succeeded += settled.minorUnits();
            if (target != p.status()) {
              p.moveTo(target, NOW);
            }
          }
        }
        long reserved = pending.stream().mapToLong(Money::minorUnits).sum();
        assertThat(succeeded + reserved).isLessThanOrEqualTo(amount);
        assertThat(p.amountRefunded().minorUnits()).isEqualTo(succeeded);
      }
    }
  }
}
