package org.kassa.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

class AmountTextTest {

  private static final CurrencyCode EUR = CurrencyCode.of("EUR");
  private static final CurrencyCode JPY = CurrencyCode.of("JPY");
  private static final CurrencyCode KWD = CurrencyCode.of("KWD");

  private static long minor(String text, CurrencyCode c, Locale l) throws AmountText.Invalid {
    return AmountText.parse(text, c, l).minorUnits();
  }

  @Test
  void readsMajorUnitsExactlyIntoTheCurrencysMinorUnits() throws Exception {
    assertThat(minor("12.50", EUR, Locale.ENGLISH)).isEqualTo(1250);
    assertThat(minor("12.5", EUR, Locale.ENGLISH)).isEqualTo(1250);
    assertThat(minor("12", EUR, Locale.ENGLISH)).isEqualTo(1200);
    assertThat(minor(" 0.01 ", EUR, Locale.ENGLISH)).isEqualTo(1);
    assertThat(minor("1250", JPY, Locale.ENGLISH)).isEqualTo(1250);
    assertThat(minor("1.234", KWD, Locale.ENGLISH)).isEqualTo(1234);
    // 0.1 + 0.2 is not 0.30000000000000004 here
    assertThat(minor("0.3", EUR, Locale.ENGLISH)).isEqualTo(30);
    assertThat(minor("1250.00", JPY, Locale.ENGLISH))
        .as("trailing zeros are no decimals")
        .isEqualTo(1250);
    assertThat(minor("92233720368547.75", EUR, Locale.ENGLISH)).isEqualTo(9_223_372_036_854_775L);
  }

  @Test
  void acceptsThePointAndTheLanguagesOwnDecimalSeparator() throws Exception {
    assertThat(minor("12,50", EUR, Locale.GERMAN)).isEqualTo(1250);
    assertThat(minor("12.50", EUR, Locale.GERMAN)).isEqualTo(1250);
    assertThatThrownBy(() -> AmountText.parse("12,50", EUR, Locale.ENGLISH))
        .isInstanceOfSatisfying(
            AmountText.Invalid.class,
            e -> {
              assertThat(e.key()).isEqualTo("console.amount.notAnAmount");
              assertThat(e.arguments()).containsExactly("12,50", "12.50");
            });
  }

  @Test
  void refusesMoreDecimalsThanTheCurrencyHas() {
    assertThatThrownBy(() -> AmountText.parse("12.345", EUR, Locale.ENGLISH))
        .isInstanceOfSatisfying(
            AmountText.Invalid.class,
            e -> {
              assertThat(e.key()).isEqualTo("console.amount.tooManyDecimals");
              assertThat(e.arguments()).containsExactly("12.345", "EUR", 2);
            });
    assertThatThrownBy(() -> AmountText.parse("12.5", JPY, Locale.ENGLISH))
        .isInstanceOf(AmountText.Invalid.class);
  }

  @Test
  void refusesWhatIsNotAPlainNonNegativeDecimal() {
    for (String bad :
        new String[] {
          "",
          " ",
          "-5",
          "+5",
          "1,234.50",
          "1.234,50",
          "1 234",
          "12.",
          ".5",
          "1e3",
          "abc",
          "NaN",
          "١٢",
          "99999999999999999"
        }) {
      assertThatThrownBy(() -> AmountText.parse(bad, EUR, Locale.ENGLISH))
          .as(bad)
          .isInstanceOf(AmountText.Invalid.class);
    }
  }

  @Test
  void writesAmountsWithAPointForUrls() {
    assertThat(AmountText.plain(Money.of(1250, "EUR"))).isEqualTo("12.50");
    assertThat(AmountText.plain(Money.of(1250, "JPY"))).isEqualTo("1250");
    assertThat(AmountText.example(KWD, ',')).isEqualTo("12,500");
  }
}
