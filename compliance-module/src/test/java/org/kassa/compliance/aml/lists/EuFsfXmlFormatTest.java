package org.kassa.compliance.aml.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListFiles;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;

class EuFsfXmlFormatTest {

  private static final String SAMPLE = "eu/sample_eu_fsf_2020-04-15.xml";

  private static ListedEntry entry(SanctionsList list, String id) {
    return list.entries().stream().filter(e -> e.entryId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void readsTheExcerpt() throws Exception {
    SanctionsList list = new EuFsfXmlFormat().read(Fixtures.file(SAMPLE));

    assertThat(list.listId()).isEqualTo("eu-fsf");
    assertThat(list.published()).isEqualTo(LocalDate.of(2020, 4, 15));
    assertThat(list.sha256())
        .isEqualTo(Fixtures.sha256(SAMPLE))
        .isEqualTo("0284a067ee928a6bb8764f37d4e96bb98e32f5a65176a0b82ec1eb8926ec1f9b");
    assertThat(list.size())
        .isEqualTo(7)
        .isEqualTo(Fixtures.occurrences(SAMPLE, "<sanctionEntity "));
    assertThat(list.entries().stream().map(ListedEntry::entryId))
        .containsExactly("5295", "5463", "5468", "191", "5807", "5468", "927");
    assertThat(list.entries()).allSatisfy(e -> assertThat(e.type()).isEqualTo(EntryType.PERSON));
  }

  @Test
  void aPersonWithDateOfBirthPassportAndIdentityCard() throws Exception {
    ListedEntry aouadi = entry(new EuFsfXmlFormat().read(Fixtures.file(SAMPLE)), "927");

    assertThat(aouadi.name()).isEqualTo("Mohamed Ben Belkacem Aouadi");
    assertThat(aouadi.aliases()).isEmpty();
    assertThat(aouadi.datesOfBirth()).containsExactly("1974-12-11");
    assertThat(aouadi.countries()).containsExactly("TUNISIA");
    assertThat(aouadi.programs()).containsExactly("TAQA");
    assertThat(aouadi.identifiers())
        .containsExactly(
            new Identifier("national_id", "04643632", "TUNISIA"),
            new Identifier("passport", "L191609", "TUNISIA"));
  }

  @Test
  void aliasesApproximateDatesAndUnknownCountries() throws Exception {
    SanctionsList list = new EuFsfXmlFormat().read(Fixtures.file(SAMPLE));

    ListedEntry hammadou = entry(list, "5295");
    assertThat(hammadou.name()).isEqualTo("Abid Hammadou");
    assertThat(hammadou.aliases())
        .containsExactly(
            "Abdelhamid Abou Zeid", "Youcef Adel", "Amor Mohamed Ghedeir", "Abou Abdellah");
    assertThat(hammadou.datesOfBirth()).containsExactly("1965-12-12", "circa 1958");
    assertThat(hammadou.countries()).containsExactly("ALGERIA");

    ListedEntry binKhalid = entry(list, "191");
    assertThat(binKhalid.name()).isEqualTo("Fahd Bin Adballah BIN KHALID");
    assertThat(binKhalid.aliases())
        .containsExactly(
            "Khalid Shaikh MOHAMMED",
            "Salem ALI",
            "Khalid Adbul WADOOD",
            "Ashraf Refaat Nabith HENIN");
    assertThat(binKhalid.datesOfBirth()).containsExactly("1965-04-14", "1964-03-01");
    assertThat(binKhalid.identifiers())
        .as("country code 00, UNKNOWN")
        .containsExactly(new Identifier("passport", "488555", null));
    assertThat(binKhalid.countries()).as("his places of birth are not read").isEmpty();

    ListedEntry manzi = entry(list, "5807");
    assertThat(manzi.datesOfBirth())
        .as("four birthdates, two years")
        .containsExactly("1954", "1953");
    assertThat(manzi.countries())
        .containsExactly("RWANDA", "CONGO, Democratic Republic of (was Zaire)");
  }

  @Test
  void anIdFoundTwiceGivesTwoEntries() throws Exception {
    // The excerpt holds logicalId 5468 twice: the real entry and a "TestOneWord" someone added.
    List<ListedEntry> both =
        new EuFsfXmlFormat()
            .read(Fixtures.file(SAMPLE)).entries().stream()
                .filter(e -> e.entryId().equals("5468"))
                .toList();
    assertThat(both).extracting(ListedEntry::name).containsExactly("Sok-hwa Hwang", "TestOneWord");
    assertThat(both).allSatisfy(e -> assertThat(e.programs()).containsExactly("PRK"));
  }

  @Test
  void anEnterpriseWithAWeakAliasAndARegistrationNumber() throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-06-01T10:00:00.000+02:00">
          <sanctionEntity logicalId="42" euReferenceNumber="EU.1.2">
            <regulation programme="RUS"/>
            <subjectType code="enterprise" classificationCode="E"/>
            <nameAlias wholeName="Ромашка ООО" strong="true" nameLanguage="RU"/>
            <nameAlias wholeName="Romashka LLC" strong="true"/>
            <nameAlias wholeName="Daisy" strong="false"/>
            <address countryIso2Code="RU" countryDescription="RUSSIAN FEDERATION"/>
            <identification identificationTypeCode="regnumber" number="1027700132195"
                countryIso2Code="RU" countryDescription="RUSSIAN FEDERATION"/>
            <birthdate circa="false" year="" yearRangeFrom="1990" yearRangeTo="1992"/>
          </sanctionEntity>
        </export>
        """;
    ListedEntry e =
        new EuFsfXmlFormat()
            .read(ListFiles.of("full.xml", xml.getBytes(StandardCharsets.UTF_8)))
            .entries()
            .get(0);

    assertThat(e.type()).isEqualTo(EntryType.ORGANIZATION);
    assertThat(e.name()).isEqualTo("Ромашка ООО");
    assertThat(e.aliases()).containsExactly("Romashka LLC");
    assertThat(e.identifiers())
        .containsExactly(new Identifier("registration", "1027700132195", "RUSSIAN FEDERATION"));
    assertThat(e.countries()).containsExactly("RUSSIAN FEDERATION");
    assertThat(e.datesOfBirth()).containsExactly("1990 to 1992");
  }
}
