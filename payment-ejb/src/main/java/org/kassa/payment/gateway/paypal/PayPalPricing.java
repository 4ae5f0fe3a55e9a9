package org.kassa.payment.gateway.paypal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kassa.payment.gateway.FeeSchedule;
import org.kassa.payment.money.CurrencyCode;

/**
 * What PayPal takes and what it charges, for routing.
 *
 * <p>The fees are PayPal's public list prices for PayPal Checkout on a US merchant account,
 * domestic payments: 3.49 % plus a fixed fee in the currency received. A merchant's own contract,
 * another country's account, international payments and currency conversion all cost differently;
 * routing uses these only to rank gateways. PayPal charges nothing extra per refund (it keeps the
 * fixed fee of the payment) and its dispute fees depend on the outcome and the seller's volume, so
 * they are left at zero rather than guessed. CNY has no published fixed fee and stays unpriced.
 */
final class PayPalPricing {

  /** The currencies PayPal takes for payments, from its REST API currency codes list. */
  static final Set<CurrencyCode> CURRENCIES =
      Set.of(
              "AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF", "ILS", "JPY", "MYR",
              "MXN", "TWD", "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD")
          .stream()
          .map(CurrencyCode::of)
          .collect(Collectors.toUnmodifiableSet());

  static final BigDecimal PERCENT = new BigDecimal("3.49");

  /** The fixed fee per payment, in major units of the currency received. */
  private static final Map<String, String> FIXED_FEES =
      Map.ofEntries(
          Map.entry("AUD", "0.59"),
          Map.entry("BRL", "2.90"),
          Map.entry("CAD", "0.59"),
          Map.entry("CZK", "9.00"),
          Map.entry("DKK", "2.90"),
          Map.entry("EUR", "0.39"),
          Map.entry("HKD", "3.79"),
          Map.entry("HUF", "149"),
          Map.entry("ILS", "1.60"),
          Map.entry("JPY", "49"),
          Map.entry("MYR", "2.00"),
          Map.entry("MXN", "9.00"),
          Map.entry("TWD", "14.00"),
          Map.entry("NZD", "0.69"),
          Map.entry("NOK", "3.90"),
          Map.entry("PHP", "25.00"),
          Map.entry("PLN", "1.89"),
          Map.entry("GBP", "0.39"),
          Map.entry("SGD", "0.69"),
          Map.entry("SEK", "4.09"),
          Map.entry("CHF", "0.49"),
          Map.entry("THB", "15.00"),
          Map.entry("USD", "0.49"));

  static final FeeSchedule FEES = schedule();

  private PayPalPricing() {}

  private static FeeSchedule schedule() {
    Map<CurrencyCode, FeeSchedule.Fees> fees = new HashMap<>();
    FIXED_FEES.forEach(
        (code, fixed) -> {
          CurrencyCode currency = CurrencyCode.of(code);
          // In the currency's ISO minor units, as every Kassa amount is (HUF 149 is 14900).
          long minor = new BigDecimal(fixed).movePointRight(currency.minorUnits()).longValueExact();
          fees.put(currency, new FeeSchedule.Fees(PERCENT, minor, 0, 0, 0));
        });
    return new FeeSchedule(fees);
  }
}
