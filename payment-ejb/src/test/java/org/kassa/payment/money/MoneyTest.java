package org.kassa.payment.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void minorUnitsFollowIso4217NotTheJdk() {
    assertThat(CurrencyCode.of("EUR").minorUnits()).isEqualTo(2);
    assertThat(CurrencyCode.of("JPY").minorUnits()).isEqualTo(0);
    assertThat(CurrencyCode.of("KWD").minorUnits()).isEqualTo(3);
    assertThat(CurrencyCode.of("CLF").minorUnits()).isEqualTo(4);
    assertThat(CurrencyCode.of("UYW").minorUnits()).isEqualTo(4);
  }

  @Test
  void onlyActivePayableCurrenciesAreAccepted() {
    assertThat(CurrencyCode.isValid("DEM")).as("withdrawn").isFalse();
    assertThat(CurrencyCode.isValid("XAU")).as("gold has no minor units").isFalse();
    assertThat(CurrencyCode.isValid("eur")).isFalse();
    assertThat(CurrencyCode.isValid(null)).isFalse();
    assertThatThrownBy(() -> CurrencyCode.of("XYZ")).hasMessageContaining("ISO 4217");
    assertThat(IsoCurrencies.all())
        .hasSizeBetween(150, 180)
        .containsKeys("USD", "CHF", "BHD", "VES");
  }

  @Test
  void decimalsHaveExactlyTheCurrencysScale() {
    assertThat(Money.of(1050, "EUR").toDecimal()).isEqualByComparingTo(new BigDecimal("10.50"));
    assertThat(Money.of(1050, "EUR").toDecimal().scale()).isEqualTo(2);
    assertThat(Money.of(500, "JPY").toDecimal().scale()).isZero();
    assertThat(Money.of(1234, "KWD").toString()).isEqualTo("1.234 KWD");
  }

  @Test
  void arithmeticRefusesMixedCurrenciesAndOverflow() {
    assertThat(Money.of(100, "EUR").plus(Money.of(250, "EUR"))).isEqualTo(Money.of(350, "EUR"));
    assertThat(Money.of(250, "EUR").times(3)).isEqualTo(Money.of(750, "EUR"));
    assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(100, "USD")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").times(2))
        .isInstanceOf(ArithmeticException.class);
  }
}
