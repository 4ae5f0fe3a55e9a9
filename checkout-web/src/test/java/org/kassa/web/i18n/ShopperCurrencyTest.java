package org.kassa.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopperCurrencyTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // the locale's own country
    "pt-BR, BRL",
    "zh-CN, CNY",
    "zh-TW, TWD",
    "en-GB, GBP",
    "de-CH, CHF",
    // else the country its language is most likely spoken in
    "ja, JPY",
    "ko, KRW",
    "pl, PLN",
    "de, EUR",
    "fr, EUR",
    "nl, EUR",
    "en, USD",
    "ar, EGP"
  })
  void theLocalCurrencyOfEveryPageLanguage(String tag, String currency) {
    assertThat(ShopperCurrency.of(Locale.forLanguageTag(tag)).orElseThrow().code())
        .isEqualTo(currency);
  }

  @Test
  void noCurrencyWhereTheCountryHasNone() {
    assertThat(ShopperCurrency.of(Locale.forLanguageTag("en-AQ"))).isEmpty(); // Antarctica
  }
}
