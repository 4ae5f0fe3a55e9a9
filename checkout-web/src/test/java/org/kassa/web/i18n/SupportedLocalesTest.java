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
                null, null, List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("de-AT"))))
        .isEqualTo(Locale.GERMAN);
    assertThat(SupportedLocales.choose(null, null, List.of(Locale.forLanguageTag("fr"))))
        .isEqualTo(Locale.ENGLISH);
  }

  @Test
  void traditionalChineseIsNotServedSimplified() {
    assertThat(SupportedLocales.match("zh-TW")).isEmpty();
    assertThat(SupportedLocales.match("zh")).contains(Locale.SIMPLIFIED_CHINESE);
    assertThat(SupportedLocales.match("zh_CN")).contains(Locale.SIMPLIFIED_CHINESE);
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
  }
}
