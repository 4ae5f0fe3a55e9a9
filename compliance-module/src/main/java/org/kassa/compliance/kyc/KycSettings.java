package org.kassa.compliance.kyc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.aml.monitoring.MonitoringSettings;

/**
 * When KYC is needed, from MicroProfile Config: every key in one place. Amounts are per currency in
 * minor units ({@code EUR=100000,JPY=15000000}); a currency not listed is not counted ({@code none}
 * switches a tier's amounts off).
 */
@ApplicationScoped
public class KycSettings {

  /** 1 000 of the currency (100 000 yen): above the occasional purchase. */
  static final String BASIC = "EUR=100000,USD=100000,GBP=100000,CHF=100000,JPY=15000000";

  /** 10 000 of the currency: AMLD's threshold for occasional transactions (Art. 11(b)). */
  static final String FULL = "EUR=1000000,USD=1000000,GBP=1000000,CHF=1000000,JPY=150000000";

  @Inject
  @ConfigProperty(name = "kassa.kyc.basic.cumulative", defaultValue = BASIC)
  String basicCumulative;

  @Inject
  @ConfigProperty(name = "kassa.kyc.full.cumulative", defaultValue = FULL)
  String fullCumulative;

  @Inject
  @ConfigProperty(name = "kassa.kyc.full.high-risk-country", defaultValue = "true")
  boolean fullOnHighRiskCountry;

  @Inject
  @ConfigProperty(name = "kassa.kyc.full.screening-hit", defaultValue = "true")
  boolean fullOnScreeningHit;

  /** The policy the settings describe. */
  public KycPolicy policy() {
    return new KycPolicy(
        MonitoringSettings.amounts(basicCumulative),
        MonitoringSettings.amounts(fullCumulative),
        fullOnHighRiskCountry,
        fullOnScreeningHit);
  }
}
