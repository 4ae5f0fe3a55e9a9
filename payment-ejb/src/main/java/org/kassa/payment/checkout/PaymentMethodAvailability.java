package org.kassa.payment.checkout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.money.CurrencyCode;

/**
 * Which currencies and shopper countries each payment method allows: the one table the session API
 * (what a merchant may offer) and the hosted page (what a shopper is shown) both read. A new method
 * is one enum constant and one row here; a test fails while a type has no row.
 *
 * <table>
 *   <caption>The rules</caption>
 *   <tr><th>method</th><th>currencies</th><th>shopper countries</th></tr>
 *   <tr><td>card</td><td>every ISO 4217 currency</td><td>every country</td></tr>
 *   <tr><td>paypal</td><td>PayPal's 24 currencies (AUD BRL CAD CNY CZK DKK EUR HKD HUF ILS JPY MYR
 *       MXN TWD NZD NOK PHP PLN GBP SGD SEK CHF THB USD), as its gateway declares them</td>
 *       <td>every country</td></tr>
 *   <tr><td>alipay</td><td>{@link #QR_WALLET_CURRENCIES}: what Alipay+ and WeChat Pay settle
 *       cross-border merchants in</td><td>{@link #ALIPAY_COUNTRIES}: where its wallets are
 *       issued</td></tr>
 *   <tr><td>wechat_pay</td><td>{@link #QR_WALLET_CURRENCIES}</td><td>{@link
 *       #WECHAT_PAY_COUNTRIES}</td></tr>
 *   <tr><td>sepa_credit_transfer</td><td>EUR only (SEPA credit transfers are in euros)</td>
 *       <td>{@link #SEPA_COUNTRIES}</td></tr>
 * </table>
 *
 * <p>A shopper whose country is unknown is shown what the currency allows: the country only ever
 * hides a method, it never adds one.
 */
public final class PaymentMethodAvailability {

  /** The currencies the QR-code wallets take from merchants abroad. */
  public static final Set<CurrencyCode> QR_WALLET_CURRENCIES =
      currencies(
          "CNY", "HKD", "EUR", "USD", "GBP", "JPY", "AUD", "CAD", "CHF", "SGD", "NZD", "KRW", "THB",
          "MYR", "SEK", "DKK", "NOK");

  /** The countries whose shoppers hold Alipay wallets (Alipay and Alipay HK). */
  public static final Set<String> ALIPAY_COUNTRIES = Set.of("CN", "HK", "MO", "TW", "SG", "MY");

  /** The countries whose shoppers hold WeChat Pay wallets. */
  public static final Set<String> WECHAT_PAY_COUNTRIES = Set.of("CN", "HK", "MO");

  /**
   * The countries and territories of the SEPA scheme (EPC register of participants): the 27 EU
   * members, the EEA's Iceland, Liechtenstein and Norway, Switzerland, the United Kingdom, Monaco,
   * San Marino, Vatican City and Andorra, and the territories with their own ISO codes that belong
   * to them for SEPA: Åland, the French overseas departments and collectivities in SEPA
   * (Guadeloupe, French Guiana, Martinique, Réunion, Mayotte, Saint Barthélemy, Saint Martin, Saint
   * Pierre and Miquelon), Gibraltar, Guernsey, Jersey and the Isle of Man. Albania, Moldova,
   * Montenegro and North Macedonia joined the scheme only recently and are not listed yet.
   */
  public static final Set<String> SEPA_COUNTRIES =
      Set.of(
          // EU
          "AT",
          "BE",
          "BG",
          "HR",
          "CY",
          "CZ",
          "DK",
          "EE",
          "FI",
          "FR",
          "DE",
          "GR",
          "HU",
          "IE",
          "IT",
          "LV",
          "LT",
          "LU",
          "MT",
          "NL",
          "PL",
          "PT",
          "RO",
          "SK",
          "SI",
          "ES",
          "SE",
          // EEA, and the other scheme countries
          "IS",
          "LI",
          "NO",
          "CH",
          "GB",
          "MC",
          "SM",
          "VA",
          "AD",
          // territories with their own codes
          "AX",
          "GP",
          "GF",
          "MQ",
          "RE",
          "YT",
          "BL",
          "MF",
          "PM",
          "GI",
          "GG",
          "JE",
          "IM");

  /** One method's rule: empty sets mean every currency, every country. */
  public record Rule(Set<CurrencyCode> currencies, Set<String> countries) {
    public Rule {
      currencies = Set.copyOf(currencies);
      countries = Set.copyOf(countries);
    }

    static Rule everywhere() {
      return new Rule(Set.of(), Set.of());
    }

    boolean allowsCurrency(CurrencyCode currency) {
      return currencies.isEmpty() || currencies.contains(currency);
    }

    boolean allowsCountry(String country) {
      return countries.isEmpty()
          || country == null
          || countries.contains(country.toUpperCase(Locale.ROOT));
    }
  }

  private static final Map<PaymentMethodType, Rule> RULES = rules();

  private static Map<PaymentMethodType, Rule> rules() {
    Map<PaymentMethodType, Rule> rules = new EnumMap<>(PaymentMethodType.class);
    rules.put(PaymentMethodType.CARD, Rule.everywhere());
    rules.put(
        PaymentMethodType.PAYPAL,
        new Rule(
            currencies(
                "AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF", "ILS", "JPY", "MYR",
                "MXN", "TWD", "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD"),
            Set.of()));
    rules.put(PaymentMethodType.ALIPAY, new Rule(QR_WALLET_CURRENCIES, ALIPAY_COUNTRIES));
    rules.put(PaymentMethodType.WECHAT_PAY, new Rule(QR_WALLET_CURRENCIES, WECHAT_PAY_COUNTRIES));
    rules.put(PaymentMethodType.SEPA_CREDIT_TRANSFER, new Rule(currencies("EUR"), SEPA_COUNTRIES));
    return rules;
  }

  private PaymentMethodAvailability() {}

  /** The rule of a method. */
  public static Rule rule(PaymentMethodType type) {
    Rule rule = RULES.get(type);
    if (rule == null) {
      throw new IllegalStateException("payment method " + type + " has no availability rule");
    }
    return rule;
  }

  /** Whether a merchant may offer the method in this currency at all, whoever the shopper. */
  public static boolean allowsCurrency(PaymentMethodType type, CurrencyCode currency) {
    return rule(type).allowsCurrency(currency);
  }

  /**
   * Whether the method may be shown for this currency to a shopper of this country.
   *
   * @param country ISO 3166 alpha-2, or null when unknown (then only the currency counts)
   */
  public static boolean allows(PaymentMethodType type, CurrencyCode currency, String country) {
    Rule rule = rule(type);
    return rule.allowsCurrency(currency) && rule.allowsCountry(country);
  }

  /**
   * What a session offers when the merchant names no methods: every method the currency allows, in
   * the enum's order (card first).
   */
  public static List<PaymentMethodType> defaultsFor(CurrencyCode currency) {
    List<PaymentMethodType> all = new ArrayList<>();
    for (PaymentMethodType type : PaymentMethodType.values()) {
      if (allowsCurrency(type, currency)) {
        all.add(type);
      }
    }
    return List.copyOf(all);
  }

  /**
   * What the hosted page shows: the session's methods that the currency and the shopper's country
   * allow, in the session's order.
   *
   * @param country ISO 3166 alpha-2, or null when unknown
   */
  public static List<PaymentMethodType> shown(
      Collection<PaymentMethodType> offered, CurrencyCode currency, String country) {
    return offered.stream().filter(t -> allows(t, currency, country)).distinct().toList();
  }

  /**
   * Reads and checks a merchant's list of method names against the currency.
   *
   * @param apiNames the names as given, e.g. {@code ["card", "alipay"]}; null or empty for the
   *     defaults
   * @return the methods, in the merchant's order without repeats
   * @throws IllegalArgumentException naming the first unknown method, or one the currency never
   *     allows
   */
  public static List<PaymentMethodType> resolve(List<String> apiNames, CurrencyCode currency) {
    if (apiNames == null || apiNames.isEmpty()) {
      return defaultsFor(currency);
    }
    Set<PaymentMethodType> types = new LinkedHashSet<>();
    for (String name : apiNames) {
      PaymentMethodType type =
          PaymentMethodType.fromApiName(name)
              .orElseThrow(
                  () -> new IllegalArgumentException("unknown payment method type " + name));
      if (!allowsCurrency(type, currency)) {
        throw new IllegalArgumentException(name + " does not take " + currency.code());
      }
      types.add(type);
    }
    return List.copyOf(types);
  }

  /** The first of the names that is not a payment method type, if any. */
  public static Optional<String> firstUnknown(List<String> apiNames) {
    return apiNames == null
        ? Optional.empty()
        : apiNames.stream().filter(n -> PaymentMethodType.fromApiName(n).isEmpty()).findFirst();
  }

  /** The first of the names whose method never takes the currency, if any. */
  public static Optional<String> firstNotInCurrency(List<String> apiNames, CurrencyCode currency) {
    return apiNames == null
        ? Optional.empty()
        : apiNames.stream()
            .filter(
                n ->
                    PaymentMethodType.fromApiName(n)
                        .filter(t -> !allowsCurrency(t, currency))
                        .isPresent())
            .findFirst();
  }

  private static Set<CurrencyCode> currencies(String... codes) {
    Set<CurrencyCode> set = new LinkedHashSet<>();
    for (String code : codes) {
      set.add(CurrencyCode.of(code));
    }
    return Set.copyOf(set);
  }
}
