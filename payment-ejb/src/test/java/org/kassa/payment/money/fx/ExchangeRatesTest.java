package org.kassa.payment.money.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kassa.compliance.text.Sha256;
import org.kassa.payment.money.fx.RatesLoad.Outcome;

class ExchangeRatesTest {

  private static final Instant NOW = Instant.parse("2024-07-01T15:20:00Z");
  private final ExchangeRates rates = new ExchangeRates();

  @BeforeEach
  void startWithTheBundledFile() {
    rates.loadBundled();
  }

  @Test
  void startsWithTheBundledRatesAndRecordsTheirSourceDateAndHash() {
    ReferenceRates current = rates.current();
    assertThat(current.source()).isEqualTo("bundled:eurofxref-example.xml");
    assertThat(current.date()).isEqualTo(LocalDate.of(2024, 6, 28));
    assertThat(current.sha256()).isEqualTo(Sha256.hex(ExchangeRates.bundledFile()));
    assertThat(rates.recentLoads())
        .singleElement()
        .extracting(RatesLoad::outcome)
        .isEqualTo(Outcome.LOADED);
  }

  @Test
  void aNewerGoodFileReplacesTheRates() {
    byte[] newer = EcbRatesFileTest.file("2024-07-01", "<Cube currency='USD' rate='1.0745'/>");

    RatesLoad load = rates.offer(newer, "file:/drop/a.xml", NOW);

    assertThat(load.outcome()).isEqualTo(Outcome.LOADED);
    assertThat(rates.current().date()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(rates.current().source()).isEqualTo("file:/drop/a.xml");
    assertThat(rates.current().sha256()).isEqualTo(Sha256.hex(newer));
    assertThat(rates.current().perEuro()).containsEntry("USD", new BigDecimal("1.0745"));
  }

  @Test
  void aBadFileNeverReplacesGoodRates() {
    ReferenceRates before = rates.current();

    RatesLoad broken = rates.offer("<html>maintenance</html>".getBytes(), "https://x/y.xml", NOW);
    RatesLoad empty = rates.offer(new byte[0], "https://x/y.xml", NOW);
    RatesLoad oneBadRate =
        rates.offer(
            EcbRatesFileTest.file(
                "2024-07-01",
                "<Cube currency='USD' rate='1.07'/><Cube currency='JPY' rate='n/a'/>"),
            "https://x/y.xml",
            NOW);

    assertThat(broken.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(empty.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(oneBadRate.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(oneBadRate.detail()).contains("JPY");
    assertThat(oneBadRate.sha256()).hasSize(64);
    assertThat(rates.current()).isSameAs(before);
    assertThat(rates.recentLoads()).hasSize(4).first().isEqualTo(oneBadRate);
  }

  @Test
  void anOlderFileIsStaleAndTheSameFileChangesNothing() {
    ReferenceRates before = rates.current();

    RatesLoad older =
        rates.offer(
            EcbRatesFileTest.file("2024-06-27", "<Cube currency='USD' rate='1.0700'/>"),
            "file:/old.xml",
            NOW);
    RatesLoad same = rates.offer(ExchangeRates.bundledFile(), "file:/copy.xml", NOW);

    assertThat(older.outcome()).isEqualTo(Outcome.STALE);
    assertThat(same.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(rates.current()).isSameAs(before);
  }

  @Test
  void theDropFolderAndAFileUrlAreRefreshSources(@TempDir Path dir) throws Exception {
    RatesRefresh refresh = new RatesRefresh();
    refresh.rates = rates;
    refresh.dropDir = dir.toString();
    Path bad = Files.write(dir.resolve("a-bad.xml"), "not xml".getBytes());
    Path good =
        Files.write(
            dir.resolve("b-good.xml"),
            EcbRatesFileTest.file("2024-07-02", "<Cube currency='USD' rate='1.0760'/>"));
    Path ignored = Files.write(dir.resolve("notes.txt"), "hello".getBytes());

    assertThat(refresh.fromDropDir())
        .extracting(RatesLoad::outcome)
        .containsExactly(Outcome.REJECTED, Outcome.LOADED);
    assertThat(dir.resolve("a-bad.xml.rejected")).exists();
    assertThat(dir.resolve("b-good.xml.loaded")).exists();
    assertThat(bad).doesNotExist();
    assertThat(good).doesNotExist();
    assertThat(ignored).exists();
    assertThat(rates.current().date()).isEqualTo(LocalDate.of(2024, 7, 2));

    Path published =
        Files.write(
            dir.resolve("eurofxref-daily"),
            EcbRatesFileTest.file("2024-07-03", "<Cube currency='USD' rate='1.0790'/>"));
    refresh.url = published.toUri().toString();
    assertThat(refresh.fromUrl())
        .singleElement()
        .extracting(RatesLoad::outcome)
        .isEqualTo(Outcome.LOADED);
    assertThat(rates.current().source()).isEqualTo(published.toUri().toString());
    assertThat(rates.current().date()).isEqualTo(LocalDate.of(2024, 7, 3));
  }
}
