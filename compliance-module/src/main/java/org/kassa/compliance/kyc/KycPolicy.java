package org.kassa.compliance.kyc;

import java.util.Map;

/**
 * When a tier is needed.
 *
 * @param basicCumulative per currency (ISO 4217), the amount in minor units from which a customer's
 *     payments in that currency, this one included, need BASIC; a currency not listed is not
 *     counted
 * @param fullCumulative the same for FULL
 * @param fullOnHighRiskCountry whether a payment touching a high-risk country needs FULL
 * @param fullOnScreeningHit whether a screening hit at review level (not whitelisted) needs FULL
 */
public record KycPolicy(
    Map<String, Long> basicCumulative,
    Map<String, Long> fullCumulative,
    boolean fullOnHighRiskCountry,
    boolean fullOnScreeningHit) {

  public KycPolicy {
    basicCumulative = Map.copyOf(basicCumulative);
    fullCumulative = Map.copyOf(fullCumulative);
  }
}
