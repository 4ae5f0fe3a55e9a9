package org.kassa.compliance.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tier a payment needs, each trigger at its boundary: one below, at, one above. */
class KycRequirementTest {

  private static final KycPolicy POLICY =
      new KycPolicy(
          Map.of("EUR", 100_000L, "JPY", 15_000_000L), Map.of("EUR", 1_000_000L), true, true);

  private static final List<KycRequirement.Spent> EARLIER =
      List.of(new KycRequirement.Spent(30_000, "EUR"), new KycRequirement.Spent(20_000, "EUR"));

  private static KycTier tier(List<KycRequirement.Spent> history, long amount, String currency) {
    return KycRequirement.tierNeeded(POLICY, history, amount, currency, false, false).tier();
  }

  @Test
  void basicFromTheCumulativeAmountIncludingThisPayment() {
    assertThat(tier(EARLIER, 49_999, "EUR")).isEqualTo(KycTier.NONE);
    assertThat(tier(EARLIER, 50_000, "EUR")).isEqualTo(KycTier.BASIC);
    assertThat(tier(EARLIER, 50_001, "EUR")).isEqualTo(KycTier.BASIC);
  }

  @Test
  void aSinglePaymentCountsAlone() {
    assertThat(tier(List.of(), 99_999, "EUR")).isEqualTo(KycTier.NONE);
    assertThat(tier(List.of(), 100_000, "EUR")).isEqualTo(KycTier.BASIC);
    assertThat(tier(List.of(), 100_001, "EUR")).isEqualTo(KycTier.BASIC);
  }

  @Test
  void fullFromItsOwnCumulativeAmount() {
    assertThat(tier(EARLIER, 949_999, "EUR")).isEqualTo(KycTier.BASIC);
    assertThat(tier(EARLIER, 950_000, "EUR")).isEqualTo(KycTier.FULL);
    assertThat(tier(EARLIER, 950_001, "EUR")).isEqualTo(KycTier.FULL);
    assertThat(KycRequirement.tierNeeded(POLICY, EARLIER, 950_000, "EUR", false, false).reasons())
        .containsExactly("cumulative EUR 1000000>=1000000 tier=full");
  }

  @Test
  void onlyPaymentsInTheSameCurrencyAddUpAndAnUnlistedCurrencyIsNotCounted() {
    List<KycRequirement.Spent> mixed =
        List.of(new KycRequirement.Spent(99_999, "EUR"), new KycRequirement.Spent(99_999, "USD"));
    assertThat(tier(mixed, 1, "EUR")).isEqualTo(KycTier.BASIC);
    assertThat(tier(mixed, 1, "eur")).isEqualTo(KycTier.BASIC);
    assertThat(tier(mixed, 50_000_000, "USD")).isEqualTo(KycTier.NONE);
    assertThat(tier(List.of(), 14_999_999, "JPY")).isEqualTo(KycTier.NONE);
    assertThat(tier(List.of(), 15_000_000, "JPY")).isEqualTo(KycTier.BASIC);
  }

  @Test
  void aHighRiskCountryOrAScreeningHitNeedsFullWhateverTheAmount() {
    KycRequirement.Need country =
        KycRequirement.tierNeeded(POLICY, List.of(), 1, "EUR", true, false);
    assertThat(country.tier()).isEqualTo(KycTier.FULL);
    assertThat(country.reasons()).containsExactly("high_risk_country tier=full");
    KycRequirement.Need hit = KycRequirement.tierNeeded(POLICY, List.of(), 1, "EUR", false, true);
    assertThat(hit.tier()).isEqualTo(KycTier.FULL);
    assertThat(hit.reasons()).containsExactly("screening_hit tier=full");
  }

  @Test
  void triggersSwitchedOffByConfigurationDoNotCount() {
    KycPolicy off = new KycPolicy(Map.of(), Map.of(), false, false);
    assertThat(KycRequirement.tierNeeded(off, EARLIER, 99_000_000, "EUR", true, true).tier())
        .isEqualTo(KycTier.NONE);
  }

  @Test
  void tiersAreOrdered() {
    assertThat(KycTier.FULL.above(KycTier.BASIC)).isTrue();
    assertThat(KycTier.BASIC.above(KycTier.BASIC)).isFalse();
    assertThat(KycTier.NONE.above(KycTier.BASIC)).isFalse();
    assertThat(KycTier.ofApiName("full")).isEqualTo(KycTier.FULL);
  }
}
