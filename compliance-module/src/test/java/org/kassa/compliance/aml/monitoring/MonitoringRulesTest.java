package org.kassa.compliance.aml.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every rule at its boundaries: one below, at, one above; inside and just outside its window. */
class MonitoringRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  /** Counts and sums far away, so that a test sees only the rule it is about. */
  private static final MonitoringPolicy.Velocity OFF = MonitoringPolicy.Velocity.count(1000, HOUR);

  private static final MonitoringPolicy POLICY =
      new MonitoringPolicy(
          Map.of("EUR", 1_000_000L, "JPY", 1_500_000L),
          new MonitoringPolicy.Velocity(5, Map.of("EUR", 10_000L), HOUR),
          new MonitoringPolicy.Velocity(3, Map.of("EUR", 5_000L), TEN_MINUTES),
          new MonitoringPolicy.Velocity(4, Map.of("EUR", 20_000L), HOUR),
          3,
          0.9,
          Duration.ofDays(1),
          true);

  /** A payment by customer A, without card or IP. */
  private static MonitoredPayment eur(long minor, Instant at) {
    return new MonitoredPayment(minor, "EUR", at).withSubject("sub_a");
  }

  private static List<String> rules(MonitoredPayment p, List<MonitoredPayment> history) {
    return rules(p, history, POLICY);
  }

  private static List<String> rules(
      MonitoredPayment p, List<MonitoredPayment> history, MonitoringPolicy policy) {
    return MonitoringRules.evaluate(p, history, policy).stream()
        .map(r -> r.substring(0, r.indexOf(' ')))
        .toList();
  }

  /** {@code n} earlier payments of {@code minor} EUR, one a minute, shaped by {@code as}. */
  private static List<MonitoredPayment> earlier(
      int n, long minor, UnaryOperator<MonitoredPayment> as) {
    List<MonitoredPayment> list = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      list.add(as.apply(new MonitoredPayment(minor, "EUR", NOW.minusSeconds(60L * i))));
    }
    return list;
  }

  private static List<MonitoredPayment> plus(List<MonitoredPayment> a, MonitoredPayment... more) {
    List<MonitoredPayment> all = new ArrayList<>(a);
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void aLargeAmountFromItsThresholdInItsCurrency() {
    MonitoringPolicy policy = policyWith(OFF, OFF, OFF);
    assertThat(rules(eur(999_999, NOW), List.of(), policy)).isEmpty();
    assertThat(rules(eur(1_000_000, NOW), List.of(), policy)).containsExactly("large_amount");
    assertThat(rules(eur(1_000_001, NOW), List.of(), policy)).containsExactly("large_amount");
    // Zero-decimal JPY has its own threshold; a currency without one has no large-amount rule.
    assertThat(rules(new MonitoredPayment(1_499_999, "JPY", NOW), List.of())).isEmpty();
    assertThat(rules(new MonitoredPayment(1_500_000, "JPY", NOW), List.of()))
        .containsExactly("large_amount");
    assertThat(rules(new MonitoredPayment(999_999_999, "KWD", NOW), List.of())).isEmpty();
  }

  @Test
  void velocityCountsThisPaymentAndThoseInsideTheWindowOnly() {
    List<MonitoredPayment> three = earlier(3, 100, p -> p.withSubject("sub_a"));
    assertThat(rules(eur(100, NOW), three)).isEmpty(); // 4 of 5
    assertThat(rules(eur(100, NOW), plus(three, eur(100, NOW.minus(HOUR).plusSeconds(1)))))
        .containsExactly("velocity"); // 5 of 5
    assertThat(rules(eur(100, NOW), earlier(5, 100, p -> p.withSubject("sub_a"))))
        .containsExactly("velocity"); // 6 of 5
    assertThat(rules(eur(100, NOW), plus(three, eur(100, NOW.minus(HOUR)))))
        .as("exactly an hour ago is outside")
        .isEmpty();
    assertThat(rules(eur(100, NOW), earlier(4, 100, p -> p.withSubject("sub_b"))))
        .as("another customer's payments")
        .isEmpty();
    assertThat(rules(new MonitoredPayment(100, "EUR", NOW), earlier(4, 100, p -> p)))
        .as("a payment without a customer is counted on no customer")
        .isEmpty();
  }

  @Test
  void velocityAmountAddsUpTheCustomersPaymentsInTheSameCurrency() {
    List<MonitoredPayment> sixThousand = earlier(2, 3_000, p -> p.withSubject("sub_a"));
    assertThat(rules(eur(3_999, NOW), sixThousand)).isEmpty(); // 9,999 of 10,000
    assertThat(rules(eur(4_000, NOW), sixThousand)).containsExactly("velocity_amount");
    assertThat(rules(eur(4_001, NOW), sixThousand)).containsExactly("velocity_amount");
    assertThat(
            rules(
                eur(4_000, NOW),
                plus(
                    earlier(1, 3_000, p -> p.withSubject("sub_a")),
                    new MonitoredPayment(3_000, "USD", NOW).withSubject("sub_a"))))
        .as("another currency is not added")
        .isEmpty();
    assertThat(
            rules(
                eur(4_000, NOW),
                plus(earlier(1, 3_000, p -> p.withSubject("sub_a")), eur(3_000, NOW.minus(HOUR)))))
        .as("outside the window")
        .isEmpty();
    assertThat(rules(new MonitoredPayment(1_400_000, "JPY", NOW).withSubject("sub_a"), List.of()))
        .as("a currency without a sum threshold is not summed")
        .isEmpty();
  }

  @Test
  void cardVelocityCountsAndSumsTheSameCardAcrossCustomers() {
    MonitoredPayment card = new MonitoredPayment(100, "EUR", NOW).withCard("card_1");
    // Each earlier payment by another customer: the card is the link.
    List<MonitoredPayment> one = earlier(1, 100, p -> p.withCard("card_1").withSubject("sub_x"));
    assertThat(rules(card, one)).isEmpty(); // 2 of 3
    List<MonitoredPayment> two = earlier(2, 100, p -> p.withCard("card_1").withSubject("sub_y"));
    assertThat(rules(card, two)).containsExactly("card_velocity"); // 3 of 3
    assertThat(rules(card, earlier(3, 100, p -> p.withCard("card_1"))))
        .containsExactly("card_velocity");
    assertThat(rules(card, earlier(2, 100, p -> p.withCard("card_2")))).isEmpty();
    List<MonitoredPayment> twoOneOutside =
        List.of(
            new MonitoredPayment(100, "EUR", NOW.minusSeconds(60)).withCard("card_1"),
            new MonitoredPayment(100, "EUR", NOW.minus(TEN_MINUTES)).withCard("card_1"));
    assertThat(rules(card, twoOneOutside)).isEmpty();

    List<MonitoredPayment> fourThousand =
        List.of(new MonitoredPayment(4_000, "EUR", NOW.minusSeconds(5)).withCard("card_1"));
    assertThat(rules(card.withAmount(999), fourThousand)).isEmpty();
    assertThat(rules(card.withAmount(1_000), fourThousand)).containsExactly("card_velocity_amount");
    assertThat(rules(card.withAmount(1_001), fourThousand)).containsExactly("card_velocity_amount");
    assertThat(rules(new MonitoredPayment(5_000, "EUR", NOW), List.of()))
        .as("no card, no card rule")
        .isEmpty();
  }

  @Test
  void ipVelocityCountsAndSumsTheSameAddress() {
    MonitoredPayment ip = new MonitoredPayment(100, "EUR", NOW).withIp("ip_1");
    assertThat(rules(ip, earlier(2, 100, p -> p.withIp("ip_1")))).isEmpty(); // 3 of 4
    assertThat(rules(ip, earlier(3, 100, p -> p.withIp("ip_1")))).containsExactly("ip_velocity");
    assertThat(rules(ip, earlier(4, 100, p -> p.withIp("ip_1")))).containsExactly("ip_velocity");
    assertThat(rules(ip, earlier(3, 100, p -> p.withIp("ip_2")))).isEmpty();

    List<MonitoredPayment> fifteen = earlier(1, 15_000, p -> p.withIp("ip_1"));
    assertThat(rules(ip.withAmount(4_999), fifteen)).isEmpty();
    assertThat(rules(ip.withAmount(5_000), fifteen)).containsExactly("ip_velocity_amount");
    assertThat(rules(ip.withAmount(5_001), fifteen)).containsExactly("ip_velocity_amount");
  }

  @Test
  void structuringIsSeveralPaymentsJustUnderTheThreshold() {
    MonitoringPolicy policy = policyWith(OFF, OFF, OFF);
    List<MonitoredPayment> twoJustUnder =
        List.of(eur(900_000, NOW.minusSeconds(3600)), eur(999_999, NOW.minusSeconds(7200)));
    assertThat(rules(eur(950_000, NOW), twoJustUnder, policy)).containsExactly("structuring");
    // 899,999 is not "just under" (below 90 %), and the threshold itself is a large amount.
    assertThat(rules(eur(899_999, NOW), twoJustUnder, policy)).isEmpty();
    assertThat(rules(eur(1_000_000, NOW), twoJustUnder, policy)).containsExactly("large_amount");
    List<MonitoredPayment> oneJustUnder =
        List.of(eur(900_000, NOW.minusSeconds(3600)), eur(899_999, NOW.minusSeconds(7200)));
    assertThat(rules(eur(950_000, NOW), oneJustUnder, policy)).isEmpty();
    List<MonitoredPayment> yesterday =
        List.of(eur(900_000, NOW.minusSeconds(3600)), eur(999_999, NOW.minus(Duration.ofDays(1))));
    assertThat(rules(eur(950_000, NOW), yesterday, policy)).isEmpty();
    List<MonitoredPayment> otherCurrency =
        List.of(
            eur(900_000, NOW.minusSeconds(3600)),
            new MonitoredPayment(999_999, "USD", NOW).withSubject("sub_a"));
    assertThat(rules(eur(950_000, NOW), otherCurrency, policy)).isEmpty();
    List<MonitoredPayment> sameCardOtherCustomer =
        List.of(
            eur(900_000, NOW.minusSeconds(3600)),
            new MonitoredPayment(999_999, "EUR", NOW).withCard("card_1"));
    assertThat(rules(eur(950_000, NOW).withCard("card_1"), sameCardOtherCustomer, policy))
        .as("structuring is per customer")
        .isEmpty();
  }

  @Test
  void aBillingCountryOtherThanTheCardsIsAMismatch() {
    MonitoredPayment p = new MonitoredPayment(100, "EUR", NOW);
    assertThat(rules(p.withCountries("DE", "DE"), List.of())).isEmpty();
    assertThat(rules(p.withCountries("DE", "de"), List.of())).isEmpty();
    assertThat(rules(p.withCountries("DE", "US"), List.of())).containsExactly("country_mismatch");
    assertThat(rules(p.withCountries(null, "US"), List.of())).as("unknown billing").isEmpty();
    assertThat(rules(p.withCountries("DE", null), List.of())).as("unknown card").isEmpty();
    MonitoringPolicy off =
        new MonitoringPolicy(Map.of(), OFF, OFF, OFF, 3, 0.9, Duration.ofDays(1), false);
    assertThat(rules(p.withCountries("DE", "US"), List.of(), off)).isEmpty();
  }

  @Test
  void aHitSaysWhatItCountedAndNothingAboutWho() {
    assertThat(MonitoringRules.evaluate(eur(1_200_000, NOW), List.of(), policyWith(OFF, OFF, OFF)))
        .containsExactly("large_amount amount=1200000 EUR threshold=1000000");
    assertThat(
            MonitoringRules.evaluate(
                new MonitoredPayment(1_000, "EUR", NOW).withCard("card_secret"),
                earlier(2, 2_000, p -> p.withCard("card_secret")),
                POLICY))
        .containsExactly(
            "card_velocity payments=3 window=PT10M threshold=3",
            "card_velocity_amount sum=5000 EUR window=PT10M threshold=5000");
    assertThat(
            MonitoringRules.evaluate(
                new MonitoredPayment(1, "EUR", NOW).withCountries("DE", "US"), List.of(), POLICY))
        .containsExactly("country_mismatch billing=DE card=US");
  }

  @Test
  void settingsThatCannotWorkAreRefused() {
    assertThatThrownBy(() -> MonitoringPolicy.Velocity.count(1, HOUR))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MonitoringPolicy.Velocity(5, Map.of("EUR", 0L), HOUR))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MonitoringPolicy.Velocity.count(5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(POLICY.lookBack()).isEqualTo(Duration.ofDays(1));
  }

  private static MonitoringPolicy policyWith(
      MonitoringPolicy.Velocity customer,
      MonitoringPolicy.Velocity card,
      MonitoringPolicy.Velocity ip) {
    return new MonitoringPolicy(
        POLICY.largeAmount(), customer, card, ip, 3, 0.9, Duration.ofDays(1), true);
  }
}
