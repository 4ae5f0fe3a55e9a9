package org.kassa.compliance.aml.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;

class UnXmlFormatTest {

  private static final String FULL = "un/UN_consolidated_2026-02-27.xml";
  private static final String SAMPLE = "un/sample_unsc_2024-10-17.xml";

  private static Map<String, ListedEntry> byId(SanctionsList list) {
    return list.entries().stream()
        .collect(Collectors.toMap(ListedEntry::entryId, Function.identity()));
  }

  @Test
  void readsTheWholeListOf2026() throws Exception {
    SanctionsList list = new UnXmlFormat().read(Fixtures.file(FULL));

    assertThat(list.listId()).isEqualTo("un");
    assertThat(list.published()).isEqualTo(LocalDate.of(2026, 2, 27));
    assertThat(list.sha256())
        .isEqualTo(Fixtures.sha256(FULL))
        .isEqualTo("66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf");
    Map<EntryType, Long> byType =
        list.entries().stream()
            .collect(Collectors.groupingBy(ListedEntry::type, Collectors.counting()));
    assertThat(byType)
        .containsOnly(
            Map.entry(EntryType.PERSON, (long) Fixtures.occurrences(FULL, "<INDIVIDUAL>")),
            Map.entry(EntryType.ORGANIZATION, (long) Fixtures.occurrences(FULL, "<ENTITY>")));
    assertThat(byType)
        .containsEntry(EntryType.PERSON, 730L)
        .containsEntry(EntryType.ORGANIZATION, 273L);
    assertThat(list.entries().stream().map(ListedEntry::entryId).distinct().count())
        .isEqualTo(Fixtures.occurrences(FULL, "<DATAID>"))
        .isEqualTo(1_003);
  }

  @Test
  void anIndividualWithDateOfBirthPassportAndOriginalScript() throws Exception {
    ListedEntry aziz = byId(new UnXmlFormat().read(Fixtures.file(FULL))).get("6908072");

    assertThat(aziz.type()).isEqualTo(EntryType.PERSON);
    assertThat(aziz.name()).isEqualTo("TARIQ AZIZ");
    assertThat(aziz.aliases()).containsExactly("Tariq Mikhail Aziz", "طارق عزيز");
    assertThat(aziz.datesOfBirth()).containsExactly("1936-07-01");
    assertThat(aziz.countries())
        .as("nationality; his place of birth is not read")
        .containsExactly("Iraq");
    assertThat(aziz.identifiers()).containsExactly(new Identifier("passport", "No34409/129", null));
    assertThat(aziz.programs()).containsExactly("Iraq");
  }

  @Test
  void rangesAndApproximateYears() throws Exception {
    ListedEntry khadem = byId(new UnXmlFormat().read(Fixtures.file(FULL))).get("111041");

    assertThat(khadem.name()).isEqualTo("ABDUL RAUF KHADEM");
    assertThat(khadem.datesOfBirth()).containsExactly("1958 to 1963", "circa 1970");
    assertThat(khadem.identifiers()).as("an empty INDIVIDUAL_DOCUMENT").isEmpty();
  }

  @Test
  void anEntityWithItsFormerNames() throws Exception {
    ListedEntry adf = byId(new UnXmlFormat().read(Fixtures.file(FULL))).get("6908402");

    assertThat(adf.type()).isEqualTo(EntryType.ORGANIZATION);
    assertThat(adf.name()).isEqualTo("ADF");
    assertThat(adf.aliases())
        .containsExactly(
            "Allied Democratic Forces",
            "Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda",
            "ADF/NALU",
            "NALU");
    assertThat(adf.countries()).containsExactly("Democratic Republic of the Congo");
    assertThat(adf.programs()).containsExactly("DRC");
  }

  @Test
  void readsTheExcerptAndLeavesLowQualityAliasesOut() throws Exception {
    SanctionsList list = new UnXmlFormat().read(Fixtures.file(SAMPLE));

    assertThat(list.size()).isEqualTo(7).isEqualTo(Fixtures.occurrences(SAMPLE, "<INDIVIDUAL>"));
    assertThat(list.published()).isEqualTo(LocalDate.of(2024, 10, 17));
    assertThat(list.sha256()).isEqualTo(Fixtures.sha256(SAMPLE));

    ListedEntry jalahmah = byId(list).get("2797952");
    assertThat(jalahmah.name()).isEqualTo("JABER ABDALLAH JABER AHMAD AL-JALAHMAH");
    assertThat(jalahmah.aliases())
        .containsExactly(
            "Jaber Al-Jalamah",
            "Abu Muhammad Al-Jalahmah",
            "Jabir Abdallah Jabir Ahmad Jalahmah",
            "Jabir 'Abdallah Jabir Ahmad Al-Jalamah",
            "Jabir Al-Jalhami",
            "جابر عبد الله جابر أحمد الجلاهمة")
        .doesNotContain("Abdul-Ghani", "Abu Muhammad");
    assertThat(jalahmah.datesOfBirth()).containsExactly("1959-09-24");
    assertThat(jalahmah.countries()).containsExactly("Kuwait");
    assertThat(jalahmah.programs()).containsExactly("Al-Qaida");
    assertThat(jalahmah.identifiers())
        .containsExactly(
            new Identifier("passport", "101423404", null),
            new Identifier("passport", "2541451", "Kuwait"),
            new Identifier("passport", "002327881", "Kuwait"),
            new Identifier("national_id", "259092401188", "Kuwait"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "No34409/129 | No34409/129",
        "CAR diplomatic passport no. D00000897 | D00000897",
        "national identity card number 44103-5251752-5 | 44103-5251752-5",
        "Provisional passport No.: 28642163 | 28642163",
        "Diplomatic Passport: Z30321794 | Z30321794",
        "381110042 (Expired 25 Jan. 2016) | 381110042",
        "German travel document (“Reiseausweis”) A 0139243 | German travel document (“Reiseausweis”) A 0139243",
        "Jordan 286062 | Jordan 286062"
      })
  void documentNumbersAreTakenOutOfTheWordsAroundThem(String written, String number) {
    assertThat(UnXmlFormat.documentNumber(written)).isEqualTo(number);
  }

  @Test
  void documentNumbersOfTheWholeList() throws Exception {
    SanctionsList list = new UnXmlFormat().read(Fixtures.file(FULL));
    assertThat(list.entries().stream().flatMap(e -> e.identifiers().stream()))
        .contains(
            new Identifier("passport", "D00000897", null),
            new Identifier("passport", "381110042", null))
        .noneMatch(i -> i.value().contains("passport"));
  }
}
