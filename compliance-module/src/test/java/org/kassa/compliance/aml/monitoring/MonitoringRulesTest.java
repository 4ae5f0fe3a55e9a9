package org.kassa.compliance.aml.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule at its boundaries: one below, at, one above; inside and just outside its window. */
class MonitoringRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final MonitoringPolicy POLICY =
      new MonitoringPolicy(
          Map.of("EUR", 1_000_000L, "JPY", 1_500_000L),
          5,
          Duration.ofHours(1),
          3,
          0.9,
          Duration.ofDays(1));

  private static MonitoredPayment eur(long minor, Instant at) {
    return new MonitoredPayment(minor, "EUR", at);
  }

  private static List<String> rules(MonitoredPayment p, List<MonitoredPayment> history) {
    return MonitoringRules.evaluate(p, history, POLICY).stream()
        .map(r -> r.substring(0, r.indexOf(' ')))
        .toList();
  }

  @Test
  void aLargeAmountFromItsThresholdInItsCurrency() {
    assertThat(rules(eur(999_999, NOW), List.of())).isEmpty();
    assertThat(rules(eur(1_000_000, NOW), List.of())).containsExactly("large_amount");
    assertThat(rules(eur(1_000_001, NOW), List.of())).containsExactly("large_amount");
    // Zero-decimal JPY has its own threshold; a currency without one has no large-amount rule.
    assertThat(rules(new MonitoredPayment(1_499_999, "JPY", NOW), List.of())).isEmpty();
    assertThat(rules(new MonitoredPayment(1_500_000, "JPY", NOW), List.of()))
        .containsExactly("large_amount");
    assertThat(rules(new MonitoredPayment(999_999_999, "KWD", NOW), List.of())).isEmpty();
  }

  @Test
  void velocityCountsThisPaymentAndThoseInsideTheWindowOnly() {
    List<MonitoredPayment> three = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      three.add(eur(100, NOW.minusSeconds(60L * i)));
    }
    assertThat(rules(eur(100, NOW), three)).isEmpty(); // 4 of 5
    List<MonitoredPayment> four = new ArrayList<>(three);
    four.add(eur(100, NOW.minus(Duration.ofHours(1)).plusSeconds(1)));
    assertThat(rules(eur(100, NOW), four)).containsExactly("velocity"); // 5 of 5
    List<MonitoredPayment> oneTooOld = new ArrayList<>(three);
    oneTooOld.add(eur(100, NOW.minus(Duration.ofHours(1))));
    assertThat(rules(eur(100, NOW), oneTooOld)).isEmpty(); // exactly an hour ago is outside
  }

  @Test
  void structuringIsSeveralPaymentsJustUnderTheThreshold() {
    List<MonitoredPayment> twoJustUnder =
        List.of(eur(900_000, NOW.minusSeconds(3600)), eur(999_999, NOW.minusSeconds(7200)));
    assertThat(rules(eur(950_000, NOW), twoJustUnder)).containsExactly("structuring");
    // 899,999 is not "just under" (below 90 %), and the threshold itself is a large amount.
    assertThat(rules(eur(899_999, NOW), twoJustUnder)).isEmpty();
    assertThat(rules(eur(1_000_000, NOW), twoJustUnder)).containsExactly("large_amount");
    List<MonitoredPayment> oneJustUnder =
        List.of(eur(900_000, NOW.minusSeconds(3600)), eur(899_999, NOW.minusSeconds(7200)));
    assertThat(rules(eur(950_000, NOW), oneJustUnder)).isEmpty();
    List<MonitoredPayment> yesterday =
        List.of(eur(900_000, NOW.minusSeconds(3600)), eur(999_999, NOW.minus(Duration.ofDays(1))));
    assertThat(rules(eur(950_000, NOW), yesterday)).isEmpty();
    List<MonitoredPayment> otherCurrency =
        List.of(eur(900_000, NOW.minusSeconds(3600)), new MonitoredPayment(999_999, "USD", NOW));
    assertThat(rules(eur(950_000, NOW), otherCurrency)).isEmpty();
  }

  @Test
  void aHitSaysWhatItCountedAndNothingAboutWho() {
    String hit = MonitoringRules.evaluate(eur(1_200_000, NOW), List.of(), POLICY).get(0);
    assertThat(hit).isEqualTo("large_amount amount=1200000 EUR threshold=1000000");
  }
}
