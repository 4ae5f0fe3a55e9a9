package org.kassa.web.console;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.PaymentFilter;
import org.kassa.payment.payment.PaymentOrder;
import org.kassa.payment.payment.PaymentStatus;

/**
 * The payments search as typed, and as it stands in the page's URL (so a search can be bookmarked
 * and shared): every field a text, read into a {@link PaymentFilter} or into a message per field
 * that is wrong. Dates are UTC days, {@code from} and {@code to} both included.
 */
public class PaymentSearchForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The URL parameters, in the order the URL lists them. */
  static final String[] PARAMETERS = {
    "status", "method", "currency", "min", "max", "from", "to", "customer", "email", "sort"
  };

  private static final int MAX_TEXT = 254;

  private String status;
  private String method;
  private String currency;
  private String min;
  private String max;
  private String from;
  private String to;
  private String customer;
  private String email;
  private String sort;

  /** A message for one field: a key of the console bundle and its arguments. */
  public record FieldError(String key, Object... arguments) implements Serializable {}

  /**
   * What the form says: a filter and an order when every field is right, else the errors by field
   * name.
   */
  public record Reading(PaymentFilter filter, PaymentOrder order, Map<String, FieldError> errors)
      implements Serializable {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  /** The form as a URL's parameters fill it ({@code parameter} answers null for a missing one). */
  public static PaymentSearchForm of(Function<String, String> parameter) {
    PaymentSearchForm f = new PaymentSearchForm();
    f.status = parameter.apply("status");
    f.method = parameter.apply("method");
    f.currency = parameter.apply("currency");
    f.min = parameter.apply("min");
    f.max = parameter.apply("max");
    f.from = parameter.apply("from");
    f.to = parameter.apply("to");
    f.customer = parameter.apply("customer");
    f.email = parameter.apply("email");
    f.sort = parameter.apply("sort");
    return f;
  }

  /**
   * Reads the form.
   *
   * @param locale the console's language (its decimal separator is accepted in amounts)
   * @param pseudonym turns an email address into the payer's pseudonymous id, the only form in
   *     which it can be searched
   */
  public Reading read(Locale locale, UnaryOperator<String> pseudonym) {
    Map<String, FieldError> errors = new LinkedHashMap<>();
    for (String name : PARAMETERS) {
      String value = value(name);
      if (value != null && value.length() > MAX_TEXT) {
        errors.put(name, new FieldError("console.search.tooLong", MAX_TEXT));
      }
    }
    if (!errors.isEmpty()) {
      return new Reading(null, PaymentOrder.NEWEST, errors);
    }
    PaymentStatus statusValue = null;
    if (present(status)) {
      statusValue = enumOf(PaymentStatus.class, status);
      if (statusValue == null) {
        errors.put("status", new FieldError("console.search.badStatus", status.strip()));
      }
    }
    PaymentMethodType methodValue = null;
    if (present(method)) {
      methodValue = enumOf(PaymentMethodType.class, method);
      if (methodValue == null) {
        errors.put("method", new FieldError("console.search.badMethod", method.strip()));
      }
    }
    CurrencyCode currencyValue = null;
    if (present(currency)) {
      String code = currency.strip().toUpperCase(Locale.ROOT);
      if (CurrencyCode.isValid(code)) {
        currencyValue = CurrencyCode.of(code);
      } else {
        errors.put("currency", new FieldError("console.search.badCurrency", currency.strip()));
      }
    }
    Long minValue = amount("min", min, currencyValue, locale, errors);
    Long maxValue = amount("max", max, currencyValue, locale, errors);
    if (minValue != null && maxValue != null && minValue > maxValue) {
      errors.put("max", new FieldError("console.search.maxBelowMin"));
    }
    LocalDate fromDay = day("from", from, errors);
    LocalDate toDay = day("to", to, errors);
    if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
      errors.put("to", new FieldError("console.search.toBeforeFrom"));
    }
    String subject = null;
    if (present(email)) {
      String e = email.strip();
      if (!e.matches("[^@\\s]+@[^@\\s]+")) {
        errors.put("email", new FieldError("console.search.badEmail", e));
      } else {
        subject = pseudonym.apply(e);
      }
    }
    PaymentOrder order = PaymentOrder.NEWEST;
    if (present(sort)) {
      order = PaymentOrder.fromUrlName(sort).orElse(null);
      if (order == null) {
        errors.put("sort", new FieldError("console.search.badSort", sort.strip()));
        order = PaymentOrder.NEWEST;
      }
    }
    if (!errors.isEmpty()) {
      return new Reading(null, order, errors);
    }
    return new Reading(
        new PaymentFilter(
            statusValue,
            methodValue,
            currencyValue,
            minValue,
            maxValue,
            fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
            toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            present(customer) ? customer.strip() : null,
            subject),
        order,
        Map.of());
  }

  private static Long amount(
      String field,
      String text,
      CurrencyCode currency,
      Locale locale,
      Map<String, FieldError> errors) {
    if (!present(text)) {
      return null;
    }
    if (currency == null) {
      if (!errors.containsKey("currency")) {
        errors.put(field, new FieldError("console.search.amountNeedsCurrency"));
      }
      return null;
    }
    try {
      return AmountText.parse(text, currency, locale).minorUnits();
    } catch (AmountText.Invalid e) {
      errors.put(field, new FieldError(e.key(), e.arguments()));
      return null;
    }
  }

  private static LocalDate day(String field, String text, Map<String, FieldError> errors) {
    if (!present(text)) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, new FieldError("console.search.badDate", text.strip()));
      return null;
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String apiName) {
    String name = apiName.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /**
   * The form as URL query, {@code ?status=captured&currency=EUR...}, with only the fields that are
   * filled, amounts with a point; empty when nothing is.
   */
  public String query(Locale locale) {
    StringBuilder q = new StringBuilder();
    for (String name : PARAMETERS) {
      String value = value(name);
      if (!present(value)) {
        continue;
      }
      value = value.strip();
      if (name.equals("currency")) {
        value = value.toUpperCase(Locale.ROOT);
      }
      if ((name.equals("min") || name.equals("max")) && CurrencyCode.isValid(canonicalCurrency())) {
        try {
          Money m = AmountText.parse(value, CurrencyCode.of(canonicalCurrency()), locale);
          value = AmountText.plain(m);
        } catch (AmountText.Invalid keepAsTyped) {
          // read() reports it; the URL keeps what was typed
        }
      }
      q.append(q.length() == 0 ? '?' : '&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  private String canonicalCurrency() {
    return currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
  }

  private String value(String name) {
    return switch (name) {
      case "status" -> status;
      case "method" -> method;
      case "currency" -> currency;
      case "min" -> min;
      case "max" -> max;
      case "from" -> from;
      case "to" -> to;
      case "customer" -> customer;
      case "email" -> email;
      case "sort" -> sort;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** Whether any filter is set: the page then says how many payments match. */
  public boolean isFiltered() {
    for (String name : PARAMETERS) {
      if (!name.equals("sort") && present(value(name))) {
        return true;
      }
    }
    return false;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public String getMin() {
    return min;
  }

  public void setMin(String min) {
    this.min = min;
  }

  public String getMax() {
    return max;
  }

  public void setMax(String max) {
    this.max = max;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getCustomer() {
    return customer;
  }

  public void setCustomer(String customer) {
    this.customer = customer;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }
}
