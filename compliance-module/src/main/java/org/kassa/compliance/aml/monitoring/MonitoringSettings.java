package org.kassa.compliance.aml.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The monitoring rules' settings from MicroProfile Config: every key in one place. Amounts are per
 * currency in minor units ({@code EUR=1000000,JPY=150000000}); {@code none} switches a sum off.
 * There is no exchange-rate table in Kassa yet, so a currency without an amount of its own is not
 * checked by the amount rules.
 */
@ApplicationScoped
public class MonitoringSettings {

  private static final String AMOUNTS =
      "EUR=1000000,USD=1000000,GBP=1000000,CHF=1000000,JPY=150000000";
  private static final String SUMS =
      "EUR=2000000,USD=2000000,GBP=2000000,CHF=2000000,JPY=300000000";

  @Inject
  @ConfigProperty(name = "kassa.monitoring.large-amount", defaultValue = AMOUNTS)
  String largeAmounts;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.velocity.count", defaultValue = "20")
  int velocityCount;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.velocity.sum", defaultValue = SUMS)
  String velocitySum;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.velocity.window", defaultValue = "PT1H")
  Duration velocityWindow;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.velocity.card.count", defaultValue = "10")
  int cardCount;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.velocity.card.sum", defaultValue = SUMS)
  String cardSum;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.velocity.card.window", defaultValue = "PT1H")
  Duration cardWindow;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.velocity.ip.count", defaultValue = "30")
  int ipCount;

  @Inject
  @ConfigProperty(
      name = "kassa.monitoring.velocity.ip.sum",
      defaultValue = "EUR=5000000,USD=5000000,GBP=5000000,CHF=5000000,JPY=750000000")
  String ipSum;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.velocity.ip.window", defaultValue = "PT1H")
  Duration ipWindow;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.structuring.count", defaultValue = "3")
  int structuringCount;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.structuring.share", defaultValue = "0.9")
  double structuringShare;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.structuring.window", defaultValue = "P1D")
  Duration structuringWindow;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.country-mismatch", defaultValue = "true")
  boolean countryMismatch;

  /** The policy the settings describe. */
  public MonitoringPolicy policy() {
    return new MonitoringPolicy(
        amounts(largeAmounts),
        new MonitoringPolicy.Velocity(velocityCount, amounts(velocitySum), velocityWindow),
        new MonitoringPolicy.Velocity(cardCount, amounts(cardSum), cardWindow),
        new MonitoringPolicy.Velocity(ipCount, amounts(ipSum), ipWindow),
        structuringCount,
        structuringShare,
        structuringWindow,
        countryMismatch);
  }

  /**
   * Reads {@code EUR=1000000,JPY=150000000}; {@code none} or nothing is no amount at all.
   *
   * @throws IllegalArgumentException for a pair that is not a currency code and a whole number
   */
  public static Map<String, Long> amounts(String setting) {
    Map<String, Long> amounts = new HashMap<>();
    if (setting == null || setting.isBlank() || setting.trim().equalsIgnoreCase("none")) {
      return amounts;
    }
    for (String pair : setting.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String currency = eq < 0 ? "" : pair.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      if (!currency.matches("[A-Z]{3}")) {
        throw new IllegalArgumentException("'" + pair.trim() + "' is not CURRENCY=minor units");
      }
      amounts.put(currency, Long.parseLong(pair.substring(eq + 1).trim()));
    }
    return amounts;
  }
}
