package org.kassa.compliance.aml.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListFiles;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;

class UkOfsiCsvFormatTest {

  private static final String SAMPLE = "uk/sample_hmt_conlist_2020-04-27.csv";

  private static Map<String, ListedEntry> byId(SanctionsList list) {
    return list.entries().stream()
        .collect(Collectors.toMap(ListedEntry::entryId, Function.identity()));
  }

  @Test
  void readsTheExcerptOneEntryPerGroupId() throws Exception {
    SanctionsList list = new UkOfsiCsvFormat().read(Fixtures.file(SAMPLE));

    // Every data row ends with its Group ID: count them without the loader.
    Set<String> groupIds = new TreeSet<>();
    Matcher m = Pattern.compile("(?m),(\\d+)$").matcher(Fixtures.text(SAMPLE));
    int rows = 0;
    while (m.find()) {
      groupIds.add(m.group(1));
      rows++;
    }
    assertThat(rows).isEqualTo(23);
    assertThat(list.entries().stream().map(ListedEntry::entryId))
        .containsExactlyInAnyOrderElementsOf(groupIds)
        .containsExactly("9053", "13063", "13754", "11039", "13017", "9215");
    assertThat(list.listId()).isEqualTo("uk-ofsi");
    assertThat(list.published()).isEqualTo(LocalDate.of(2020, 4, 27));
    assertThat(list.sha256())
        .isEqualTo(Fixtures.sha256(SAMPLE))
        .isEqualTo("0cc58da58fd4ccebe8f4df566965507864913cf0f6c193fd4ba424b5fca543ac");
    assertThat(list.entries()).allSatisfy(e -> assertThat(e.type()).isEqualTo(EntryType.PERSON));
  }

  @Test
  void thePrimaryNameRowNamesTheEntryAndTheOthersAreAliases() throws Exception {
    ListedEntry so = byId(new UkOfsiCsvFormat().read(Fixtures.file(SAMPLE))).get("11039");

    // 14 rows: "Sang Kuk" (AKA) and "Sang-kuk" (Prime Alias), each once per year of birth.
    assertThat(so.name()).isEqualTo("Sang-kuk SO");
    assertThat(so.aliases()).containsExactly("Sang Kuk SO");
    assertThat(so.datesOfBirth())
        .containsExactly("1936", "1937", "1938", "1932", "1933", "1934", "1935");
    assertThat(so.programs())
        .containsExactly("North Korea (Democratic People's Republic of Korea)");
  }

  @Test
  void anIndividualWithNonLatinNameNationalIdAndAddress() throws Exception {
    ListedEntry saeed = byId(new UkOfsiCsvFormat().read(Fixtures.file(SAMPLE))).get("9215");

    assertThat(saeed.name())
        .as("no Prime Alias row: the first row's name")
        .isEqualTo("Hafez Mohammad SAEED");
    assertThat(saeed.aliases()).containsExactly("سعید حافظ محمد");
    assertThat(saeed.datesOfBirth()).containsExactly("1950-06-05");
    assertThat(saeed.countries()).containsExactly("Pakistani", "Pakistan");
    assertThat(saeed.identifiers())
        .containsExactly(new Identifier("national_id", "3520025509842-7", "Pakistani"));
    assertThat(saeed.programs()).containsExactly("ISIL (Da'esh) and Al-Qaida");
  }

  @Test
  void datesWithUnknownDayOrMonth() throws Exception {
    Map<String, ListedEntry> list = byId(new UkOfsiCsvFormat().read(Fixtures.file(SAMPLE)));

    // 05/07/1983, 10/00/1983 (a day without its month), 00/04/1984
    assertThat(list.get("13063").datesOfBirth()).containsExactly("1983-07-05", "1983", "1984-04");
    assertThat(list.get("13063").name()).isEqualTo("Kateryna Yuriyivna HUBARIEVA");
    assertThat(list.get("13754").datesOfBirth()).containsExactly("1962-09");
    assertThat(list.get("13017").aliases()).containsExactly("Игорь Венедиктович ПЛОТНИЦКИЙ");
    assertThat(list.get("9053").aliases()).containsExactly("محسن حجتی");
    assertThat(list.get("9053").datesOfBirth()).containsExactly("1955-09-28");
  }

  @Test
  void shipsEntitiesNumberedCellsAndLowQualityAliases() throws Exception {
    String header =
        new String(Fixtures.bytes(SAMPLE), StandardCharsets.UTF_8)
            .lines()
            .skip(1)
            .findFirst()
            .orElseThrow();
    String csv =
        "Last Updated,01/02/2021"
            + ",".repeat(34)
            + "\n"
            + header
            + "\n"
            + row(
                "SHIP ONE",
                "",
                "",
                "",
                "Ship",
                "Prime Alias",
                "",
                "IMO number: 9187629. Flag: Iran",
                "1")
            + row("OLD SHIP", "", "", "", "Ship", "AKA", "Low", "", "1")
            + row(
                "ACME TRADING",
                "",
                "(1) Syrian (2) Lebanese",
                "(1) A123 (Syria) (2) B456",
                "Entity",
                "Primary name",
                "",
                "",
                "2")
            + row("ACME", "", "", "", "Entity", "AKA", "Good", "", "2");

    Map<String, ListedEntry> list =
        byId(
            new UkOfsiCsvFormat()
                .read(ListFiles.of("ConList.csv", csv.getBytes(StandardCharsets.UTF_8))));

    assertThat(list.get("1").type()).isEqualTo(EntryType.VESSEL);
    assertThat(list.get("1").name()).isEqualTo("SHIP ONE");
    assertThat(list.get("1").aliases()).as("low quality").isEmpty();
    assertThat(list.get("1").identifiers()).containsExactly(new Identifier("imo", "9187629", null));
    assertThat(list.get("2").type()).isEqualTo(EntryType.ORGANIZATION);
    assertThat(list.get("2").aliases()).containsExactly("ACME");
    assertThat(list.get("2").countries()).containsExactly("Syrian", "Lebanese");
    assertThat(list.get("2").identifiers())
        .containsExactly(
            new Identifier("passport", "A123", "Syria"), new Identifier("passport", "B456", null));
  }

  /** A ConList row of 36 cells with the cells this test needs. */
  private static String row(
      String name6,
      String dob,
      String nationality,
      String passport,
      String groupType,
      String aliasType,
      String aliasQuality,
      String otherInformation,
      String groupId) {
    String[] cells = new String[36];
    Arrays.fill(cells, "");
    cells[0] = name6;
    cells[10] = dob;
    cells[13] = nationality;
    cells[14] = passport;
    cells[27] = otherInformation;
    cells[28] = groupType;
    cells[29] = aliasType;
    cells[30] = aliasQuality;
    cells[35] = groupId;
    return Arrays.stream(cells)
            .map(
                c ->
                    c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
            .collect(Collectors.joining(","))
        + "\n";
  }
}
