package org.kassa.web.i18n;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.kassa.payment.money.Money;

/**
 * Formats an amount for a locale (CLDR symbols and grouping from the JDK) with exactly the
 * currency's ISO 4217 minor units, which the JDK's own defaults do not always match.
 */
public final class MoneyFormat {

  private MoneyFormat() {}

  public static String format(Money money, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    try {
      format.setCurrency(Currency.getInstance(money.currency().code()));
    } catch (IllegalArgumentException unknownToJdk) {
      NumberFormat plain = NumberFormat.getNumberInstance(locale);
      int digits = money.currency().minorUnits();
      plain.setMinimumFractionDigits(digits);
      plain.setMaximumFractionDigits(digits);
      return plain.format(money.toDecimal()) + " " + money.currency().code();
    }
    int digits = money.currency().minorUnits();
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(money.toDecimal());
  }
}
