package org.kassa.compliance.aml.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListFiles;
import org.kassa.compliance.aml.ListFormatException;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;

class OfacSdnXmlFormatTest {

  private static final String SAMPLE = "ofac/xml_samples/sdn_sample_2020-04-22.xml";

  private static Map<String, ListedEntry> byId(SanctionsList list) {
    return list.entries().stream()
        .collect(Collectors.toMap(ListedEntry::entryId, Function.identity()));
  }

  @Test
  void theStrictFormatRefusesAnExcerptWhoseRecordCountIsTheWholeList() {
    // The excerpt keeps the full list's <Record_Count>8197</Record_Count> over 8 entries: exactly
    // what a partial download that still parses would look like.
    assertThatThrownBy(() -> OfacSdnXmlFormat.strict().read(Fixtures.file(SAMPLE)))
        .isInstanceOf(ListFormatException.class)
        .hasMessageContaining("Record_Count says 8197 entries, the file holds 8");
  }

  @Test
  void readsTheExcerpt() throws Exception {
    SanctionsList list = OfacSdnXmlFormat.excerpt().read(Fixtures.file(SAMPLE));

    assertThat(list.listId()).isEqualTo("ofac-sdn");
    assertThat(list.size()).isEqualTo(8).isEqualTo(Fixtures.occurrences(SAMPLE, "<sdnEntry>"));
    assertThat(list.published()).isEqualTo(LocalDate.of(2020, 4, 22));
    assertThat(list.sha256())
        .isEqualTo(Fixtures.sha256(SAMPLE))
        .isEqualTo("bfd9ff063eca6dd073d87d042b3f904eabec67442fb2c0f25a6c45fc1f372308");
    assertThat(list.entries().stream().map(ListedEntry::entryId))
        .containsExactly("10689", "18619", "19187", "19188", "12057", "15496", "15497", "12345");
  }

  @Test
  void anIndividualReadsAsInTheCsvFormat() throws Exception {
    ListedEntry xml = byId(OfacSdnXmlFormat.excerpt().read(Fixtures.file(SAMPLE))).get("10689");
    ListedEntry csv =
        byId(OfacCsvFormat.sdn()
                .read(Fixtures.files("ofac/sdn_set_2021-07", "sdn.csv", "add.csv", "alt.csv")))
            .get("10689");

    assertThat(xml.type()).isEqualTo(EntryType.PERSON);
    assertThat(xml.name()).isEqualTo("SAEED, Muhammad");
    assertThat(xml.programs()).containsExactly("SDGT");
    assertThat(xml.datesOfBirth()).containsExactly("1950-06-05");
    assertThat(xml.countries()).containsExactly("Pakistan");
    assertThat(xml.aliases())
        .hasSize(8)
        .contains("SAEED, Hafiz Muhammad", "SAEED HAFIZ, Muhammad")
        .as("weak a.k.a.s")
        .doesNotContain("HAFIZ SAHIB", "TATA JI");
    assertThat(xml.identifiers())
        .containsExactlyInAnyOrder(
            new Identifier("passport", "A5250088", "Pakistan"),
            new Identifier("passport", "BE5978421", "Pakistan"),
            new Identifier("national_id", "23250460642", "Pakistan"),
            new Identifier("national_id", "3520025509842-7", "Pakistan"));

    // The same list in its other format, a year later, says the same of him.
    assertThat(csv.name()).isEqualTo(xml.name());
    assertThat(csv.aliases()).containsExactlyInAnyOrderElementsOf(xml.aliases());
    assertThat(csv.identifiers()).containsExactlyInAnyOrderElementsOf(xml.identifiers());
    assertThat(csv.datesOfBirth()).isEqualTo(xml.datesOfBirth());
    assertThat(csv.countries()).isEqualTo(xml.countries());
  }

  @Test
  void rangesOfDatesAndIdsThatAreNotIdentifiers() throws Exception {
    Map<String, ListedEntry> sample = byId(OfacSdnXmlFormat.excerpt().read(Fixtures.file(SAMPLE)));

    assertThat(sample.get("18619").datesOfBirth())
        .containsExactly("1976-01-01 to 1978-12-31", "1977-01-01 to 1979-12-31");
    ListedEntry naqdi = sample.get("12057");
    assertThat(naqdi.datesOfBirth())
        .containsExactly("1951 to 1953", "1960 to 1962", "1961-04", "1953");
    assertThat(naqdi.programs())
        .containsExactly("IFSR", "IRGC", "NPWMD", "IRAN-HR", "SDGT", "IRAN-EO13876");
    assertThat(naqdi.identifiers())
        .as("'Additional Sanctions Information -' and 'Gender' are ids in the XML, not identifiers")
        .isEmpty();
    assertThat(naqdi.countries()).containsExactly("Iran");
  }

  @Test
  void anEntityWithItsTaxNumber() throws Exception {
    ListedEntry troll = byId(OfacSdnXmlFormat.excerpt().read(Fixtures.file(SAMPLE))).get("19187");

    assertThat(troll.type()).isEqualTo(EntryType.ORGANIZATION);
    assertThat(troll.name()).isEqualTo("TROLL PROPERTIES, INC.");
    assertThat(troll.programs()).containsExactly("SDNTK");
    assertThat(troll.identifiers())
        .containsExactly(new Identifier("tax_id", "991715-1-534344", "Panama"));
    assertThat(troll.countries()).containsExactly("Panama");
    assertThat(troll.aliases()).isEmpty();
  }

  @Test
  void theExcerptsInventedEntryIsReadAsWritten() throws Exception {
    // uid 12345 is not an OFAC entry: someone added it to the excerpt. Its "circa-1951" is not a
    // form OFAC writes, so it stays as written.
    ListedEntry invented =
        byId(OfacSdnXmlFormat.excerpt().read(Fixtures.file(SAMPLE))).get("12345");
    assertThat(invented.name()).isEqualTo("Trump, Donald");
    assertThat(invented.datesOfBirth()).containsExactly("circa-1951");
    assertThat(invented.countries()).containsExactly("USA");
  }

  @Test
  void aFileInWindows1252WithoutEncodingDeclarationIsReadAsWindows1252() throws Exception {
    String xml =
        "<?xml version=\"1.0\" standalone=\"yes\"?>\n"
            + "<sdnList xmlns=\"http://tempuri.org/sdnList.xsd\">"
            + "<publshInformation><Publish_Date>05/03/2024</Publish_Date>"
            + "<Record_Count>1</Record_Count></publshInformation>"
            + "<sdnEntry><uid>1</uid><lastName>NU\u00d1EZ</lastName><firstName>Jos\u00e9</firstName>"
            + "<sdnType>Individual</sdnType><programList><program>SDNT</program></programList>"
            + "</sdnEntry></sdnList>";

    SanctionsList list =
        OfacSdnXmlFormat.strict()
            .read(ListFiles.of("sdn.xml", xml.getBytes(ListText.WINDOWS_1252)));

    assertThat(list.entries().get(0).name()).isEqualTo("NU\u00d1EZ, Jos\u00e9");
    assertThat(list.published()).isEqualTo(LocalDate.of(2024, 5, 3));
  }
}
