package org.kassa.payment.money.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

class FxQuoteTest {

  private static final Instant NOW = Instant.parse("2024-07-01T10:00:00Z");
  private static final Duration LOCK = Duration.ofMinutes(30);

  /** Rates chosen so that the boundaries fall where the tests need them. */
  private static final ReferenceRates RATES =
      new ReferenceRates(
          "test",
          LocalDate.of(2024, 6, 28),
          "0".repeat(64),
          NOW,
          Map.of(
              "EUR", BigDecimal.ONE,
              "USD", new BigDecimal("1.07"),
              "JPY", new BigDecimal("171.20"),
              "GBP", new BigDecimal("0.845"),
              "CHF", new BigDecimal("1.5"),
              "KWD", new BigDecimal("1.2345"),
              "CLF", new BigDecimal("0.03")));

  private static Money convert(long minor, String from, String to) {
    return RATES.convert(Money.of(minor, from), CurrencyCode.of(to));
  }

  @ParameterizedTest(name = "{0} {1} -> {3} {2}")
  @CsvSource({
    // exactly .5 of a minor unit: to the even neighbour, down and up
    "1,    EUR, CHF, 2", //      0.015 CHF -> 0.02
    "3,    EUR, CHF, 4", //      0.045 CHF -> 0.04
    "5,    EUR, CHF, 8", //      0.075 CHF -> 0.08
    "7,    EUR, CHF, 10", //     0.105 CHF -> 0.10
    // 0 decimals: 25.00 EUR at 171.20 = 4280 JPY; 0.25 EUR = 42.8 -> 43
    "2500, EUR, JPY, 4280",
    "25,   EUR, JPY, 43",
    // 3 decimals: 1.00 EUR = 1.2345 KWD -> 1.234 (4 is even); 3.00 EUR = 3.7035 -> 3.704
    "100,  EUR, KWD, 1234",
    "300,  EUR, KWD, 3704",
    // 4 decimals (CLF): 1.00 EUR = 0.0300 CLF
    "100,  EUR, CLF, 300",
    // and back to EUR: 1.5 CHF = 1.00 EUR; 0.01 CHF = 0.00666.. -> 0.01
    "150,  CHF, EUR, 100",
    "1,    CHF, EUR, 1",
    // JPY (0 decimals) to EUR: 171 JPY = 0.99883.. EUR -> 1.00
    "171,  JPY, EUR, 100",
  })
  void roundsHalfEvenToThePresentmentCurrencysMinorUnits(
      long minor, String from, String to, long expected) {
    assertThat(convert(minor, from, to)).isEqualTo(Money.of(expected, to));
  }

  @Test
  void crossRatesGoThroughTheEuroAndAreRoundedOnlyOnce() {
    // 10.00 USD x 171.20 / 1.07 = exactly 1600 JPY
    assertThat(convert(1000, "USD", "JPY")).isEqualTo(Money.of(1600, "JPY"));
    assertThat(RATES.rate(CurrencyCode.of("USD"), CurrencyCode.of("JPY")))
        .hasValue(new BigDecimal("160"));
    // 100.00 USD x 0.845 / 1.07 = 78.97196.. GBP
    assertThat(convert(10000, "USD", "GBP")).isEqualTo(Money.of(7897, "GBP"));
    // The shown cross rate has 12 significant digits; the amount uses the exact ratio.
    assertThat(RATES.rate(CurrencyCode.of("USD"), CurrencyCode.of("GBP")))
        .hasValue(new BigDecimal("0.789719626168"));
    // 1,000,000.00 GBP x 1.07 / 0.845 = 1,266,272.189349.. USD: no intermediate rounding to a
    // 4-decimal rate (1.2663 would give 1,266,300.00).
    assertThat(convert(100_000_000L, "GBP", "USD")).isEqualTo(Money.of(126_627_219L, "USD"));
    // against the euro the rate is the reference rate itself
    assertThat(RATES.rate(CurrencyCode.of("EUR"), CurrencyCode.of("KWD")))
        .hasValue(new BigDecimal("1.2345"));
  }

  @Test
  void aQuoteRecordsBothAmountsTheRateAndItsSource() {
    FxQuote quote =
        FxQuote.quote("m_1", Money.of(2500, "EUR"), CurrencyCode.of("JPY"), RATES, NOW, LOCK);

    assertThat(quote.id()).startsWith("fxq_");
    assertThat(quote.amount()).isEqualTo(Money.of(2500, "EUR"));
    assertThat(quote.presentmentAmount()).isEqualTo(Money.of(4280, "JPY"));
    assertThat(quote.rate()).isEqualByComparingTo("171.20");
    assertThat(quote.ratesSource()).isEqualTo("test");
    assertThat(quote.ratesDate()).isEqualTo(LocalDate.of(2024, 6, 28));
    assertThat(quote.ratesSha256()).isEqualTo("0".repeat(64));
    assertThat(quote.createdAt().toInstant()).isEqualTo(NOW);
    assertThat(quote.lockedUntil().toInstant()).isEqualTo(NOW.plus(LOCK));
  }

  @Test
  void aQuoteIsUsableBeforeItsLockEndsAndNotAtOrAfter() {
    FxQuote quote =
        FxQuote.quote("m_1", Money.of(2500, "EUR"), CurrencyCode.of("USD"), RATES, NOW, LOCK);
    Instant end = NOW.plus(LOCK);

    assertThat(quote.requireLockedAt(NOW)).isSameAs(quote);
    assertThat(quote.requireLockedAt(end.minusMillis(1))).isSameAs(quote);
    assertThatThrownBy(() -> quote.requireLockedAt(end))
        .isInstanceOf(QuoteExpiredException.class)
        .hasMessageContaining(quote.id())
        .hasMessageContaining("new quote");
    assertThatThrownBy(() -> quote.requireLockedAt(end.plusSeconds(3600)))
        .isInstanceOf(QuoteExpiredException.class)
        .extracting(e -> ((QuoteExpiredException) e).code())
        .isEqualTo("fx_quote_expired");
  }

  @Test
  void refusesCurrenciesWithoutARateAndAmountsThatAreNothing() {
    assertThatThrownBy(
            () ->
                FxQuote.quote(
                    "m_1", Money.of(100, "EUR"), CurrencyCode.of("BHD"), RATES, NOW, LOCK))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).fieldErrors())
                    .containsKey("presentment_currency"));
    assertThatThrownBy(
            () ->
                FxQuote.quote(
                    "m_1", Money.of(100, "BHD"), CurrencyCode.of("EUR"), RATES, NOW, LOCK))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e -> assertThat(((InvalidRequestException) e).fieldErrors()).containsKey("currency"));
    assertThatThrownBy(
            () ->
                FxQuote.quote("m_1", Money.of(0, "EUR"), CurrencyCode.of("USD"), RATES, NOW, LOCK))
        .isInstanceOf(InvalidRequestException.class);
    // 0.001 KWD = 0.0000243.. CLF: less than one ten-thousandth, rounds to nothing
    assertThatThrownBy(
            () ->
                FxQuote.quote("m_1", Money.of(1, "KWD"), CurrencyCode.of("CLF"), RATES, NOW, LOCK))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("less than one minor unit");
  }

  @Test
  void theBundledRatesQuoteEveryCurrencyTheyCoverWithItsMinorUnits() {
    ExchangeRates rates = new ExchangeRates();
    rates.loadBundled();
    ReferenceRates bundled = rates.current();
    // 25.00 EUR at 171.94 = 4298.5 JPY: exactly half a yen, to the even 4298
    assertThat(bundled.convert(Money.of(2500, "EUR"), CurrencyCode.of("JPY")))
        .isEqualTo(Money.of(4298, "JPY"));
    for (String code : bundled.perEuro().keySet()) {
      Money converted = bundled.convert(Money.of(1234, "EUR"), CurrencyCode.of(code));
      assertThat(converted.toDecimal().scale())
          .as(code)
          .isEqualTo(CurrencyCode.of(code).minorUnits());
    }
  }
}
