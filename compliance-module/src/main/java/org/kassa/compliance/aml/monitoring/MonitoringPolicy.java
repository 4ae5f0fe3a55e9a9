package org.kassa.compliance.aml.monitoring;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The monitoring rules' settings.
 *
 * @param largeAmount per currency, in minor units: a single payment at or above it is a {@code
 *     large_amount}; a currency without an entry has no such rule (there is no exchange-rate table
 *     to convert a threshold with)
 * @param customer velocity per customer ({@code velocity}, {@code velocity_amount})
 * @param card velocity per card fingerprint ({@code card_velocity}, {@code card_velocity_amount})
 * @param ip velocity per IP address ({@code ip_velocity}, {@code ip_velocity_amount})
 * @param structuringCount payments within {@code structuringWindow}, this one included, each at
 *     least {@code structuringShare} of the large amount but below it, at or above which it is
 *     {@code structuring}
 * @param structuringShare e.g. 0.9: "just under" means at least 90 % of the threshold
 * @param structuringWindow the structuring rule's window
 * @param countryMismatch whether a billing country other than the card's issuing country is a
 *     {@code country_mismatch}
 */
public record MonitoringPolicy(
    Map<String, Long> largeAmount,
    Velocity customer,
    Velocity card,
    Velocity ip,
    int structuringCount,
    double structuringShare,
    Duration structuringWindow,
    boolean countryMismatch) {

  /**
   * A velocity rule on one key (customer, card, IP address): too many payments, or too much money,
   * within a window.
   *
   * @param count payments within {@code window}, this one included, at or above which it is a hit
   * @param sum per currency, in minor units: the same key's payments in this payment's currency
   *     within {@code window}, this one included, adding up to at least this are a hit; a currency
   *     without an entry is not summed
   * @param window how far back the rule looks
   */
  public record Velocity(int count, Map<String, Long> sum, Duration window) {

    public Velocity {
      sum = Map.copyOf(sum);
      if (count < 2) {
        throw new IllegalArgumentException("a velocity count needs at least 2 payments");
      }
      if (sum.values().stream().anyMatch(v -> v <= 0)) {
        throw new IllegalArgumentException("a velocity sum is positive");
      }
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("a velocity window is positive");
      }
    }

    /** A count with no sums. */
    public static Velocity count(int count, Duration window) {
      return new Velocity(count, Map.of(), window);
    }

    /** The sum threshold in a currency, if there is one. */
    public Optional<Long> sumIn(String currency) {
      return Optional.ofNullable(sum.get(currency));
    }
  }

  public MonitoringPolicy {
    largeAmount = Map.copyOf(largeAmount);
    if (structuringCount < 2) {
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
    Duration longest = structuringWindow;
    for (Velocity v : new Velocity[] {customer, card, ip}) {
      if (v.window().compareTo(longest) > 0) {
        longest = v.window();
      }
    }
    return longest;
  }
}
