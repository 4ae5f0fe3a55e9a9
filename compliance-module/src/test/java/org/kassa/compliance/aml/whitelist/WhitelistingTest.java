package org.kassa.compliance.aml.whitelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;
import org.kassa.compliance.aml.screening.Hit;
import org.kassa.compliance.aml.screening.Query;
import org.kassa.compliance.aml.screening.Screening;
import org.kassa.compliance.aml.screening.ScreeningIndex;

class WhitelistingTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration MAX = Duration.ofDays(365);

  private static final ListedEntry ENTRY =
      new ListedEntry(
          "internal-watch",
          "7",
          EntryType.PERSON,
          "Viktor Ostrander",
          List.of("Viktor Ostrandr", "V. Ostrander"),
          List.of("1961-03-04"),
          List.of("Norway", "Sweden"),
          List.of(new Identifier("passport", "NO123456", "Norway")),
          List.of("INTERNAL"));

  private static Whitelisting whitelisting(ListedEntry entry, Instant expires) {
    return Whitelisting.create(
        "wl_1",
        "sub_a",
        entry.listId(),
        entry.entryId(),
        EntryFingerprint.of(entry),
        "Different person: born 1988, customer since 2019",
        expires,
        "ana@bank.test",
        NOW,
        MAX);
  }

  private static ListedEntry withAliases(ListedEntry e, List<String> aliases) {
    return new ListedEntry(
        e.listId(),
        e.entryId(),
        e.type(),
        e.name(),
        aliases,
        e.datesOfBirth(),
        e.countries(),
        e.identifiers(),
        e.programs());
  }

  @Test
  void validUntilItExpiresAndNotAMomentLonger() {
    Whitelisting w = whitelisting(ENTRY, NOW.plus(Duration.ofDays(30)));
    String fp = EntryFingerprint.of(ENTRY);
    assertThat(w.standing(fp, NOW)).isEqualTo(Whitelisting.Standing.VALID);
    assertThat(w.standing(fp, NOW.plus(Duration.ofDays(30)).minusMillis(1)))
        .isEqualTo(Whitelisting.Standing.VALID);
    assertThat(w.standing(fp, NOW.plus(Duration.ofDays(30))))
        .isEqualTo(Whitelisting.Standing.EXPIRED);
  }

  @Test
  void aRevokedOneNoLongerHoldsAndCannotBeRevokedTwice() {
    Whitelisting w = whitelisting(ENTRY, NOW.plus(Duration.ofDays(30)));
    w.revoke("ben@bank.test", NOW.plusSeconds(60));
    assertThat(w.standing(EntryFingerprint.of(ENTRY), NOW.plusSeconds(61)))
        .isEqualTo(Whitelisting.Standing.REVOKED);
    assertThat(w.endedBy()).contains("ben@bank.test");
    assertThatThrownBy(() -> w.revoke("ben@bank.test", NOW.plusSeconds(62)))
        .isInstanceOf(WhitelistRefusedException.class)
        .extracting(e -> ((WhitelistRefusedException) e).kind())
        .isEqualTo(WhitelistRefusedException.Kind.ENDED);
  }

  @Test
  void anyChangeToWhoTheEntryDesignatesVoidsIt() {
    Whitelisting w = whitelisting(ENTRY, NOW.plus(Duration.ofDays(30)));
    List<ListedEntry> changed =
        List.of(
            withAliases(ENTRY, List.of("Viktor Ostrandr", "V. Ostrander", "Viktor Ostrandersson")),
            new ListedEntry(
                "internal-watch",
                "7",
                EntryType.PERSON,
                "Viktor Ostrander",
                ENTRY.aliases(),
                List.of("1961-03-04", "1962"),
                ENTRY.countries(),
                ENTRY.identifiers(),
                ENTRY.programs()),
            new ListedEntry(
                "internal-watch",
                "7",
                EntryType.PERSON,
                "Viktor Ostrander",
                ENTRY.aliases(),
                ENTRY.datesOfBirth(),
                List.of("Norway"),
                ENTRY.identifiers(),
                ENTRY.programs()),
            new ListedEntry(
                "internal-watch",
                "7",
                EntryType.PERSON,
                "Viktor Ostrander",
                ENTRY.aliases(),
                ENTRY.datesOfBirth(),
                ENTRY.countries(),
                List.of(
                    new Identifier("passport", "NO123456", "Norway"),
                    new Identifier("national_id", "01036112345", "Norway")),
                ENTRY.programs()),
            new ListedEntry(
                "internal-watch",
                "7",
                EntryType.ORGANIZATION,
                "Viktor Ostrander",
                ENTRY.aliases(),
                ENTRY.datesOfBirth(),
                ENTRY.countries(),
                ENTRY.identifiers(),
                ENTRY.programs()));
    for (ListedEntry entry : changed) {
      assertThat(w.standing(EntryFingerprint.of(entry), NOW))
          .as("%s", entry)
          .isEqualTo(Whitelisting.Standing.ENTRY_CHANGED);
    }
    assertThat(w.standing(null, NOW)).isEqualTo(Whitelisting.Standing.ENTRY_REMOVED);
  }

  @Test
  void theFingerprintIgnoresOrderSpacingCaseAndPrograms() {
    ListedEntry reordered =
        new ListedEntry(
            "internal-watch",
            "7",
            EntryType.PERSON,
            "Viktor  Ostrander ",
            List.of("V. OSTRANDER", "Viktor Ostrandr"),
            List.of("1961-03-04"),
            List.of("Sweden", "Norway"),
            List.of(new Identifier("passport", "NO123456", "Norway")),
            List.of("ANOTHER-PROGRAM"));
    assertThat(EntryFingerprint.of(reordered)).isEqualTo(EntryFingerprint.of(ENTRY));
    assertThat(EntryFingerprint.of(ENTRY)).hasSize(64);
  }

  @Test
  void theFingerprintCannotBeFooledBySeparatorsInValues() {
    ListedEntry a = withAliases(ENTRY, List.of("a;b"));
    ListedEntry b = withAliases(ENTRY, List.of("a", "b"));
    assertThat(EntryFingerprint.of(a)).isNotEqualTo(EntryFingerprint.of(b));
  }

  @Test
  void aReasonAndAnExpiryWithinTheCapAreRequired() {
    assertThatThrownBy(
            () ->
                Whitelisting.create(
                    "wl_2",
                    "sub_a",
                    "internal-watch",
                    "7",
                    "f".repeat(64),
                    " ",
                    null,
                    "ana",
                    NOW,
                    MAX))
        .isInstanceOf(WhitelistRefusedException.class)
        .satisfies(
            e ->
                assertThat(((WhitelistRefusedException) e).fieldErrors())
                    .containsKeys("reason", "expires_at"));
    assertThat(errorsFor(NOW.minusSeconds(1))).containsEntry("expires_at", "must be in the future");
    assertThat(errorsFor(NOW)).containsEntry("expires_at", "must be in the future");
    assertThat(errorsFor(NOW.plus(MAX).plusSeconds(1))).containsKey("expires_at");
    assertThat(whitelisting(ENTRY, NOW.plus(MAX)).expiresAt()).isEqualTo(NOW.plus(MAX));
  }

  @Test
  void anEntryNoLoadedListHasIsRefused() {
    assertThatThrownBy(
            () ->
                Whitelisting.create(
                    "wl_3",
                    "sub_a",
                    "un",
                    "nope",
                    null,
                    "reason",
                    NOW.plusSeconds(60),
                    "ana",
                    NOW,
                    MAX))
        .isInstanceOf(WhitelistRefusedException.class)
        .satisfies(
            e -> assertThat(((WhitelistRefusedException) e).fieldErrors()).containsKey("entry_id"));
  }

  @Test
  void triageSetsAsideOnlyValidWhitelistingsAndReportsTheOnesToVoid() {
    ListedEntry other =
        new ListedEntry(
            "internal-watch",
            "8",
            EntryType.PERSON,
            "Viktor Ostrander Jr",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Screening screening =
        new Screening(
            ScreeningIndex.of(
                new SanctionsList(
                    "internal-watch", "test", null, "0".repeat(64), List.of(ENTRY, other))));
    List<Hit> hits = screening.search(Query.of("Viktor Ostrander").withMinScore(0.5));
    assertThat(hits).extracting(Hit::entryId).containsExactlyInAnyOrder("7", "8");

    Whitelisting valid = whitelisting(ENTRY, NOW.plus(Duration.ofDays(1)));
    WhitelistTriage triage = WhitelistTriage.of(hits, List.of(valid), NOW);
    assertThat(triage.standing()).extracting(Hit::entryId).containsExactly("8");
    assertThat(triage.whitelisted().values()).containsExactly(valid);
    assertThat(triage.toVoid()).isEmpty();

    WhitelistTriage later = WhitelistTriage.of(hits, List.of(valid), NOW.plus(Duration.ofDays(2)));
    assertThat(later.standing()).extracting(Hit::entryId).containsExactlyInAnyOrder("7", "8");
    assertThat(later.toVoid()).containsEntry(valid, Whitelisting.Standing.EXPIRED);

    Whitelisting forOldEntry =
        whitelisting(withAliases(ENTRY, List.of("Viktor Ostrandr")), NOW.plus(Duration.ofDays(1)));
    WhitelistTriage changed = WhitelistTriage.of(hits, List.of(forOldEntry), NOW);
    assertThat(changed.standing()).extracting(Hit::entryId).containsExactlyInAnyOrder("7", "8");
    assertThat(changed.toVoid()).containsEntry(forOldEntry, Whitelisting.Standing.ENTRY_CHANGED);
  }

  private static java.util.Map<String, String> errorsFor(Instant expires) {
    try {
      whitelisting(ENTRY, expires);
      throw new AssertionError("accepted " + expires);
    } catch (WhitelistRefusedException e) {
      return e.fieldErrors();
    }
  }
}
