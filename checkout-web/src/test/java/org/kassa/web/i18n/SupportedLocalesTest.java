package org.kassa.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kassa.payment.money.Money;

class SupportedLocalesTest {

  @Test
  void anExplicitChoiceWinsOverTheSessionAndTheBrowser() {
    assertThat(SupportedLocales.choose("de", "zh-CN", List.of(Locale.ENGLISH)))
        .isEqualTo(Locale.GERMAN);
  }

  @Test
  void theSessionsLocaleWinsOverTheBrowser() {
    assertThat(SupportedLocales.choose(null, "zh-CN", List.of(Locale.GERMAN)))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }

  @Test
  void theBrowsersFirstSupportedPreferenceIsTakenThenEnglish() {
    assertThat(
            SupportedLocales.choose(
                null, null, List.of(Locale.forLanguageTag("sv"), Locale.forLanguageTag("de-AT"))))
        .isEqualTo(Locale.GERMAN);
    assertThat(SupportedLocales.choose(null, null, List.of(Locale.forLanguageTag("sv"))))
        .isEqualTo(Locale.ENGLISH);
  }

  @Test
  void thePageSpeaksThirteenLanguages() {
    assertThat(SupportedLocales.ALL)
        .extracting(Locale::toLanguageTag)
        .containsExactly(
            "en", "de", "fr", "es", "it", "pt-BR", "nl", "pl", "zh-CN", "zh-TW", "ja", "ko", "ar");
    for (String tag : List.of("fr-CA", "es-MX", "it-CH", "nl-BE", "pl-PL", "ja-JP", "ko-KR")) {
      assertThat(SupportedLocales.match(tag))
          .as(tag)
          .map(Locale::getLanguage)
          .contains(tag.substring(0, 2));
    }
    assertThat(SupportedLocales.match("ar-EG")).contains(new Locale("ar"));
  }

  @Test
  void portugueseReadersGetBrazilianPortuguese() {
    Locale brazil = new Locale("pt", "BR");
    assertThat(SupportedLocales.match("pt")).contains(brazil);
    assertThat(SupportedLocales.match("pt-PT")).contains(brazil);
    assertThat(SupportedLocales.choose(null, "pt_BR", List.of())).isEqualTo(brazil);
  }

  @Test
  void traditionalChineseReadersGetTraditionalNeverSimplified() {
    for (String tag : List.of("zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-HK", "zh_TW")) {
      assertThat(SupportedLocales.match(tag)).as(tag).contains(Locale.TRADITIONAL_CHINESE);
    }
    for (String tag : List.of("zh", "zh_CN", "zh-Hans", "zh-SG")) {
      assertThat(SupportedLocales.match(tag)).as(tag).contains(Locale.SIMPLIFIED_CHINESE);
    }
  }

  @Test
  void theConsolesOfferOnlyTheirOwnLanguagesAndNeverSimplifiedForTraditional() {
    assertThat(
            SupportedLocales.choose(
                SupportedLocales.CONSOLE,
                null,
                null,
                List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("de"))))
        .isEqualTo(Locale.GERMAN);
    assertThat(
            SupportedLocales.choose(
                SupportedLocales.CONSOLE, "zh-TW", null, List.of(Locale.forLanguageTag("ar"))))
        .isEqualTo(Locale.ENGLISH);
  }

  @Test
  void arabicIsWrittenRightToLeftAndTheOthersLeftToRight() {
    assertThat(SupportedLocales.ALL)
        .filteredOn(SupportedLocales::isRightToLeft)
        .containsExactly(new Locale("ar"));
  }

  @Test
  void theSwitcherNamesEveryLanguageInItself() {
    assertThat(SupportedLocales.ALL)
        .extracting(SupportedLocales::nativeName)
        .containsExactly(
            "English",
            "Deutsch",
            "Français",
            "Español",
            "Italiano",
            "Português (Brasil)",
            "Nederlands",
            "Polski",
            "简体中文",
            "繁體中文",
            "日本語",
            "한국어",
            "العربية");
  }

  @Test
  void garbageIsIgnored() {
    assertThat(SupportedLocales.choose("<script>", "", List.of())).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void amountsFollowTheLocaleAndTheCurrencysMinorUnits() {
    assertThat(MoneyFormat.format(Money.of(1500, "EUR"), Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("€15.00");
    assertThat(MoneyFormat.format(Money.of(1500, "EUR"), Locale.GERMAN)).isEqualTo("15,00\u00a0€");
    assertThat(MoneyFormat.format(Money.of(1500, "JPY"), Locale.ENGLISH)).isEqualTo("¥1,500");
    assertThat(MoneyFormat.format(Money.of(1500, "KWD"), Locale.ENGLISH)).isEqualTo("KWD1.500");
    // Yen has no minor unit: no decimals in Japanese either (CLDR's full-width yen sign).
    assertThat(MoneyFormat.format(Money.of(1500, "JPY"), Locale.JAPANESE)).isEqualTo("￥1,500");
    // Arabic: CLDR's Arabic-Indic digits and separators, the symbol after the amount.
    assertThat(MoneyFormat.format(Money.of(1500, "EUR"), new Locale("ar")))
        .isEqualTo("١٥٫٠٠\u00a0€");
    assertThat(MoneyFormat.format(Money.of(1500, "EUR"), new Locale("pt", "BR")))
        .isEqualTo("€\u00a015,00");
  }
}
