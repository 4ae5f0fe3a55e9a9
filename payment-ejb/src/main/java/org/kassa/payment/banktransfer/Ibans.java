package org.kassa.payment.banktransfer;

import java.util.Locale;
import java.util.Set;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.RegexValidator;

/**
 * IBANs and BICs as shoppers type them and as configuration gives them: checked with Apache Commons
 * Validator (each country's IBAN length and format, and the MOD 97 check digits), read into their
 * electronic form, and shown in groups of four.
 */
public final class Ibans {

  private static final IBANValidator IBAN = IBANValidator.getInstance();

  /** ISO 9362: institution (4 letters), country (2), location (2), optional branch (3). */
  private static final RegexValidator BIC =
      new RegexValidator("^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?$");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private Ibans() {}

  /** The electronic form: spaces removed, upper case; null stays null. */
  public static String compact(String text) {
    return text == null ? null : text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  /** Whether the text (spaces and case aside) is a valid IBAN of a country that issues them. */
  public static boolean isValidIban(String text) {
    String iban = compact(text);
    return iban != null && IBAN.isValid(iban);
  }

  /** Whether the text (spaces and case aside) is a well-formed BIC of a real country. */
  public static boolean isValidBic(String text) {
    String bic = compact(text);
    if (bic == null) {
      return false;
    }
    String country = BIC.validate(bic);
    return country != null && COUNTRIES.contains(country);
  }

  /** The paper form, in groups of four: {@code DE89 3704 0044 0532 0130 00}. */
  public static String grouped(String iban) {
    return CreditorReference.groupsOfFour(compact(iban));
  }

  /** For a merchant's eyes: the country and the last four only, e.g. {@code DE••3000}. */
  public static String masked(String iban) {
    String c = compact(iban);
    if (c == null || c.length() < 8) {
      return null;
    }
    return c.substring(0, 2) + "••" + c.substring(c.length() - 4);
  }
}
