package org.kassa.payment.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import org.kassa.payment.money.Money;
import org.kassa.payment.money.fx.FxQuote;

/**
 * What a payment presented in the shopper's currency was charged: the amount in the presentment
 * currency, the locked rate it was quoted at, where the rate came from (the reference rates' source
 * and day) and the quote. Amounts in the merchant's currency convert at this rate, half-even, once.
 *
 * @param amount what the shopper saw and the gateway charges, in the presentment currency
 * @param rate units of the presentment currency per unit of the merchant's
 * @param ratesSource where the reference rates came from (a URL, a dropped file, {@code bundled:})
 * @param ratesDate the day of the reference rates (the ECB's)
 * @param quoteId the locked quote the shopper accepted
 */
public record Presentment(
    Money amount, BigDecimal rate, String ratesSource, LocalDate ratesDate, String quoteId) {

  public Presentment {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(ratesSource, "ratesSource");
    Objects.requireNonNull(ratesDate, "ratesDate");
    Objects.requireNonNull(quoteId, "quoteId");
    if (!amount.isPositive() || rate.signum() <= 0) {
      throw new IllegalArgumentException("a presentment needs a positive amount and rate");
    }
  }

  /** The terms of a locked quote. */
  public static Presentment of(FxQuote quote) {
    return new Presentment(
        quote.presentmentAmount(),
        quote.rate(),
        quote.ratesSource(),
        quote.ratesDate(),
        quote.id());
  }

  /**
   * {@code merchantAmount} in the presentment currency at the locked rate, rounded half-even once
   * to the presentment currency's minor units.
   */
  public Money convert(Money merchantAmount) {
    BigDecimal major =
        merchantAmount
            .toDecimal()
            .multiply(rate)
            .setScale(amount.currency().minorUnits(), RoundingMode.HALF_EVEN);
    return new Money(major.unscaledValue().longValueExact(), amount.currency());
  }

  /**
   * {@code presented}, an amount in the presentment currency, back in {@code merchantCurrency} at
   * the locked rate, rounded half-even once: for what a gateway reports in the currency it charged.
   */
  public Money convertBack(Money presented, org.kassa.payment.money.CurrencyCode merchantCurrency) {
    if (!presented.currency().equals(amount.currency())) {
      throw new IllegalArgumentException(presented + " is not in " + amount.currency());
    }
    BigDecimal major =
        presented.toDecimal().divide(rate, merchantCurrency.minorUnits(), RoundingMode.HALF_EVEN);
    return new Money(major.unscaledValue().longValueExact(), merchantCurrency);
  }
}
