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
}
