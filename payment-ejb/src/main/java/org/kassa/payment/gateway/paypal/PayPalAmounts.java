package org.kassa.payment.gateway.paypal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.Set;
import org.kassa.payment.gateway.GatewayRejectedException;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/**
 * Amounts as PayPal writes them: a decimal string in the currency's ISO 4217 minor units ({@code
 * "10.00"} EUR, {@code "1000"} JPY), never a floating-point number.
 */
final class PayPalAmounts {

  /**
   * Currencies whose ISO minor unit PayPal does not take: HUF and TWD have two decimals in ISO 4217
   * but PayPal answers a decimal amount with an error (JPY has none in either).
   */
  static final Set<String> WHOLE_UNITS_ONLY = Set.of("HUF", "JPY", "TWD");

  private PayPalAmounts() {}

  /**
   * The {@code value} PayPal expects for an amount.
   *
   * @throws GatewayRejectedException if PayPal does not take the currency, or the amount has a
   *     fraction in a currency PayPal takes in whole units only; nothing is sent then
   */
  static String value(Money amount) {
    CurrencyCode currency = amount.currency();
    if (!PayPalPricing.CURRENCIES.contains(currency)) {
      throw new GatewayRejectedException(
          "CURRENCY_NOT_SUPPORTED", "PayPal does not take payments in " + currency + ".");
    }
    BigDecimal decimal = amount.toDecimal();
    if (WHOLE_UNITS_ONLY.contains(currency.code())) {
      if (decimal.stripTrailingZeros().scale() > 0) {
        throw new GatewayRejectedException(
            "DECIMALS_NOT_SUPPORTED",
            "PayPal takes " + currency + " in whole units only; " + amount + " has a fraction.");
      }
      return decimal.setScale(0).toPlainString();
    }
    return decimal.toPlainString();
  }

  /** A PayPal money object: {@code {"currency_code": "EUR", "value": "10.00"}}. */
  static JsonObject money(Money amount) {
    return Json.createObjectBuilder()
        .add("currency_code", amount.currency().code())
        .add("value", value(amount))
        .build();
  }

  /**
   * Reads a PayPal money object into minor units of its own currency.
   *
   * @throws IllegalArgumentException if the currency is unknown or the value has more decimals than
   *     the currency has minor units
   */
  static Money read(JsonObject money) {
    CurrencyCode currency = CurrencyCode.of(money.getString("currency_code"));
    long minor =
        new BigDecimal(money.getString("value"))
            .movePointRight(currency.minorUnits())
            .longValueExact();
    return new Money(minor, currency);
  }
}
