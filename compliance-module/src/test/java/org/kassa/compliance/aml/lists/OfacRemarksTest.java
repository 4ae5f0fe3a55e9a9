package org.kassa.compliance.aml.lists;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListedEntry;

class OfacRemarksTest {

  private static ListedEntry read(String remarks, boolean complete) throws Exception {
    EntryBuilder entry = new EntryBuilder("ofac-sdn", "1").name("X");
    OfacRemarks.read(remarks, complete, entry);
    return entry.build();
  }

  @Test
  void theLastPartOfRemarksThatMayBeCutIsNotRead() throws Exception {
    String cut = "DOB 1960; nationality Iran; Passport A12";
    assertThat(read(cut, false).identifiers()).isEmpty();
    assertThat(read(cut, false).datesOfBirth()).containsExactly("1960");
    assertThat(read(cut, true).identifiers())
        .containsExactly(new Identifier("passport", "A12", null));
  }

  @Test
  void semicolonsInsideBracketsDoNotSplit() {
    assertThat(
            OfacRemarks.parts(
                "DOB 1960; (Following data derived from a passport: Alt. DOB: 01 October 1961;"
                    + " nationality Eritrea); Gender Male."))
        .containsExactly(
            "DOB 1960",
            "(Following data derived from a passport: Alt. DOB: 01 October 1961; nationality Eritrea)",
            "Gender Male.");
  }

  @Test
  void identifiersTheirCountriesAndWhatIsNotOne() throws Exception {
    ListedEntry e =
        read(
            "Registration Number HRA 737191 (Stuttgart) (Germany); "
                + "Vessel Registration Identification 15411 (Malta); "
                + "Vessel Registration Identification IMO  8904408; "
                + "Identification Number IMO 5342883; "
                + "Company Number IMO 5055293; "
                + "SWIFT/BIC RISBRUMM; "
                + "alt. Passport Booklet: A5199819 (Pakistan); "
                + "Passport issued in Sarajevo, Bosnia-Herzegovina; "
                + "Tax ID No. 7744001497 (Russia) issued 01 Jan 2010; "
                + "Gender Male; Website www.example.org; Linked To: SOMETHING 1.",
            true);
    assertThat(e.identifiers())
        .containsExactly(
            new Identifier("registration", "HRA 737191", "Germany"),
            new Identifier("registration", "15411", "Malta"),
            new Identifier("imo", "8904408", null),
            new Identifier("imo", "5342883", null),
            new Identifier("registration", "IMO 5055293", null),
            new Identifier("swift_bic", "RISBRUMM", null),
            new Identifier("passport", "A5199819", "Pakistan"),
            new Identifier("tax_id", "7744001497", "Russia"));
  }

  @Test
  void nationalitiesAndCitizenshipsButNoGuesses() throws Exception {
    ListedEntry e =
        read(
            "nationality Pakistan; alt. nationality Afghanistan; citizen Korea, North; "
                + "nationality possibly Palestinian; nationality None Identified.",
            true);
    assertThat(e.countries()).containsExactly("Pakistan", "Afghanistan", "Korea, North");
  }

  @Test
  void xmlIdsThatAreNotIdentifiersAddNothing() throws Exception {
    EntryBuilder entry = new EntryBuilder("ofac-sdn", "1").name("X");
    OfacRemarks.identifier(entry, "Gender", "Male", null);
    OfacRemarks.identifier(
        entry, "Additional Sanctions Information -", "Subject to Secondary Sanctions", null);
    OfacRemarks.identifier(entry, "Vessel Registration Identification", "IMO 9187629", null);
    assertThat(entry.build().identifiers()).containsExactly(new Identifier("imo", "9187629", null));
  }

  @Test
  void imoCheckDigits() {
    assertThat(ImoNumbers.isValid("9187629")).isTrue();
    assertThat(ImoNumbers.isValid("8606173")).isTrue();
    assertThat(ImoNumbers.isValid("9187628")).isFalse();
    assertThat(ImoNumbers.isValid("15411")).isFalse();
    assertThat(ImoNumbers.find("Flag: Iran. IMO number: 9187629. Built 1999")).isEqualTo("9187629");
    assertThat(ImoNumbers.find("IMO 9187628")).as("bad check digit").isNull();
    assertThat(ImoNumbers.find("no number here")).isNull();
  }
}
