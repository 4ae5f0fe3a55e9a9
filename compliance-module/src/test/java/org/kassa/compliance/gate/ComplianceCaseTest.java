package org.kassa.compliance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ComplianceCaseTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @Test
  void aSanctionsHitIsClearedOnlyByTwoDifferentOfficers() {
    ComplianceCase c = new ComplianceCase("case_1", "pay_1", "gd_1", true, NOW);
    assertThat(c.decide(true, "ana@bank.test", NOW)).isFalse();
    assertThat(c.status()).isEqualTo(ComplianceCase.Status.OPEN);
    assertThat(c.firstClearedBy()).contains("ana@bank.test");
    assertThatThrownBy(() -> c.decide(true, "ANA@bank.test", NOW))
        .isInstanceOf(FourEyesException.class);
    assertThat(c.decide(true, "ben@bank.test", NOW)).isTrue();
    assertThat(c.status()).isEqualTo(ComplianceCase.Status.CLEARED);
    assertThat(c.decidedBy()).contains("ben@bank.test");
    assertThatThrownBy(() -> c.decide(false, "cy@bank.test", NOW))
        .isInstanceOf(CaseDecidedException.class);
  }

  @Test
  void oneOfficerConfirmsAndOneClearsACountryCase() {
    ComplianceCase hit = new ComplianceCase("case_2", "pay_2", "gd_2", true, NOW);
    assertThat(hit.decide(false, "ana@bank.test", NOW)).isTrue();
    assertThat(hit.status()).isEqualTo(ComplianceCase.Status.CONFIRMED);

    ComplianceCase country = new ComplianceCase("case_3", "pay_3", "gd_3", false, NOW);
    assertThat(country.decide(true, "ana@bank.test", NOW)).isTrue();
    assertThat(country.status()).isEqualTo(ComplianceCase.Status.CLEARED);
  }

  @Test
  void aCustomersLaterPaymentsJoinTheOpenCaseAndItsDecisionCoversThemAll() {
    ComplianceCase c = new ComplianceCase("case_4", "sub_a", "pay_4", "gd_4", false, NOW);
    assertThat(c.subjectRef()).contains("sub_a");
    c.hold("pay_5", false, NOW.plusSeconds(60));
    c.hold("pay_5", false, NOW.plusSeconds(61)); // the same payment twice is held once
    assertThat(c.payments()).containsExactly("pay_4", "pay_5");
    assertThat(c.paymentRef()).isEqualTo("pay_4");
    assertThat(c.lastAlertAt()).isEqualTo(NOW.plusSeconds(61));
    assertThat(c.needsTwoOfficers()).isFalse();
    assertThat(c.decide(true, "ana@bank.test", NOW)).isTrue();
    assertThatThrownBy(() -> c.hold("pay_6", false, NOW))
        .as("a decided case takes no more payments")
        .isInstanceOf(CaseDecidedException.class);
  }

  @Test
  void aSanctionsHitJoiningACaseMakesItFourEyesAndNewEvidenceRestartsClearing() {
    ComplianceCase c = new ComplianceCase("case_5", "sub_a", "pay_7", "gd_7", true, NOW);
    assertThat(c.decide(true, "ana@bank.test", NOW)).isFalse();
    c.hold("pay_8", false, NOW);
    assertThat(c.firstClearedBy()).as("ana did not see pay_8").isEmpty();
    assertThat(c.decide(true, "ana@bank.test", NOW)).isFalse();
    assertThat(c.decide(true, "ben@bank.test", NOW)).isTrue();

    ComplianceCase country = new ComplianceCase("case_6", "sub_b", "pay_9", "gd_9", false, NOW);
    country.hold("pay_10", true, NOW);
    assertThat(country.needsTwoOfficers()).isTrue();
    assertThat(country.decide(true, "ana@bank.test", NOW)).isFalse();
  }

  @Test
  void anAlertIsItsReasonSplitIntoRuleAndDetail() {
    Alert a =
        new Alert(
            "al_1",
            "velocity payments=20 window=PT1H threshold=20",
            "sub_a",
            "pay_1",
            "gd_1",
            true,
            "case_1",
            NOW);
    assertThat(a.ruleId()).isEqualTo("velocity");
    assertThat(a.detail()).isEqualTo("payments=20 window=PT1H threshold=20");
    assertThat(a.reason()).isEqualTo("velocity payments=20 window=PT1H threshold=20");
    assertThat(Alert.ruleOf("country_mismatch")).isEqualTo("country_mismatch");
    assertThatThrownBy(() -> Alert.ruleOf(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
