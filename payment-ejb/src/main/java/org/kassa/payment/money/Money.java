package org.kassa.payment.money;

import java.math.BigDecimal;

/**
 * An amount of money: a whole number of minor units of one currency (cents for EUR, yen for JPY,
 * fils for KWD). Never a floating-point number.
 */
public record Money(long minorUnits, CurrencyCode currency) {

  public Money {
    if (currency == null) {
      throw new IllegalArgumentException("money needs a currency");
    }
  }

  public static Money of(long minorUnits, String currency) {
    return new Money(minorUnits, CurrencyCode.of(currency));
  }

  public boolean isPositive() {
    return minorUnits > 0;
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(minorUnits, factor), currency);
  }

  /** The amount in major units, with exactly the currency's number of decimals. */
  public BigDecimal toDecimal() {
    return BigDecimal.valueOf(minorUnits, currency.minorUnits());
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine " + currency + " with " + other.currency + " without a conversion");
    }
  }

  @Override
  public String toString() {
    return toDecimal().toPlainString() + " " + currency;
  }
}
