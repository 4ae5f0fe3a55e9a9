package org.kassa.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.money.Money;

/**
 * Random sequences of captures, refunds and disputes on one payment, each run from its own seed (a
 * failure names it, and the run repeats exactly): whatever the order, refunds and chargebacks
 * together never exceed what was captured, nothing is refunded while a dispute is open, and every
 * status change is one the table allows (the entity refuses the others, failing the run).
 */
class PaymentMoneyPropertiesTest {

  static long[] seeds() {
    long[] seeds = new long[400];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = 20261126L * 31 + i;
    }
    return seeds;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void refundsAndChargebacksNeverExceedWhatWasCaptured(long seed) {
    Random random = new Random(seed);
    long amount = 1 + random.nextInt(100_000);
    Payment p =
        PaymentFixtures.answer(
            PaymentFixtures.processing("pay_p", Money.of(amount, "EUR"), CaptureMethod.MANUAL),
            GatewayResult.authorized("ref"));
    long captured = random.nextBoolean() ? amount : 1 + random.nextInt((int) amount);
    PaymentFixtures.answer(p, GatewayResult.captured("ref", captured));
    assertThat(p.amountCaptured().minorUnits()).isEqualTo(captured);

    Deque<Money> pending = new ArrayDeque<>();
    Money disputed = null;
    long refunded = 0;
    long chargedBack = 0;
    for (int step = 0; step < 60; step++) {
      int op = random.nextInt(10);
      if (op < 4) { // ask for a refund
        Money ask = Money.of(1 + random.nextInt((int) captured), "EUR");
        long before = p.refundable().minorUnits();
        try {
          p.reserveRefund(ask);
          assertThat(disputed).as("no refund while a dispute is open").isNull();
          assertThat(ask.minorUnits()).isLessThanOrEqualTo(before);
          pending.add(ask);
          long reservedNow = pending.stream().mapToLong(Money::minorUnits).sum();
          assertThat(refunded + reservedNow + chargedBack)
              .as("seed %d: a refund Kassa starts never pays out what a chargeback took", seed)
              .isLessThanOrEqualTo(captured);
        } catch (RefundNotAllowedException refused) {
          assertThat(disputed != null || ask.minorUnits() > before || !p.status().isPaid())
              .isTrue();
        }
      } else if (op < 7 && !pending.isEmpty()) { // the gateway answers a refund
        Money settled = pending.poll();
        boolean ok = random.nextInt(4) > 0;
        PaymentStatus target = p.settleRefund(settled, ok);
        if (ok) {
          refunded += settled.minorUnits();
          if (p.status().canMoveTo(target)) {
            p.moveTo(target, PaymentFixtures.NOW); // as RefundSteps.settle does
          } else {
            assertThat(target).isEqualTo(p.status());
          }
        }
      } else if (op < 8 && disputed == null && p.status().canMoveTo(PaymentStatus.DISPUTED)) {
        // The card network opens a dispute, for any part of the capture (it decides, not us).
        disputed = Money.of(1 + random.nextInt((int) captured), "EUR");
        p.moveTo(PaymentStatus.DISPUTED, PaymentFixtures.NOW);
      } else if (disputed != null) { // the network decides the dispute
        boolean lost = random.nextBoolean();
        if (lost) {
          chargedBack += disputed.minorUnits();
        }
        p.moveTo(p.afterDispute(lost, disputed), PaymentFixtures.NOW);
        disputed = null;
      }
      long reserved = pending.stream().mapToLong(Money::minorUnits).sum();
      assertThat(refunded + reserved)
          .as("seed %d step %d: refunds never exceed the capture", seed, step)
          .isLessThanOrEqualTo(captured);
      if (disputed != null) {
        assertThat(p.status()).isEqualTo(PaymentStatus.DISPUTED);
      }
      assertThat(p.refundable().minorUnits()).isBetween(0L, captured);
      assertThat(p.amountRefunded().minorUnits()).isEqualTo(refunded);
      assertThat(p.amountChargedBack().minorUnits()).isEqualTo(chargedBack);
      if (p.status() == PaymentStatus.DISPUTED) {
        assertThat(p.refundable().minorUnits()).isZero();
      }
    }
  }
}
