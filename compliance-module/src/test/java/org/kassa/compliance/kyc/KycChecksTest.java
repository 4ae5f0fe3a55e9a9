package org.kassa.compliance.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every KYC check, with the code each failure gives. */
class KycChecksTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  private static KycSubmission basic() {
    return KycSubmission.basic(
        "Anna Schmidt", "1980-04-30", "Hauptstraße 5", "10115", "Berlin", "DE");
  }

  private static KycSubmission full() {
    return basic().withDocument("passport", "C01X00T47", "DE", "2030-01-31");
  }

  private static KycSubmission address(String postalCode, String country) {
    return KycSubmission.basic(
        "Anna Schmidt", "1980-04-30", "Main Street 1", postalCode, "Town", country);
  }

  private static KycSubmission document(String type, String number, String issuing) {
    return basic().withDocument(type, number, issuing, "2030-01-31");
  }

  private static java.util.List<String> codes(KycSubmission s) {
    java.util.List<String> codes = KycChecks.check(s, TODAY).codes();
    assertThat(KycChecks.ERROR_CODES).containsAll(codes);
    return codes;
  }

  @Test
  void aCompleteBasicSubmissionGivesTheNormalizedIdentity() {
    KycChecks.Checked checked =
        KycChecks.check(
            KycSubmission.basic(
                "  Anna   Schmidt ", "1980-04-30", "Hauptstraße 5", " 10115 ", "Berlin", "de"),
            TODAY);
    assertThat(checked.valid()).isTrue();
    Identity identity = checked.identity().orElseThrow();
    assertThat(identity.name()).isEqualTo("Anna Schmidt");
    assertThat(identity.country()).isEqualTo("DE");
    assertThat(identity.postalCode()).isEqualTo("10115");
    assertThat(identity.tier()).isEqualTo(KycTier.BASIC);
  }

  @Test
  void everyMissingFieldIsNamed() {
    assertThat(
            codes(
                new KycSubmission(
                    KycTier.FULL, " ", null, "", null, " ", null, null, null, null, null)))
        .containsExactlyInAnyOrder(
            "name.required",
            "date_of_birth.required",
            "address_line.required",
            "city.required",
            "country.required",
            "postal_code.required",
            "document_type.required",
            "issuing_country.required",
            "document_number.required",
            "document_expiry.required");
  }

  @Test
  void anAdultIsEighteenOnTodaysDate() {
    assertThat(codes(basic().withDateOfBirth("2008-11-26"))).isEmpty();
    assertThat(codes(basic().withDateOfBirth("2008-11-27"))).containsExactly("date_of_birth.minor");
    assertThat(codes(basic().withDateOfBirth("2008-11-25"))).isEmpty();
    // Born on 29 February: 18 on 28 February of a common year.
    assertThat(
            KycChecks.check(basic().withDateOfBirth("2008-02-29"), LocalDate.of(2026, 2, 28))
                .codes())
        .isEmpty();
    assertThat(
            KycChecks.check(basic().withDateOfBirth("2008-02-29"), LocalDate.of(2026, 2, 27))
                .codes())
        .containsExactly("date_of_birth.minor");
  }

  @Test
  void aDateOfBirthMustBeADateInThePlausiblePast() {
    assertThat(codes(basic().withDateOfBirth("30.04.1980")))
        .containsExactly("date_of_birth.invalid");
    assertThat(codes(basic().withDateOfBirth("2026-11-27")))
        .containsExactly("date_of_birth.future");
    assertThat(codes(basic().withDateOfBirth("1890-01-01")))
        .containsExactly("date_of_birth.implausible");
  }

  @Test
  void aNameHasLettersAndTextsHaveALimit() {
    assertThat(codes(basic().withName("12345"))).containsExactly("name.invalid");
    assertThat(codes(basic().withName("李小龍"))).isEmpty();
    assertThat(codes(basic().withName("A".repeat(201)))).containsExactly("name.too_long");
  }

  @Test
  void theCountryIsAnIso3166Code() {
    assertThat(codes(address("10115", "XX"))).containsExactly("country.unknown");
    assertThat(codes(address("10115", "Germany"))).containsExactly("country.unknown");
  }

  @Test
  void postalCodesFollowTheirCountrysFormat() {
    String[][] good = {
      {"10115", "DE"},
      {"75008", "FR"},
      {"1012 AB", "NL"},
      {"1012ab", "NL"},
      {"SW1A 1AA", "GB"},
      {"M1 1AE", "GB"},
      {"EC1A1BB", "GB"},
      {"94103", "US"},
      {"94103-1234", "US"},
      {"100-0001", "JP"},
      {"1000001", "JP"},
      {"100000", "CN"},
      {"28013", "ES"},
      {"00184", "IT"},
      {"00-950", "PL"},
      {"1010", "AT"},
      {"8001", "CH"},
      {"114 55", "SE"},
      {"K1A 0B1", "CA"},
      {"2000", "AU"}
    };
    for (String[] g : good) {
      assertThat(codes(address(g[0], g[1]))).as(g[0] + " " + g[1]).isEmpty();
    }
    String[][] bad = {
      {"1011", "DE"}, {"101155", "DE"}, {"7500", "FR"}, {"0123 AB", "NL"}, {"1012 A", "NL"},
      {"SW1A", "GB"}, {"9410", "US"}, {"94103-12", "US"}, {"10-0001", "JP"}, {"10000", "CN"},
      {"53001", "ES"}, {"0018", "IT"}, {"00950", "PL"}, {"X", "CA"}, {"12345678901", "AU"},
      {"10115!", "BR"}
    };
    for (String[] b : bad) {
      assertThat(codes(address(b[0], b[1])))
          .as(b[0] + " " + b[1])
          .containsExactly("postal_code.format");
    }
  }

  @Test
  void aCountryWithoutPostalCodesNeedsNone() {
    assertThat(codes(address("", "AE"))).isEmpty();
    assertThat(codes(address("", "FR"))).containsExactly("postal_code.required");
  }

  @Test
  void aFullSubmissionNeedsAValidDocument() {
    KycChecks.Checked checked = KycChecks.check(full(), TODAY);
    assertThat(checked.codes()).isEmpty();
    Identity.Document d = checked.identity().orElseThrow().document();
    assertThat(d.type()).isEqualTo(DocumentType.PASSPORT);
    assertThat(d.number()).isEqualTo("C01X00T47");
    assertThat(checked.identity().orElseThrow().tier()).isEqualTo(KycTier.FULL);
    assertThat(codes(document("visa", "C01X00T47", "DE"))).containsExactly("document_type.unknown");
    assertThat(codes(document("passport", "C01X00T47", "ZZ")))
        .containsExactly("issuing_country.unknown");
  }

  @Test
  void anExpiredDocumentIsRefusedButOneExpiringTodayIsNot() {
    assertThat(codes(basic().withDocument("passport", "C01X00T47", "DE", "2026-11-26"))).isEmpty();
    assertThat(codes(basic().withDocument("passport", "C01X00T47", "DE", "2026-11-25")))
        .containsExactly("document_expiry.expired");
    assertThat(codes(basic().withDocument("passport", "C01X00T47", "DE", "11/2030")))
        .containsExactly("document_expiry.invalid");
  }

  @Test
  void documentNumbersFollowTheTypesFormat() {
    assertThat(codes(document("passport", "AB12", "BR"))).containsExactly("document_number.format");
    assertThat(codes(document("passport", "AB 123-456", "BR"))).isEmpty();
    assertThat(codes(document("passport", "AB12345678X", "BR")))
        .containsExactly("document_number.format");
    assertThat(codes(document("id_card", "AB#123", "BR")))
        .containsExactly("document_number.format");
    assertThat(codes(document("driving_licence", "SMITH751206JJ9AB", "GB"))).isEmpty();
    assertThat(codes(document("driving_licence", "1234", "GB")))
        .containsExactly("document_number.format");
  }

  @Test
  void documentNumbersFollowTheIssuingCountrysRule() {
    String[][] good = {
      {"passport", "C01X00T47", "DE"},
      {"id_card", "L01X00T47", "DE"},
      {"passport", "123456789", "GB"},
      {"passport", "A12345678", "US"},
      {"passport", "123456789", "US"},
      {"passport", "12AB34567", "FR"},
      {"passport", "SPECI2014", "NL"},
      {"id_card", "IXB12P3K4", "NL"},
      {"passport", "YA1234567", "IT"},
      {"id_card", "12345678Z", "ES"}
    };
    for (String[] g : good) {
      assertThat(codes(document(g[0], g[1], g[2]))).as(String.join(" ", g)).isEmpty();
    }
    String[][] bad = {
      {"passport", "L01X00T47", "DE"},
      {"id_card", "C01X00T47", "DE"},
      {"passport", "A1234567", "GB"},
      {"passport", "AB1234567", "US"},
      {"passport", "123AB4567", "FR"},
      {"passport", "SPECO2014", "NL"},
      {"passport", "Y12345678", "IT"},
      {"id_card", "1234567Z", "ES"}
    };
    for (String[] b : bad) {
      assertThat(codes(document(b[0], b[1], b[2])))
          .as(String.join(" ", b))
          .containsExactly("document_number.format");
    }
  }

  @Test
  void theSpanishDniCheckLetterIsChecked() {
    // 12345678 mod 23 = 14: Z.
    assertThat(codes(document("id_card", "12345678A", "ES")))
        .containsExactly("document_number.check_digit");
  }

  @Test
  void icaoCheckDigitsOfTheSpecimens() {
    // ICAO 9303 part 3 and 4 specimens: L898902C< with 3, L898902C3 with 6.
    assertThat(KycChecks.icaoCheckDigit("L898902C<")).isEqualTo(3);
    assertThat(KycChecks.icaoCheckDigit("L898902C3")).isEqualTo(6);
    // The German passport specimen C01X00T47, check digit 8.
    assertThat(KycChecks.icaoCheckDigit("C01X00T47")).isEqualTo(8);
  }

  @Test
  void aNumberWrittenAsInTheMrzHasItsCheckDigitChecked() {
    KycChecks.Checked mrz = KycChecks.check(document("passport", "C01X00T478", "DE"), TODAY);
    assertThat(mrz.codes()).isEmpty();
    assertThat(mrz.identity().orElseThrow().document().number()).isEqualTo("C01X00T47");
    assertThat(codes(document("passport", "C01X00T479", "DE")))
        .containsExactly("document_number.check_digit");
    KycChecks.Checked padded = KycChecks.check(document("passport", "L898902C<3", "BR"), TODAY);
    assertThat(padded.codes()).isEmpty();
    assertThat(padded.identity().orElseThrow().document().number()).isEqualTo("L898902C");
    assertThat(codes(document("id_card", "L898902C<4", "BR")))
        .containsExactly("document_number.check_digit");
  }

  @Test
  void aBasicSubmissionIgnoresDocumentFields() {
    assertThat(codes(basic())).isEmpty();
    assertThat(KycChecks.check(basic(), TODAY).identity().orElseThrow().document()).isNull();
  }
}
