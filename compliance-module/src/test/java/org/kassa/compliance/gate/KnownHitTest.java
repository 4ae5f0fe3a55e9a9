package org.kassa.compliance.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;
import org.kassa.compliance.aml.screening.Hit;
import org.kassa.compliance.aml.screening.Query;
import org.kassa.compliance.aml.screening.Screening;
import org.kassa.compliance.aml.screening.ScreeningIndex;
import org.kassa.compliance.aml.whitelist.EntryFingerprint;
import org.kassa.compliance.aml.whitelist.WhitelistTriage;
import org.kassa.compliance.aml.whitelist.Whitelisting;

/** What a re-screening counts as new: neither known for the subject nor validly whitelisted. */
class KnownHitTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private static ListedEntry entry(String id, String name, List<String> aliases) {
    return new ListedEntry(
        "internal-watch",
        id,
        EntryType.PERSON,
        name,
        aliases,
        List.of("1970-01-01"),
        List.of("Malta"),
        List.of(new Identifier("passport", "MT99" + id, "Malta")),
        List.of());
  }

  private static List<Hit> screen(String name, ListedEntry... entries) {
    Screening screening =
        new Screening(
            ScreeningIndex.of(
                new SanctionsList(
                    "internal-watch", "test", null, "0".repeat(64), List.of(entries))));
    return screening.search(Query.of(name).withMinScore(0.85));
  }

  @Test
  void aHitOnAnEntryNotSeenBeforeIsNew() {
    ListedEntry carmela = entry("1", "Carmela Bonnici", List.of());
    List<Hit> hits = screen("Carmela Bonnici", carmela);
    assertThat(KnownHit.newHits(hits, Set.of())).extracting(Hit::entryId).containsExactly("1");
  }

  @Test
  void aHitKnownForTheSubjectIsNotNewWhileTheEntryStaysAsItWas() {
    ListedEntry carmela = entry("1", "Carmela Bonnici", List.of("C. Bonnici"));
    Set<KnownHit> known = Set.of(new KnownHit("internal-watch", "1", EntryFingerprint.of(carmela)));
    assertThat(KnownHit.newHits(screen("Carmela Bonnici", carmela), known)).isEmpty();

    // The list re-published with the aliases in another order: the same entry, still known.
    ListedEntry reordered = entry("1", "Carmela Bonnici", List.of("C. Bonnici"));
    assertThat(KnownHit.newHits(screen("Carmela Bonnici", reordered), known)).isEmpty();

    // The entry now designates someone more (a new alias): an officer must look again.
    ListedEntry changed = entry("1", "Carmela Bonnici", List.of("C. Bonnici", "Karmela Bonici"));
    assertThat(KnownHit.newHits(screen("Carmela Bonnici", changed), known))
        .extracting(Hit::entryId)
        .containsExactly("1");
  }

  @Test
  void aKnownHitOnOneEntryDoesNotHideANewEntryForTheSameName() {
    ListedEntry first = entry("1", "Carmela Bonnici", List.of());
    ListedEntry second = entry("2", "Carmela Bonnici", List.of());
    Set<KnownHit> known = Set.of(new KnownHit("internal-watch", "1", EntryFingerprint.of(first)));
    assertThat(KnownHit.newHits(screen("Carmela Bonnici", first, second), known))
        .extracting(Hit::entryId)
        .containsExactly("2");
  }

  @Test
  void aValidlyWhitelistedHitIsNotNewAndAnExpiredWhitelistingNoLongerHidesIt() {
    ListedEntry carmela = entry("1", "Carmela Bonnici", List.of());
    List<Hit> hits = screen("Carmela Bonnici", carmela);
    Whitelisting w =
        Whitelisting.create(
            "wl_1",
            "sub_a",
            "internal-watch",
            "1",
            EntryFingerprint.of(carmela),
            "Other person: different date of birth",
            NOW.plus(Duration.ofDays(10)),
            "ana@bank.test",
            NOW,
            Duration.ofDays(365));
    WhitelistTriage now = WhitelistTriage.of(hits, List.of(w), NOW);
    assertThat(KnownHit.newHits(now.standing(), Set.of())).isEmpty();

    WhitelistTriage later = WhitelistTriage.of(hits, List.of(w), NOW.plus(Duration.ofDays(11)));
    assertThat(KnownHit.newHits(later.standing(), Set.of()))
        .extracting(Hit::entryId)
        .containsExactly("1");
  }

  @Test
  void aCaseForACustomerHoldsItsAuthorizationsAndDecidesThemAll() {
    ComplianceCase c =
        ComplianceCase.forRescreening("case_9", "sub_a", "rescreening_hit list=x entry=1", NOW);
    assertThat(c.needsTwoOfficers()).isTrue();
    assertThat(c.payments()).isEmpty();
    c.hold(List.of("pay_1", "pay_2"));
    assertThat(c.payments()).containsExactly("pay_1", "pay_2");
    assertThat(c.paymentRef()).isNull();
    assertThat(c.subjectRef()).contains("sub_a");
  }
}
