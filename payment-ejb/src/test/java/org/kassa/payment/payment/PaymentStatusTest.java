package org.kassa.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.money.Money;

/**
 * Every pair of states, legal and illegal, against the table as the README documents it, written
 * out here independently of the enum.
 */
class PaymentStatusTest {

  private static final String TABLE =
      """
      requires_payment_method -> processing canceled expired
      processing -> requires_action authorized captured partially_captured failed canceled
      requires_action -> processing authorized captured partially_captured failed canceled expired
      authorized -> captured partially_captured canceled expired
      captured -> partially_refunded refunded disputed
      partially_captured -> partially_refunded refunded disputed
      partially_refunded -> partially_refunded refunded disputed
      refunded -> disputed
      disputed -> captured partially_captured partially_refunded refunded charged_back
      charged_back -> charged_back
      failed ->
      canceled ->
      expired ->
      """;

  private static Set<String> legal() {
    Set<String> pairs = new HashSet<>();
    TABLE
        .lines()
        .forEach(
            line -> {
              String[] sides = line.split("->");
              String from = sides[0].trim();
              if (sides.length > 1) {
                for (String to : sides[1].trim().split("\\s+")) {
                  if (!to.isEmpty()) {
                    pairs.add(from + ">" + to);
                  }
                }
              }
            });
    return pairs;
  }

  @Test
  void everyLegalAndEveryIllegalTransitionIsAsDocumented() {
    Set<String> legal = legal();
    int checked = 0;
    for (PaymentStatus from : PaymentStatus.values()) {
      for (PaymentStatus to : PaymentStatus.values()) {
        boolean expected = legal.contains(from.apiName() + ">" + to.apiName());
        assertThat(from.canMoveTo(to))
            .as(from.apiName() + " -> " + to.apiName())
            .isEqualTo(expected);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(13 * 13);
    assertThat(TABLE.lines().count()).isEqualTo(PaymentStatus.values().length);
  }

  @Test
  void theApiNamesAreTheTablesNames() {
    for (PaymentStatus s : PaymentStatus.values()) {
      assertThat(s.apiName()).isEqualTo(s.name().toLowerCase(Locale.ROOT));
      assertThat(TABLE).contains(s.apiName() + " ->");
    }
  }

  @Test
  void onlyFailedCanceledAndExpiredAreFinal() {
    EnumSet<PaymentStatus> finals = EnumSet.noneOf(PaymentStatus.class);
    for (PaymentStatus s : PaymentStatus.values()) {
      if (s.isFinal()) {
        finals.add(s);
      }
    }
    assertThat(finals)
        .containsExactlyInAnyOrder(
            PaymentStatus.FAILED, PaymentStatus.CANCELED, PaymentStatus.EXPIRED);
  }

  @Test
  void theEntityRefusesWhatTheTableRefuses() {
    Payment p =
        PaymentFixtures.captured(1000); // captured: processing, failed, authorized are illegal
    for (PaymentStatus illegal :
        EnumSet.of(
            PaymentStatus.PROCESSING,
            PaymentStatus.FAILED,
            PaymentStatus.AUTHORIZED,
            PaymentStatus.CAPTURED,
            PaymentStatus.CANCELED)) {
      assertThatThrownBy(() -> p.moveTo(illegal, PaymentFixtures.NOW))
          .isInstanceOf(IllegalPaymentTransitionException.class);
      assertThat(p.status()).isEqualTo(PaymentStatus.CAPTURED);
    }
  }

  @Test
  void gatewayAnswersOnlyMovePaymentsForward() {
    Payment p = PaymentFixtures.captured(1000);
    assertThat(p.statusAfter(GatewayResult.processing("ref"))).isEmpty();
    assertThat(p.statusAfter(GatewayResult.authorized("ref"))).isEmpty();
    assertThat(p.statusAfter(GatewayResult.captured("ref", 1000))).isEmpty();
    assertThat(p.statusAfter(GatewayResult.declined("ref", null))).isEmpty();
    assertThat(p.statusAfter(GatewayResult.canceled("ref"))).isEmpty();

    Payment open = PaymentFixtures.processing("pay_o", Money.of(1000, "EUR"), CaptureMethod.MANUAL);
    assertThat(open.statusAfter(GatewayResult.processing("ref"))).isEmpty();
    assertThat(open.statusAfter(GatewayResult.requiresAction("ref", "/x")))
        .contains(PaymentStatus.REQUIRES_ACTION);
    assertThat(open.statusAfter(GatewayResult.authorized("ref")))
        .contains(PaymentStatus.AUTHORIZED);
    assertThat(open.statusAfter(GatewayResult.captured("ref", 400)))
        .contains(PaymentStatus.PARTIALLY_CAPTURED);
    assertThat(open.statusAfter(GatewayResult.captured("ref", 1000)))
        .contains(PaymentStatus.CAPTURED);
  }

  @Test
  void aPartialCaptureBoundsTheRefunds() {
    Payment p =
        PaymentFixtures.answer(
            PaymentFixtures.processing("pay_m", Money.of(1000, "EUR"), CaptureMethod.MANUAL),
            GatewayResult.authorized("ref"));
    assertThat(p.captureAmount(400L)).isEqualTo(Money.of(400, "EUR"));
    assertThatThrownBy(() -> p.captureAmount(1001L)).isInstanceOf(CaptureNotAllowedException.class);
    assertThatThrownBy(() -> p.captureAmount(0L)).isInstanceOf(CaptureNotAllowedException.class);
    PaymentFixtures.answer(p, GatewayResult.captured("ref", 400));
    assertThat(p.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
    assertThat(p.refundable()).isEqualTo(Money.of(400, "EUR"));
    assertThatThrownBy(() -> p.captureAmount(null))
        .isInstanceOf(IllegalPaymentTransitionException.class);
  }
}
