package org.kassa.compliance.aml.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;

class ScreeningTest {

  private static ListedEntry entry(
      String listId, String id, EntryType type, String name, List<String> aliases) {
    return new ListedEntry(
        listId, id, type, name, aliases, List.of(), List.of(), List.of(), List.of("TEST"));
  }

  private static ListedEntry person(
      String id, String name, List<String> dobs, List<String> countries, List<Identifier> ids) {
    return new ListedEntry(
        "test", id, EntryType.PERSON, name, List.of(), dobs, countries, ids, List.of("TEST"));
  }

  private static SanctionsList list(String listId, ListedEntry... entries) {
    return new SanctionsList(
        listId, listId + " list", LocalDate.of(2026, 1, 1), "ab12", List.of(entries));
  }

  // ---- identifiers ----

  @Test
  void anIdentifierMatchScoresOneWhateverTheName() {
    ListedEntry zawahiri =
        person(
            "1",
            "AL ZAWAHIRI, Dr. Ayman",
            List.of(),
            List.of(),
            List.of(new Identifier("passport", "1084010", "Egypt")));
    Screening screening = new Screening(ScreeningIndex.of(list("test", zawahiri)));

    List<Hit> hits = screening.search(Query.of("John Doe").withIdentifiers(List.of("10-840 10")));

    assertThat(hits).hasSize(1);
    Hit hit = hits.get(0);
    assertThat(hit.score()).isEqualTo(1.0);
    assertThat(hit.name().score()).isLessThan(0.5);
    assertThat(hit.adjustments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Adjustment.Kind.IDENTIFIER);
              assertThat(a.reason()).contains("passport 1084010 (Egypt)").contains("10-840 10");
              assertThat(hit.name().score() + a.delta())
                  .isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            });
  }

  @Test
  void identifiersMatchOnTheRealListsToo() {
    Screening screening = new Screening(ScreeningIndex.of(RealLists.ofacSdn()));
    // OFAC SDN 2676 gives "Passport 1084010 (Egypt)"; vessels give "IMO 9187629".
    assertThat(screening.search(Query.ofIdentifiers(List.of("1084010"))))
        .extracting(Hit::entryId)
        .containsExactly("2676");
    List<Hit> vessel =
        screening.search(Query.ofIdentifiers(List.of("IMO 9187629")).withType(EntryType.VESSEL));
    assertThat(vessel)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.entry().type()).isEqualTo(EntryType.VESSEL);
              assertThat(h.score()).isEqualTo(1.0);
            });
    // Too short to decide anything alone, and a number no entry holds.
    assertThat(screening.search(Query.ofIdentifiers(List.of("123")))).isEmpty();
    assertThat(screening.search(Query.ofIdentifiers(List.of("X0000000000")))).isEmpty();
  }

  // ---- types ----

  @Test
  void aKnownTypeExcludesEntriesOfAnotherKnownType() {
    Screening screening =
        new Screening(
            ScreeningIndex.of(
                list(
                    "test",
                    entry("test", "p", EntryType.PERSON, "NAJM HASSAN", List.of()),
                    entry("test", "v", EntryType.VESSEL, "NAJM HASSAN", List.of()),
                    entry("test", "u", EntryType.UNKNOWN, "NAJM HASSAN", List.of()))));

    assertThat(screening.search(Query.of("Najm Hassan").withType(EntryType.PERSON)))
        .extracting(Hit::entryId)
        .containsExactly("p", "u");
    assertThat(screening.search(Query.of("Najm Hassan").withType(EntryType.VESSEL)))
        .extracting(Hit::entryId)
        .containsExactly("u", "v");
    assertThat(screening.search(Query.of("Najm Hassan")))
        .extracting(Hit::entryId)
        .containsExactly("p", "u", "v");
  }

  @Test
  void anIdentifierDoesNotCrossTypesEither() {
    ListedEntry ship =
        new ListedEntry(
            "test",
            "v",
            EntryType.VESSEL,
            "SEA STAR",
            List.of(),
            List.of(),
            List.of(),
            List.of(new Identifier("imo", "9187629", null)),
            List.of());
    Screening screening = new Screening(ScreeningIndex.of(list("test", ship)));
    assertThat(screening.search(Query.ofIdentifiers(List.of("9187629")).withType(EntryType.PERSON)))
        .isEmpty();
  }

  // ---- date of birth and country ----

  @Test
  void aDateOfBirthThatAgreesRaisesAndOneThatContradictsLowers() {
    Screening screening =
        new Screening(
            ScreeningIndex.of(
                list(
                    "test",
                    person(
                        "exact",
                        "Karim Farouk Haddad",
                        List.of("1970-05-03"),
                        List.of(),
                        List.of()),
                    person(
                        "year",
                        "Karim Farouk Haddad",
                        List.of("1968 to 1971"),
                        List.of(),
                        List.of()),
                    person("none", "Karim Farouk Haddad", List.of(), List.of(), List.of()))));
    // One missing token so that the name score is below 1 and the bonus shows.
    Query query = Query.of("Karim Haddad").withMinScore(0.5);
    double nameScore = screening.search(query).get(0).name().score();
    assertThat(nameScore).isLessThan(0.95);

    List<Hit> agreeing = screening.search(query.withDateOfBirth(LocalDate.of(1970, 5, 3)));
    assertThat(agreeing).extracting(Hit::entryId).containsExactly("exact", "year", "none");
    assertThat(agreeing.get(0).score()).isCloseTo(nameScore + 0.05, within());
    assertThat(agreeing.get(0).adjustments())
        .singleElement()
        .extracting(Adjustment::kind)
        .isEqualTo(Adjustment.Kind.DATE_OF_BIRTH);
    assertThat(agreeing.get(1).score()).isCloseTo(nameScore + 0.02, within());
    assertThat(agreeing.get(2).score()).isCloseTo(nameScore, within());
    assertThat(agreeing.get(2).adjustments()).isEmpty();

    // 1990 is far from both listed dates; the entry without a date is not touched.
    List<Hit> contradicting = screening.search(query.withDateOfBirth(LocalDate.of(1990, 1, 1)));
    assertThat(contradicting).extracting(Hit::entryId).containsExactly("none", "exact", "year");
    assertThat(contradicting.get(1).score()).isCloseTo(nameScore - 0.15, within());
    assertThat(contradicting.get(1).adjustments().get(0).reason()).contains("contradicts");

    // Within a year of a listed date: neither agrees nor contradicts.
    List<Hit> near = screening.search(query.withDateOfBirth(LocalDate.of(1971, 5, 3)));
    assertThat(
            near.stream()
                .filter(h -> h.entryId().equals("exact"))
                .findFirst()
                .orElseThrow()
                .adjustments())
        .isEmpty();

    // A contradicting date can take a hit under the minimum score.
    assertThat(
            screening.search(
                query.withMinScore(nameScore - 0.01).withDateOfBirth(LocalDate.of(1990, 1, 1))))
        .extracting(Hit::entryId)
        .containsExactly("none");
  }

  @Test
  void aCountryTheEntryNamesAddsALittle() {
    Screening screening =
        new Screening(
            ScreeningIndex.of(
                list(
                    "test",
                    person(
                        "1",
                        "Karim Farouk Haddad",
                        List.of(),
                        List.of("Syrian Arab Republic"),
                        List.of()))));
    Query query = Query.of("Karim Haddad").withMinScore(0.5);
    double nameScore = screening.search(query).get(0).score();
    assertThat(screening.search(query.withCountry("SY")).get(0).score())
        .isCloseTo(nameScore + 0.02, within());
    assertThat(screening.search(query.withCountry("Syria")).get(0).adjustments())
        .extracting(Adjustment::kind)
        .containsExactly(Adjustment.Kind.COUNTRY);
    assertThat(screening.search(query.withCountry("FR")).get(0).score()).isEqualTo(nameScore);
  }

  // ---- names, explanation, order ----

  @Test
  void wordOrderDoesNotMatterAndTheHitExplainsItself() {
    Screening screening =
        new Screening(
            ScreeningIndex.of(
                list(
                    "test",
                    entry(
                        "test",
                        "1",
                        EntryType.PERSON,
                        "SADDAM HUSSEIN AL-TIKRITI",
                        List.of("Abu Ali")))));

    Hit hit = screening.search(Query.of("Hussein Saddam al Tikriti")).get(0);

    assertThat(hit.score()).isEqualTo(1.0);
    assertThat(hit.listId()).isEqualTo("test");
    assertThat(hit.entryId()).isEqualTo("1");
    assertThat(hit.list().published()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(hit.name().listedName()).isEqualTo("SADDAM HUSSEIN AL-TIKRITI");
    assertThat(hit.name().alias()).isFalse();
    assertThat(hit.name().normalizedListed()).isEqualTo("saddam hussein al tikriti");
    assertThat(hit.name().normalizedQuery()).isEqualTo("hussein saddam al tikriti");
    assertThat(hit.name().tokens())
        .extracting(TokenPair::queryToken, TokenPair::listedToken, TokenPair::similarity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hussein", "hussein", 1.0),
            org.assertj.core.groups.Tuple.tuple("saddam", "saddam", 1.0),
            org.assertj.core.groups.Tuple.tuple("al", "al", 1.0),
            org.assertj.core.groups.Tuple.tuple("tikriti", "tikriti", 1.0));
    assertThat(hit.explain())
        .contains("test 1 (person) score 1.000")
        .contains("name \"SADDAM HUSSEIN AL-TIKRITI\"");

    Hit alias = screening.search(Query.of("ali abu")).get(0);
    assertThat(alias.name().alias()).isTrue();
    assertThat(alias.name().listedName()).isEqualTo("Abu Ali");
  }

  @Test
  void missingAndExtraTokensCostAndTyposLittle() {
    Screening screening =
        new Screening(
            ScreeningIndex.of(
                list(
                    "test",
                    entry("test", "1", EntryType.PERSON, "SADDAM HUSSEIN AL-TIKRITI", List.of()))));
    Query base = Query.of("x").withMinScore(0);
    double exact = score(screening, base, "Saddam Hussein al-Tikriti");
    double missing = score(screening, base, "Saddam al-Tikriti");
    double extra = score(screening, base, "Saddam Hussein al-Tikriti Mahmoud");
    double typo = score(screening, base, "Sadam Husein al-Tikriti");
    assertThat(exact).isEqualTo(1.0);
    assertThat(typo).isBetween(0.9, 0.99);
    // With every token weighing 1 (one entry): 6 / (6 + 0.5 * 1) and 8 / (8 + 1 * 1).
    assertThat(missing).isCloseTo(6 / 6.5, within());
    assertThat(extra).isCloseTo(8 / 9.0, within());
    // A token the list writes and the query leaves out costs less than one the query adds.
    assertThat(missing).isGreaterThan(extra);
    // A one-letter name has no blocking key: it finds nothing rather than everything.
    assertThat(screening.search(base)).isEmpty();
  }

  private static double score(Screening screening, Query base, String name) {
    Query query = new Query(name, base.type(), null, null, List.of(), 0, 1);
    return screening.search(query).get(0).score();
  }

  @Test
  void transliteratedNamesMatchTheirLatinEntry() {
    Screening screening =
        new Screening(
            ScreeningIndex.of(
                list(
                    "test",
                    entry("test", "iq", EntryType.PERSON, "SADDAM HUSSEIN AL-TIKRITI", List.of()),
                    entry("test", "ru", EntryType.PERSON, "DOKU KHAMATOVICH UMAROV", List.of()),
                    entry("test", "cn", EntryType.PERSON, "XI Jinping", List.of()))));
    assertThat(screening.search(Query.of("صدام حسين التكريتي")))
        .extracting(Hit::entryId)
        .containsExactly("iq");
    assertThat(screening.search(Query.of("Умаров Доку Хаматович")))
        .extracting(Hit::entryId)
        .containsExactly("ru");
    // Pinyin comes one syllable a word: "xi jin ping" against "xi jinping" matches joined.
    List<Hit> chinese = screening.search(Query.of("习近平"));
    assertThat(chinese).extracting(Hit::entryId).containsExactly("cn");
    assertThat(chinese.get(0).name().method()).isEqualTo(NameMatch.Method.JOINED);
  }

  @Test
  void hitsAreOrderedByScoreThenListThenEntryAndTheSameEveryTime() {
    List<ListedEntry> entries = new ArrayList<>();
    for (String id : List.of("30", "4", "12")) {
      entries.add(entry("b", id, EntryType.PERSON, "Omar Haddad", List.of()));
    }
    SanctionsList b = new SanctionsList("b", "b", null, "b1", entries);
    SanctionsList a =
        list(
            "a",
            entry("a", "9", EntryType.PERSON, "Omar Haddad", List.of()),
            entry("a", "1", EntryType.PERSON, "Omar Hadad", List.of()));
    Screening one = new Screening(ScreeningIndex.of(b, a));
    Screening other = new Screening(ScreeningIndex.of(a, b));
    Query query = Query.of("Omar Haddad");

    List<Hit> hits = one.search(query);
    assertThat(hits)
        .extracting(h -> h.listId() + "/" + h.entryId())
        .containsExactly("a/9", "b/12", "b/30", "b/4", "a/1");
    assertThat(hits).isSortedAccordingTo(Screening.ORDER);
    for (int i = 0; i < 3; i++) {
      assertThat(one.search(query)).isEqualTo(hits);
    }
    // The order the lists were given in does not matter.
    assertThat(other.search(query))
        .extracting(h -> h.listId() + "/" + h.entryId())
        .containsExactlyElementsOf(hits.stream().map(h -> h.listId() + "/" + h.entryId()).toList());
    assertThat(one.search(query.withLimit(2))).extracting(Hit::entryId).containsExactly("9", "12");
  }

  @Test
  void aRefreshedIndexIsSwappedInWhole() {
    Screening screening =
        new Screening(
            ScreeningIndex.of(
                list("test", entry("test", "old", EntryType.PERSON, "Omar Haddad", List.of()))));
    ScreeningIndex refreshed =
        ScreeningIndex.of(
            list("test", entry("test", "new", EntryType.PERSON, "Omar Haddad", List.of())));
    assertThat(screening.search(Query.of("Omar Haddad")))
        .extracting(Hit::entryId)
        .containsExactly("old");
    screening.replaceIndex(refreshed);
    assertThat(screening.index()).isSameAs(refreshed);
    assertThat(screening.search(Query.of("Omar Haddad")))
        .extracting(Hit::entryId)
        .containsExactly("new");
  }

  @Test
  void searchesRunningWhileTheIndexIsSwappedSeeOneIndexOrTheOther() throws Exception {
    ScreeningIndex first =
        ScreeningIndex.of(
            list("test", entry("test", "first", EntryType.PERSON, "Omar Haddad", List.of())));
    ScreeningIndex second =
        ScreeningIndex.of(
            list("test", entry("test", "second", EntryType.PERSON, "Omar Haddad", List.of())));
    Screening screening = new Screening(first);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Integer>> odd = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        odd.add(
            pool.submit(
                () -> {
                  int wrong = 0;
                  for (int i = 0; i < 2_000; i++) {
                    List<Hit> hits = screening.search(Query.of("Omar Haddad"));
                    if (hits.size() != 1
                        || !List.of("first", "second").contains(hits.get(0).entryId())) {
                      wrong++;
                    }
                  }
                  return wrong;
                }));
      }
      for (int i = 0; i < 200; i++) {
        screening.replaceIndex(i % 2 == 0 ? second : first);
      }
      for (java.util.concurrent.Future<Integer> f : odd) {
        assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void queriesAreValidated() {
    assertThatThrownBy(() -> Query.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Query.of("a").withMinScore(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Query.of("a").withLimit(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Query.ofIdentifiers(List.of("1084010")).identifiers()).hasSize(1);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
