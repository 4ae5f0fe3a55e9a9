package org.kassa.compliance.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScreeningHitReasonTest {

  @Test
  void readsTheGatesSanctionsHit() {
    ScreeningHitReason hit =
        ScreeningHitReason.parse(
                "sanctions_hit list=ofac-sdn entry=36 score=0.912 list_sha256=3f9a0c1d2e4b")
            .orElseThrow();
    assertThat(hit.rule()).isEqualTo("sanctions_hit");
    assertThat(hit.listId()).isEqualTo("ofac-sdn");
    assertThat(hit.entryId()).isEqualTo("36");
    assertThat(hit.score()).isEqualTo(0.912);
    assertThat(hit.scoreText()).isEqualTo("0.912");
    assertThat(hit.listSha256()).isEqualTo("3f9a0c1d2e4b");
    assertThat(hit.whitelisted()).isFalse();
  }

  @Test
  void readsAWhitelistedHit() {
    ScreeningHitReason hit =
        ScreeningHitReason.parse("whitelisted_hit list=un entry=6908 score=0.870 wl=wl_abc")
            .orElseThrow();
    assertThat(hit.whitelisted()).isTrue();
    assertThat(hit.whitelistingId()).isEqualTo("wl_abc");
    assertThat(hit.listSha256()).isNull();
  }

  @Test
  void otherRulesAndBrokenLinesNameNoHit() {
    assertThat(ScreeningHitReason.parse("velocity payments=20 window=PT1H")).isEmpty();
    assertThat(ScreeningHitReason.parse("sanctions_hit score=0.9")).isEmpty();
    assertThat(ScreeningHitReason.parse(" ")).isEmpty();
    assertThat(ScreeningHitReason.parse(null)).isEmpty();
  }

  @Test
  void aCasesReasonsNameEachEntryOnce() {
    List<ScreeningHitReason> hits =
        ScreeningHitReason.in(
            List.of(
                "sanctions_hit list=un entry=1 score=0.900 list_sha256=aaaaaaaaaaaa",
                "large_amount amount=500000 EUR",
                "rescreening_hit list=un entry=1 score=0.910 list_sha256=bbbbbbbbbbbb;"
                    + " rescreening_hit list=internal-x entry=2 score=0.880"
                    + " list_sha256=cccccccccccc"));
    assertThat(hits)
        .extracting(ScreeningHitReason::listId, ScreeningHitReason::entryId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("un", "1"),
            org.assertj.core.groups.Tuple.tuple("internal-x", "2"));
    assertThat(hits.get(0).rule()).isEqualTo("sanctions_hit");
  }
}
