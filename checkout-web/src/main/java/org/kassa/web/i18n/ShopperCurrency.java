package org.kassa.web.i18n;

import com.ibm.icu.util.ULocale;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.kassa.payment.money.CurrencyCode;

/**
 * The shopper's local currency, from the hosted page's locale: the currency of the locale's
 * country, or of the country its language is most likely spoken in (CLDR's likely subtags, via ICU:
 * {@code ja} is Japan, {@code ko} Korea, {@code en} the United States, {@code ar} Egypt) when the
 * locale names none. A guess from the language the shopper reads, never their address: the page
 * offers it, the shopper chooses.
 */
public final class ShopperCurrency {

  private ShopperCurrency() {}

  /** The local currency of {@code locale}, when it is an active ISO 4217 currency. */
  public static Optional<CurrencyCode> of(Locale locale) {
    String country = country(locale);
    if (country.isEmpty()) {
      return Optional.empty();
    }
    try {
      Currency currency = Currency.getInstance(new Locale("", country));
      return currency != null && CurrencyCode.isValid(currency.getCurrencyCode())
          ? Optional.of(CurrencyCode.of(currency.getCurrencyCode()))
          : Optional.empty();
    } catch (IllegalArgumentException noCurrency) {
      return Optional.empty(); // e.g. Antarctica
    }
  }

  /** The locale's country, else its language's likely country; empty when neither is known. */
  static String country(Locale locale) {
    if (!locale.getCountry().isEmpty()) {
      return locale.getCountry();
    }
    return ULocale.addLikelySubtags(ULocale.forLocale(locale)).getCountry();
  }
}
