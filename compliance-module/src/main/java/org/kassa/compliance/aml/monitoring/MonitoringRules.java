package org.kassa.compliance.aml.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the monitoring rules on a payment and the same customer's earlier payments: {@code
 * large_amount}, {@code velocity} and {@code structuring}. Each hit names its rule and what it
 * counted, never the customer.
 */
public final class MonitoringRules {

  private MonitoringRules() {}

  /**
   * The rules this payment trips.
   *
   * @param history the same customer's earlier payments (any order; those outside the windows are
   *     ignored)
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
    long recent =
        1 + history.stream().filter(p -> within(p, payment, policy.velocityWindow())).count();
    if (recent >= policy.velocityCount()) {
      hits.add(
          "velocity payments="
              + recent
              + " window="
              + policy.velocityWindow()
              + " threshold="
              + policy.velocityCount());
    }
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
    return hits;
  }

  private static boolean within(
      MonitoredPayment earlier, MonitoredPayment now, java.time.Duration window) {
    return !earlier.at().isAfter(now.at()) && earlier.at().isAfter(now.at().minus(window));
  }

  private static boolean justUnder(MonitoredPayment p, long threshold, MonitoringPolicy policy) {
    return p.amountMinor() < threshold
        && p.amountMinor() >= Math.ceil(threshold * policy.structuringShare());
  }
}
