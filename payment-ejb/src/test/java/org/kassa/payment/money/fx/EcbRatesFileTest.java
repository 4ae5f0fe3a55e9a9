package org.kassa.payment.money.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcbRatesFileTest {

  static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\""
          + " xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">"
          + "<gesmes:subject>Reference rates</gesmes:subject>";

  /** An ECB-format file for {@code date} with the given {@code <Cube currency rate/>} entries. */
  static byte[] file(String date, String cubes) {
    return (HEAD + "<Cube><Cube time='" + date + "'>" + cubes + "</Cube></Cube></gesmes:Envelope>")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsTheBundledFile() throws Exception {
    EcbRatesFile.Parsed parsed = EcbRatesFile.parse(ExchangeRates.bundledFile());

    assertThat(parsed.date()).isEqualTo(LocalDate.of(2024, 6, 28));
    assertThat(parsed.perEuro())
        .hasSize(30) // EUR and 29 others
        .containsEntry("EUR", BigDecimal.ONE)
        .containsEntry("USD", new BigDecimal("1.0705"))
        .containsEntry("JPY", new BigDecimal("171.94"))
        .containsEntry("IDR", new BigDecimal("17487.22"))
        .containsKeys("GBP", "CHF", "ISK", "KRW", "ZAR");
    // The lev was replaced by the euro (ISO withdrawal 2026-01): listed by the ECB then, not
    // quoted.
    assertThat(parsed.ignored()).containsExactly("BGN");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty                 | ''",
        "not XML               | 'USD,1.07'",
        "truncated             | '<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\"><Cube>'",
        "other root            | '<rates xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\"><Cube><Cube time=\"2024-06-28\"><Cube currency=\"USD\" rate=\"1.07\"/></Cube></Cube></rates>'",
      })
  void refusesWhatIsNotAnEcbFile(String what, String xml) {
    assertThatThrownBy(() -> EcbRatesFile.parse(xml.getBytes(StandardCharsets.UTF_8)))
        .as(what)
        .isInstanceOf(BadRatesFileException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no date           | ''           | <Cube currency='USD' rate='1.07'/>                                   | time",
        "bad date          | 2024-13-01   | <Cube currency='USD' rate='1.07'/>                                   | time",
        "no currencies     | 2024-06-28   | ''                                                                   | no currency",
        "rate not a number | 2024-06-28   | <Cube currency='USD' rate='1,07'/>                                   | USD",
        "negative rate     | 2024-06-28   | <Cube currency='USD' rate='-1.07'/>                                  | USD",
        "zero rate         | 2024-06-28   | <Cube currency='USD' rate='0'/>                                      | USD",
        "listed twice      | 2024-06-28   | <Cube currency='USD' rate='1.07'/><Cube currency='USD' rate='1.08'/> | twice",
        "bad code          | 2024-06-28   | <Cube currency='usd' rate='1.07'/>                                   | usd",
        "EUR against EUR   | 2024-06-28   | <Cube currency='EUR' rate='1'/>                                      | EUR",
        "missing rate      | 2024-06-28   | <Cube currency='USD'/>                                               | USD",
      })
  void refusesAFileWithOneWrongEntry(String what, String date, String cubes, String message) {
    assertThatThrownBy(() -> EcbRatesFile.parse(file(date, cubes)))
        .as(what)
        .isInstanceOf(BadRatesFileException.class)
        .hasMessageContaining(message);
  }

  @Test
  void refusesTwoDaysInOneFile() {
    byte[] twoDays =
        (HEAD
                + "<Cube><Cube time='2024-06-27'><Cube currency='USD' rate='1.07'/></Cube>"
                + "<Cube time='2024-06-28'><Cube currency='USD' rate='1.07'/></Cube></Cube>"
                + "</gesmes:Envelope>")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EcbRatesFile.parse(twoDays))
        .isInstanceOf(BadRatesFileException.class)
        .hasMessageContaining("more than one");
  }

  @Test
  void refusesADoctypeSoNoExternalEntityIsEverRead() {
    byte[] xxe =
        ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + new String(file("2024-06-28", "<Cube currency='USD' rate='&e;'/>"))
                    .replaceFirst("<\\?xml[^>]*>", ""))
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EcbRatesFile.parse(xxe)).isInstanceOf(BadRatesFileException.class);
  }
}
