package org.kassa.payment.money.fx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/**
 * One day's euro reference rates as loaded: where they came from, the day they are for, the SHA-256
 * of the file, and units of each currency per euro (EUR = 1). Rates between two other currencies
 * are crossed through the euro.
 *
 * @param source the URL, folder file or {@code bundled:} resource the file came from
 * @param date the day the rates are for (the file's {@code Cube time})
 * @param sha256 hex SHA-256 of the file's bytes
 * @param loadedAt when Kassa loaded them
 * @param perEuro units of each covered currency per euro
 */
public record ReferenceRates(
    String source,
    LocalDate date,
    String sha256,
    Instant loadedAt,
    Map<String, BigDecimal> perEuro) {

  /** Significant digits of a cross rate as shown and stored (the amount uses the exact ratio). */
  public static final MathContext SHOWN_RATE = new MathContext(12, RoundingMode.HALF_EVEN);

  public ReferenceRates {
    perEuro = Collections.unmodifiableMap(new TreeMap<>(perEuro));
  }

  /** Whether there is a rate for {@code currency}. */
  public boolean covers(CurrencyCode currency) {
    return perEuro.containsKey(currency.code());
  }

  /** Units of {@code to} per unit of {@code from}: exact against EUR, 12 digits for a cross. */
  public Optional<BigDecimal> rate(CurrencyCode from, CurrencyCode to) {
    BigDecimal fromPerEuro = perEuro.get(from.code());
    BigDecimal toPerEuro = perEuro.get(to.code());
    if (fromPerEuro == null || toPerEuro == null) {
      return Optional.empty();
    }
    if (fromPerEuro.compareTo(BigDecimal.ONE) == 0) {
      return Optional.of(toPerEuro);
    }
    BigDecimal cross = toPerEuro.divide(fromPerEuro, SHOWN_RATE).stripTrailingZeros();
    return Optional.of(cross.scale() < 0 ? cross.setScale(0) : cross); // 160, not 1.6E+2
  }

  /**
   * {@code amount} in {@code to}, rounded half-even once, to the minor units of {@code to}. The
   * cross rate is never rounded on the way: amount × to-per-euro ÷ from-per-euro is exact until the
   * one rounding of the division.
   *
   * @throws IllegalArgumentException if either currency is not covered
   */
  public Money convert(Money amount, CurrencyCode to) {
    BigDecimal fromPerEuro = perEuro.get(amount.currency().code());
    BigDecimal toPerEuro = perEuro.get(to.code());
    if (fromPerEuro == null || toPerEuro == null) {
      throw new IllegalArgumentException(
          "no reference rate for " + (fromPerEuro == null ? amount.currency() : to));
    }
    BigDecimal major =
        amount
            .toDecimal()
            .multiply(toPerEuro)
            .divide(fromPerEuro, to.minorUnits(), RoundingMode.HALF_EVEN);
    return new Money(major.unscaledValue().longValueExact(), to);
  }
}
