package org.kassa.compliance.aml.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Evaluates the monitoring rules on a payment and the earlier payments that share a key with it
 * (the customer, the card fingerprint or the IP address): {@code large_amount}, {@code velocity} /
 * {@code velocity_amount} (per customer), {@code card_velocity} / {@code card_velocity_amount},
 * {@code ip_velocity} / {@code ip_velocity_amount}, {@code structuring} (per customer) and {@code
 * country_mismatch}. Each hit is one line, its rule id first, then what it counted: never who.
 */
public final class MonitoringRules {

  private MonitoringRules() {}

  /**
   * The rules this payment trips.
   *
   * @param history earlier payments sharing a key with this one (any order; those outside a rule's
   *     window or about another key are ignored by it)
   */
  public static List<String> evaluate(
      MonitoredPayment payment, List<MonitoredPayment> history, MonitoringPolicy policy) {
    List<String> hits = new ArrayList<>();
    policy
        .largeAmountIn(payment.currency())
        .filter(threshold -> payment.amountMinor() >= threshold)
        .ifPresent(
            threshold ->
                hits.add(
                    "large_amount amount="
                        + payment.amountMinor()
                        + " "
                        + payment.currency()
                        + " threshold="
                        + threshold));
    velocity(hits, "velocity", payment, history, policy.customer(), MonitoredPayment::subjectRef);
    velocity(
        hits, "card_velocity", payment, history, policy.card(), MonitoredPayment::cardFingerprint);
    velocity(hits, "ip_velocity", payment, history, policy.ip(), MonitoredPayment::ipRef);
    structuring(hits, payment, history, policy);
    if (policy.countryMismatch()
        && payment.billingCountry() != null
        && payment.cardCountry() != null
        && !payment.billingCountry().equalsIgnoreCase(payment.cardCountry())) {
      hits.add(
          "country_mismatch billing="
              + payment.billingCountry()
              + " card="
              + payment.cardCountry());
    }
    return hits;
  }

  private static void velocity(
      List<String> hits,
      String rule,
      MonitoredPayment payment,
      List<MonitoredPayment> history,
      MonitoringPolicy.Velocity velocity,
      Function<MonitoredPayment, String> key) {
    String own = key.apply(payment);
    if (own == null) {
      return;
    }
    List<MonitoredPayment> same =
        history.stream()
            .filter(p -> own.equals(key.apply(p)))
            .filter(p -> within(p, payment, velocity.window()))
            .toList();
    long count = 1 + same.size();
    if (count >= velocity.count()) {
      hits.add(
          rule
              + " payments="
              + count
              + " window="
              + velocity.window()
              + " threshold="
              + velocity.count());
    }
    velocity
        .sumIn(payment.currency())
        .ifPresent(
            threshold -> {
              long sum =
                  payment.amountMinor()
                      + same.stream()
                          .filter(p -> p.currency().equals(payment.currency()))
                          .mapToLong(MonitoredPayment::amountMinor)
                          .sum();
              if (sum >= threshold) {
                hits.add(
                    rule
                        + "_amount sum="
                        + sum
                        + " "
                        + payment.currency()
                        + " window="
                        + velocity.window()
                        + " threshold="
                        + threshold);
              }
            });
  }

  private static void structuring(
      List<String> hits,
      MonitoredPayment payment,
      List<MonitoredPayment> history,
      MonitoringPolicy policy) {
    policy
        .largeAmountIn(payment.currency())
        .ifPresent(
            threshold -> {
              if (!justUnder(payment, threshold, policy)) {
                return;
              }
              long under =
                  1
                      + history.stream()
                          .filter(
                              p ->
                                  payment.subjectRef() != null
                                      && Objects.equals(p.subjectRef(), payment.subjectRef()))
                          .filter(p -> p.currency().equals(payment.currency()))
                          .filter(p -> within(p, payment, policy.structuringWindow()))
                          .filter(p -> justUnder(p, threshold, policy))
                          .count();
              if (under >= policy.structuringCount()) {
                hits.add(
                    "structuring payments_just_under="
                        + under
                        + " threshold="
                        + threshold
                        + " "
                        + payment.currency()
                        + " window="
                        + policy.structuringWindow());
              }
            });
  }

  private static boolean within(MonitoredPayment earlier, MonitoredPayment now, Duration window) {
    return !earlier.at().isAfter(now.at()) && earlier.at().isAfter(now.at().minus(window));
  }

  private static boolean justUnder(MonitoredPayment p, long threshold, MonitoringPolicy policy) {
    return p.amountMinor() < threshold
        && p.amountMinor() >= Math.ceil(threshold * policy.structuringShare());
  }
}
