package org.kassa.web.console;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/**
 * An amount a console user types in a currency's major units ({@code 12.50} EUR), read exactly into
 * minor units (1250): a decimal, never a floating-point number, with no more decimals than the
 * currency has (ISO 4217: none for JPY, three for KWD).
 *
 * <p>The decimal separator is a point, or the console language's own ({@code 12,50} in German).
 * Thousands separators are refused rather than guessed: {@code 1,234} is 1234 in English and 1.234
 * in German.
 */
public final class AmountText {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,15}(?:[.,]\\d{1,15})?");

  private AmountText() {}

  /** Why a text is not an amount: a message key of the console bundle and its arguments. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Object[] arguments;

    Invalid(String key, Object... arguments) {
      super(key);
      this.key = key;
      this.arguments = arguments;
    }

    public String key() {
      return key;
    }

    public Object[] arguments() {
      return arguments.clone();
    }
  }

  /**
   * The amount {@code text} says in {@code currency}.
   *
   * @param locale the console's language, whose decimal separator is accepted besides the point
   * @throws Invalid if the text is not a plain non-negative decimal, or has more decimals than the
   *     currency's minor units
   */
  public static Money parse(String text, CurrencyCode currency, Locale locale) throws Invalid {
    String t = text == null ? "" : text.strip();
    char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
    if (!DIGITS.matcher(t).matches() || (t.indexOf(',') >= 0 && decimal != ',')) {
      throw new Invalid("console.amount.notAnAmount", t, example(currency, decimal));
    }
    BigDecimal value = new BigDecimal(t.replace(',', '.'));
    int digits = currency.minorUnits();
    if (value.stripTrailingZeros().scale() > digits) {
      throw new Invalid("console.amount.tooManyDecimals", t, currency.code(), digits);
    }
    try {
      return new Money(value.movePointRight(digits).longValueExact(), currency);
    } catch (ArithmeticException tooLarge) {
      throw new Invalid("console.amount.notAnAmount", t, example(currency, decimal));
    }
  }

  /** The same amount as {@link #parse} reads, in the form URLs use: a point, no grouping. */
  public static String plain(Money amount) {
    return amount.toDecimal().toPlainString();
  }

  /** An example of an amount in the currency, e.g. {@code 12.50} or {@code 1250} for JPY. */
  static String example(CurrencyCode currency, char decimal) {
    int digits = currency.minorUnits();
    return digits == 0 ? "1250" : "12" + decimal + "5" + "0".repeat(digits - 1);
  }
}
