package org.kassa.payment.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/**
 * What a gateway charges, per currency: fixed fees are in that currency's minor units, so a
 * schedule has no meaning across currencies and none is assumed.
 *
 * @param byCurrency the fees for each currency the gateway prices
 */
public record FeeSchedule(Map<CurrencyCode, Fees> byCurrency) {

  public FeeSchedule {
    byCurrency = Map.copyOf(byCurrency);
  }

  /** A gateway that declares no prices: routing ranks it after every priced one. */
  public static FeeSchedule unpriced() {
    return new FeeSchedule(Map.of());
  }

  /**
   * The fees in one currency, all in its minor units.
   *
   * @param percent the share of the amount, in percent (2.9 for 2.9 %)
   * @param fixedPerTransaction added to each payment
   * @param perRefund charged for each refund
   * @param perDispute charged for each dispute
   * @param monthly charged each month whatever the volume
   */
  public record Fees(
      BigDecimal percent, long fixedPerTransaction, long perRefund, long perDispute, long monthly) {
    public Fees {
      Objects.requireNonNull(percent, "percent");
      if (percent.signum() < 0
          || fixedPerTransaction < 0
          || perRefund < 0
          || perDispute < 0
          || monthly < 0) {
        throw new IllegalArgumentException("fees cannot be negative");
      }
    }
  }

  /** The fees in a currency, if the gateway prices it. */
  public Optional<Fees> in(CurrencyCode currency) {
    return Optional.ofNullable(byCurrency.get(currency));
  }

  /**
   * The fee for one payment of {@code amount}: the percentage rounded half-even to the currency's
   * minor unit, once, plus the fixed fee.
   *
   * @return empty when the gateway does not price this currency
   */
  public Optional<Money> transactionFee(Money amount) {
    return in(amount.currency())
        .map(
            f ->
                new Money(
                    BigDecimal.valueOf(amount.minorUnits())
                            .multiply(f.percent())
                            .movePointLeft(2)
                            .setScale(0, RoundingMode.HALF_EVEN)
                            .longValueExact()
                        + f.fixedPerTransaction(),
                    amount.currency()));
  }
}
