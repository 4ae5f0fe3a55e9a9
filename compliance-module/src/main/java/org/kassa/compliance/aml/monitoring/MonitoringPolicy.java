package org.kassa.compliance.aml.monitoring;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The monitoring rules' settings.
 *
 * @param largeAmount per currency, in minor units: a single payment at or above it is a {@code
 *     large_amount}; a currency without an entry has no such rule
 * @param velocityCount a customer's payments within {@code velocityWindow}, this one included, at
 *     or above which it is {@code velocity}
 * @param velocityWindow the velocity rule's window
 * @param structuringCount payments within {@code structuringWindow}, this one included, each at
 *     least {@code structuringShare} of the large amount but below it, at or above which it is
 *     {@code structuring}
 * @param structuringShare e.g. 0.9: "just under" means at least 90 % of the threshold
 * @param structuringWindow the structuring rule's window
 */
public record MonitoringPolicy(
    Map<String, Long> largeAmount,
    int velocityCount,
    Duration velocityWindow,
    int structuringCount,
    double structuringShare,
    Duration structuringWindow) {

  public MonitoringPolicy {
    largeAmount = Map.copyOf(largeAmount);
    if (velocityCount < 2 || structuringCount < 2) {
      throw new IllegalArgumentException("counting rules need at least 2 payments");
    }
    if (structuringShare <= 0 || structuringShare >= 1) {
      throw new IllegalArgumentException("the structuring share lies between 0 and 1");
    }
  }

  /** The large-amount threshold in a currency, if there is one. */
  public Optional<Long> largeAmountIn(String currency) {
    return Optional.ofNullable(largeAmount.get(currency));
  }

  /** The longest window a rule looks back: how much history the gate must read. */
  public Duration lookBack() {
    return velocityWindow.compareTo(structuringWindow) >= 0 ? velocityWindow : structuringWindow;
  }
}
