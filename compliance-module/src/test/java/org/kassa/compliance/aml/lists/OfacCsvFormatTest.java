package org.kassa.compliance.aml.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListFiles;
import org.kassa.compliance.aml.ListFormatException;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;
import org.kassa.compliance.text.Csv;

class OfacCsvFormatTest {

  private static final String SDN_2024 = "ofac/sdn_2024-05-03/sdn.csv";
  private static final String SET_2021 = "ofac/sdn_set_2021-07";
  private static final String CONS = "ofac/cons_nonsdn";

  private static Map<String, ListedEntry> byId(SanctionsList list) {
    return list.entries().stream()
        .collect(Collectors.toMap(ListedEntry::entryId, Function.identity()));
  }

  @Test
  void readsTheWholeSdnListOf2024() throws Exception {
    SanctionsList list = OfacCsvFormat.sdn().read(Fixtures.file(SDN_2024));

    assertThat(list.listId()).isEqualTo("ofac-sdn");
    assertThat(list.size()).isEqualTo(14_965);
    assertThat(list.size()).isEqualTo(Fixtures.leadingNumbers(SDN_2024).size());
    assertThat(list.entries().stream().map(ListedEntry::entryId))
        .containsExactlyElementsOf(
            Fixtures.text(SDN_2024)
                .lines()
                .map(l -> l.split(",", 2)[0])
                .takeWhile(id -> id.matches("\\d+"))
                .toList());
    assertThat(list.sha256())
        .isEqualTo(Fixtures.sha256(SDN_2024))
        .isEqualTo("210ca6b4a8187a34e0850be69ecc6e918f23ad7778b8b5b2f9c9d5fbbaf4e0cb");
    assertThat(list.published()).as("SDN.CSV states no date").isNull();
    // Without ALT.CSV there are no aliases: the weak a.k.a.s in the remarks are not read.
    assertThat(list.entries()).allSatisfy(e -> assertThat(e.aliases()).isEmpty());
    assertThat(
            list.entries().stream()
                .collect(Collectors.groupingBy(ListedEntry::type, Collectors.counting())))
        .containsEntry(EntryType.PERSON, 6_854L)
        .containsEntry(EntryType.ORGANIZATION, 6_884L)
        .containsEntry(EntryType.VESSEL, 851L)
        .containsEntry(EntryType.AIRCRAFT, 376L);
  }

  @Test
  void anIndividualCarriesDatesOfBirthPassportsNationalIdsAndNationality() throws Exception {
    ListedEntry saeed = byId(OfacCsvFormat.sdn().read(Fixtures.file(SDN_2024))).get("10689");

    assertThat(saeed.listId()).isEqualTo("ofac-sdn");
    assertThat(saeed.type()).isEqualTo(EntryType.PERSON);
    assertThat(saeed.name()).isEqualTo("SAEED, Muhammad");
    assertThat(saeed.programs()).containsExactly("SDGT");
    assertThat(saeed.datesOfBirth()).containsExactly("1950-06-05");
    assertThat(saeed.countries()).containsExactly("Pakistan");
    assertThat(saeed.identifiers())
        .containsExactly(
            new Identifier("passport", "BE5978421", "Pakistan"),
            new Identifier("passport", "A5250088", "Pakistan"),
            new Identifier("national_id", "3520025509842-7", "Pakistan"),
            new Identifier("national_id", "23250460642", "Pakistan"));
  }

  @Test
  void rangesApproximateAndPartialDatesOfBirth() throws Exception {
    Map<String, ListedEntry> sdn = byId(OfacCsvFormat.sdn().read(Fixtures.file(SDN_2024)));

    // "DOB 1951 to 1953; alt. DOB 1960 to 1962; alt. DOB Apr 1961; alt. DOB 1953"
    assertThat(sdn.get("12057").datesOfBirth())
        .containsExactly("1951 to 1953", "1960 to 1962", "1961-04", "1953");
    assertThat(sdn.get("12057").programs())
        .containsExactly("SDGT", "NPWMD", "IRGC", "IFSR", "IRAN-HR", "IRAN-EO13876");
    // "Passport B 960789; alt. Passport G 649385 issued 08 Sep 2006 expires 17 Jul 2011."
    assertThat(sdn.get("6944").identifiers())
        .containsExactly(
            new Identifier("passport", "B 960789", null),
            new Identifier("passport", "G 649385", null));
    assertThat(sdn.get("6944").datesOfBirth()).containsExactly("1969", "1963", "1964-02-11");
  }

  @Test
  void aVesselCarriesItsImoNumberAndFlag() throws Exception {
    Map<String, ListedEntry> sdn = byId(OfacCsvFormat.sdn().read(Fixtures.file(SDN_2024)));

    ListedEntry ebano = sdn.get("4243");
    assertThat(ebano.type()).isEqualTo(EntryType.VESSEL);
    assertThat(ebano.name()).isEqualTo("EBANO");
    assertThat(ebano.programs()).containsExactly("CUBA");
    assertThat(ebano.countries()).containsExactly("Panama");
    assertThat(ebano.identifiers()).containsExactly(new Identifier("imo", "7406784", null));

    ListedEntry artavil = sdn.get("15036");
    assertThat(artavil.identifiers())
        .containsExactly(
            new Identifier("imo", "9187629", null), new Identifier("other", "572469210", null));
    assertThat(artavil.countries()).containsExactly("Iran");

    // "Vessel Registration Identification IMO 1234567", "Identification Number IMO 1234567", and
    // twice "Vessel Registration Identification 8606173" without the letters; not "15411 (Malta)".
    long imos =
        sdn.values().stream()
            .filter(e -> e.identifiers().stream().anyMatch(i -> i.type().equals("imo")))
            .count();
    Pattern imo =
        Pattern.compile(
            "(Vessel Registration Identification (IMO ?\\s*)?|Identification Number IMO ?\\s*)"
                + "\\d{7}(?!\\d)");
    assertThat(imos)
        .isEqualTo(947)
        .isEqualTo(Fixtures.text(SDN_2024).lines().filter(l -> imo.matcher(l).find()).count());
    assertThat(sdn.values().stream().flatMap(e -> e.identifiers().stream()))
        .contains(
            new Identifier("registration", "15411", "Malta"),
            new Identifier("registration", "RS 150443", "Russia"));
  }

  @Test
  void anEntityHasNoTypeInTheFileAndIsAnOrganization() throws Exception {
    ListedEntry bnc = byId(OfacCsvFormat.sdn().read(Fixtures.file(SDN_2024))).get("306");

    assertThat(bnc.type()).isEqualTo(EntryType.ORGANIZATION);
    assertThat(bnc.name()).isEqualTo("BANCO NACIONAL DE CUBA");
    assertThat(bnc.programs()).containsExactly("CUBA");
    assertThat(bnc.aliases()).as("'BNC' is a weak a.k.a. in the remarks").isEmpty();
    assertThat(bnc.identifiers()).isEmpty();
  }

  @Test
  void theSetOf2021JoinsAddressesAliasesAndCutRemarks() throws Exception {
    SanctionsList list =
        OfacCsvFormat.sdn()
            .read(Fixtures.files(SET_2021, "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"));

    assertThat(list.size())
        .isEqualTo(8_976)
        .isEqualTo(Fixtures.leadingNumbers(SET_2021 + "/sdn.csv").size());
    assertThat(list.sha256())
        .isEqualTo(
            Fixtures.sha256(
                SET_2021 + "/sdn.csv",
                SET_2021 + "/add.csv",
                SET_2021 + "/alt.csv",
                SET_2021 + "/sdn_comments.csv"));

    // 11,910 alias rows; 4 repeat their entry's own name and 2 repeat another row of the same
    // entry, so 11,904 distinct aliases, and every row's name is among its entry's names.
    assertThat(Fixtures.numberedLines(SET_2021 + "/alt.csv")).isEqualTo(11_910);
    assertThat(Fixtures.numberedLines(SET_2021 + "/add.csv")).isEqualTo(13_837);
    assertThat(list.entries().stream().mapToInt(e -> e.aliases().size()).sum()).isEqualTo(11_904);
    Map<String, ListedEntry> byId = byId(list);
    for (String line : Fixtures.text(SET_2021 + "/alt.csv").lines().toList()) {
      if (!line.matches("^\\d+,.*")) {
        continue;
      }
      String[] cells = line.split(",\"", -1);
      String id = line.substring(0, line.indexOf(','));
      // names are kept as written, with runs of spaces as one
      String name = cells[2].substring(0, cells[2].lastIndexOf('"')).replaceAll(" +", " ");
      assertThat(byId.get(id).allNames()).as(line).contains(name);
    }

    int countries = 0;
    for (String line : Fixtures.text(SET_2021 + "/add.csv").lines().toList()) {
      List<String> cells = Csv.split(line);
      if (cells.size() == 6 && !cells.get(4).strip().equals("-0-")) {
        if (cells.get(4).equals("undetermined")) {
          assertThat(byId.get(cells.get(0)).countries()).as(line).doesNotContain("undetermined");
        } else {
          assertThat(byId.get(cells.get(0)).countries()).as(line).contains(cells.get(4));
          countries++;
        }
      }
    }
    assertThat(countries).as("ADD rows with a country").isEqualTo(11_391);

    ListedEntry bnc = byId.get("306");
    assertThat(bnc.aliases()).containsExactly("NATIONAL BANK OF CUBA");
    assertThat(bnc.countries()).containsExactly("Switzerland", "Spain", "Japan", "Panama");

    ListedEntry saeed = byId.get("10689");
    assertThat(saeed.aliases())
        .containsExactly(
            "SAEED, Hafiz Muhammad",
            "SAEED, Hafiz",
            "SAEED, Hafiz Mohammad",
            "SAYEED, Hafez Mohammad",
            "SAYID, Hafiz Mohammad",
            "SYEED, Hafiz Mohammad",
            "SAYED, Hafiz Mohammad",
            "SAEED HAFIZ, Muhammad");
    assertThat(saeed.countries()).containsExactly("Pakistan");
  }

  @Test
  void remarksCutAtAThousandCharactersAreReadWithTheirContinuationOnly() throws Exception {
    // Entry 17016 of the consolidated list: its remarks stop at "...Subject to Directive 3; "
    // and continue in cons_comments.csv, which holds its registration and tax numbers.
    ListFiles prim = Fixtures.files(CONS, "cons_prim.csv");
    ListFiles withComments = Fixtures.files(CONS, "cons_prim.csv", "cons_comments.csv");

    ListedEntry cut = byId(OfacCsvFormat.consolidated().read(prim)).get("17016");
    ListedEntry whole = byId(OfacCsvFormat.consolidated().read(withComments)).get("17016");

    assertThat(whole.identifiers())
        .contains(
            new Identifier("tax_id", "7744001497", "Russia"),
            new Identifier("registration", "253400WSS48YWMBUA688", null),
            new Identifier("registration", "1027700167110", "Russia"));
    assertThat(whole.identifiers()).containsAll(cut.identifiers());
    assertThat(cut.identifiers()).doesNotContain(new Identifier("tax_id", "7744001497", "Russia"));
  }

  @Test
  void readsTheConsolidatedNonSdnList() throws Exception {
    SanctionsList list =
        OfacCsvFormat.consolidated()
            .read(
                Fixtures.files(
                    CONS, "cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"));

    assertThat(list.listId()).isEqualTo("ofac-cons");
    assertThat(list.size())
        .isEqualTo(442)
        .isEqualTo(Fixtures.leadingNumbers(CONS + "/cons_prim.csv").size());
    assertThat(Fixtures.numberedLines(CONS + "/cons_alt.csv")).isEqualTo(1_073);
    assertThat(Fixtures.numberedLines(CONS + "/cons_add.csv")).isEqualTo(574);
    // two alias rows repeat their entry's name
    assertThat(list.entries().stream().mapToInt(e -> e.aliases().size()).sum()).isEqualTo(1_071);
    assertThat(list.sha256())
        .isEqualTo(
            Fixtures.sha256(
                CONS + "/cons_prim.csv",
                CONS + "/cons_add.csv",
                CONS + "/cons_alt.csv",
                CONS + "/cons_comments.csv"));

    ListedEntry haniya = byId(list).get("9639");
    assertThat(haniya.name()).isEqualTo("HANIYA, Ismail Abdul Salah");
    assertThat(haniya.type()).isEqualTo(EntryType.PERSON);
    assertThat(haniya.programs()).containsExactly("NS-PLC");
    assertThat(haniya.datesOfBirth()).containsExactly("1962");
    assertThat(haniya.aliases()).containsExactly("HANIYA, Ismail", "HANIYYA, Ismaeel");
  }

  @Test
  void filesNamedInCapitalsAsOfacServesThemAreFound() throws Exception {
    ListFiles upper =
        ListFiles.of("SDN.CSV", Fixtures.bytes(SET_2021 + "/sdn.csv"))
            .with("ALT.CSV", Fixtures.bytes(SET_2021 + "/alt.csv"));
    assertThat(OfacCsvFormat.sdn().fileNames())
        .containsExactly("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");
    assertThat(
            OfacCsvFormat.sdn().read(upper).entries().stream()
                .mapToInt(e -> e.aliases().size())
                .sum())
        .isEqualTo(11_904);
  }

  @Test
  void aliasesOfAnotherSetAreRefused() {
    // ALT.CSV of December 2025 names entries listed after May 2024.
    ListFiles mismatched =
        ListFiles.of("sdn.csv", Fixtures.bytes(SDN_2024))
            .with("alt.csv", Fixtures.bytes("ofac/addr_alt_2025-12/alt.csv"));
    assertThatThrownBy(() -> OfacCsvFormat.sdn().read(mismatched))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("alt.csv line")
        .hasMessageContaining("not one set");
  }

  @Test
  void theEndOfFileMarkIsOptional() throws Exception {
    byte[] withMark = Fixtures.bytes(CONS + "/cons_prim.csv");
    assertThat(withMark[withMark.length - 1]).isEqualTo((byte) 0x1a);
    byte[] without = java.util.Arrays.copyOf(withMark, withMark.length - 1);

    assertThat(OfacCsvFormat.consolidated().read(ListFiles.of("cons_prim.csv", without)).size())
        .isEqualTo(442);
  }

  @Test
  void windows1252BytesAreReadAsWindows1252() throws Exception {
    byte[] latin =
        "1,\"CAF\u00c9 NU\u00d1EZ S.A.\",-0- ,\"SDNT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            .getBytes(ListText.WINDOWS_1252);
    byte[] utf8 =
        "1,\"CAF\u00c9 NU\u00d1EZ S.A.\",-0- ,\"SDNT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(OfacCsvFormat.sdn().read(ListFiles.of("sdn.csv", latin)).entries().get(0).name())
        .isEqualTo("CAF\u00c9 NU\u00d1EZ S.A.");
    assertThat(OfacCsvFormat.sdn().read(ListFiles.of("sdn.csv", utf8)).entries().get(0).name())
        .isEqualTo("CAF\u00c9 NU\u00d1EZ S.A.");
  }
}
