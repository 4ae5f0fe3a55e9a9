package org.kassa.compliance.kyc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which tier a payment needs: pure, so that every trigger is tested at its boundary.
 *
 * <ul>
 *   <li>{@code cumulative}: the customer's earlier payments in the payment's currency plus this one
 *       reach the tier's amount for that currency (at the amount counts);
 *   <li>{@code high_risk_country}: the payment touches a high-risk country: FULL;
 *   <li>{@code screening_hit}: the payer's name hit a list at review level: FULL.
 * </ul>
 */
public final class KycRequirement {

  private KycRequirement() {}

  /** An earlier payment of the customer that counts: its amount in minor units and currency. */
  public record Spent(long amountMinor, String currency) {}

  /**
   * What the payment needs.
   *
   * @param tier the tier needed, NONE when nothing is
   * @param reasons why, e.g. {@code cumulative EUR 100000>=100000 tier=basic}; no personal data
   */
  public record Need(KycTier tier, List<String> reasons) {
    public Need {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * The tier this payment needs.
   *
   * @param history the customer's earlier payments that count (not blocked, not refused for KYC)
   * @param amountMinor this payment's amount in minor units
   * @param currency its currency
   * @param highRiskCountry whether the payment touches a high-risk country
   * @param screeningHit whether the payer's name hit a list at review level
   */
  public static Need tierNeeded(
      KycPolicy policy,
      List<Spent> history,
      long amountMinor,
      String currency,
      boolean highRiskCountry,
      boolean screeningHit) {
    String cur = currency.trim().toUpperCase(Locale.ROOT);
    long total = amountMinor;
    for (Spent s : history) {
      if (s.currency().trim().equalsIgnoreCase(cur)) {
        total = Math.addExact(total, s.amountMinor());
      }
    }
    KycTier tier = KycTier.NONE;
    List<String> reasons = new ArrayList<>();
    for (Map.Entry<KycTier, Map<String, Long>> level :
        List.of(
            Map.entry(KycTier.FULL, policy.fullCumulative()),
            Map.entry(KycTier.BASIC, policy.basicCumulative()))) {
      Long threshold = level.getValue().get(cur);
      if (threshold != null && total >= threshold) {
        tier = KycTier.max(tier, level.getKey());
        reasons.add(
            "cumulative "
                + cur
                + " "
                + total
                + ">="
                + threshold
                + " tier="
                + level.getKey().apiName());
        break; // the higher tier covers the lower
      }
    }
    if (highRiskCountry && policy.fullOnHighRiskCountry()) {
      tier = KycTier.FULL;
      reasons.add("high_risk_country tier=full");
    }
    if (screeningHit && policy.fullOnScreeningHit()) {
      tier = KycTier.FULL;
      reasons.add("screening_hit tier=full");
    }
    return new Need(tier, reasons);
  }
}
