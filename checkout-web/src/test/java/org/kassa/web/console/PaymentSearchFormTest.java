package org.kassa.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.payment.PaymentFilter;
import org.kassa.payment.payment.PaymentOrder;
import org.kassa.payment.payment.PaymentStatus;

class PaymentSearchFormTest {

  private static final UnaryOperator<String> PSEUDONYM =
      e -> "sub_of_" + e.toLowerCase(Locale.ROOT);

  private static PaymentSearchForm.Reading read(Map<String, String> params, Locale locale) {
    return PaymentSearchForm.of(params::get).read(locale, PSEUDONYM);
  }

  @Test
  void anEmptyFormFindsEverythingNewestFirst() {
    PaymentSearchForm.Reading r = read(Map.of(), Locale.ENGLISH);
    assertThat(r.valid()).isTrue();
    assertThat(r.filter()).isEqualTo(PaymentFilter.NONE);
    assertThat(r.order()).isEqualTo(PaymentOrder.NEWEST);
    assertThat(PaymentSearchForm.of(Map.<String, String>of()::get).query(Locale.ENGLISH)).isEmpty();
  }

  @Test
  void everyFieldIsReadIntoTheFilter() {
    PaymentSearchForm.Reading r =
        read(
            Map.of(
                "status", "partially_refunded",
                "method", "card",
                "currency", "eur",
                "min", "10,5",
                "max", "20",
                "from", "2026-11-01",
                "to", "2026-11-30",
                "customer", " cus_42 ",
                "email", "Ann@Example.com",
                "sort", "largest"),
            Locale.GERMAN);

    assertThat(r.errors()).isEmpty();
    assertThat(r.filter())
        .isEqualTo(
            new PaymentFilter(
                PaymentStatus.PARTIALLY_REFUNDED,
                PaymentMethodType.CARD,
                CurrencyCode.of("EUR"),
                1050L,
                2000L,
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"),
                "cus_42",
                "sub_of_ann@example.com"));
    assertThat(r.order()).isEqualTo(PaymentOrder.LARGEST);
  }

  @Test
  void eachWrongFieldGetsItsOwnMessage() {
    PaymentSearchForm.Reading r =
        read(
            Map.of(
                "status", "paid-ish",
                "method", "cash",
                "currency", "EURO",
                "from", "26.11.2026",
                "email", "not-an-email",
                "sort", "random"),
            Locale.ENGLISH);

    assertThat(r.valid()).isFalse();
    assertThat(r.filter()).isNull();
    assertThat(r.errors().keySet())
        .containsExactlyInAnyOrder("status", "method", "currency", "from", "email", "sort");
    assertThat(r.errors().get("currency").key()).isEqualTo("console.search.badCurrency");
    assertThat(r.errors().get("from").key()).isEqualTo("console.search.badDate");
  }

  @Test
  void anAmountNeedsACurrencyAndTheCurrencysDecimals() {
    assertThat(read(Map.of("min", "10"), Locale.ENGLISH).errors().get("min").key())
        .isEqualTo("console.search.amountNeedsCurrency");
    assertThat(
            read(Map.of("currency", "JPY", "max", "10.5"), Locale.ENGLISH)
                .errors()
                .get("max")
                .key())
        .isEqualTo("console.amount.tooManyDecimals");
    assertThat(
            read(Map.of("currency", "EUR", "min", "20", "max", "10"), Locale.ENGLISH)
                .errors()
                .get("max")
                .key())
        .isEqualTo("console.search.maxBelowMin");
    assertThat(
            read(Map.of("from", "2026-11-02", "to", "2026-11-01"), Locale.ENGLISH)
                .errors()
                .get("to")
                .key())
        .isEqualTo("console.search.toBeforeFrom");
  }

  @Test
  void aVeryLongValueIsRefusedBeforeAnythingElse() {
    assertThat(read(Map.of("customer", "x".repeat(300)), Locale.ENGLISH).errors())
        .containsOnlyKeys("customer");
  }

  @Test
  void theUrlListsTheFilledFieldsWithAmountsWithAPoint() {
    PaymentSearchForm form =
        PaymentSearchForm.of(
            Map.of("currency", "eur", "min", "10,5", "email", "a+b@example.com", "status", " ")
                ::get);
    assertThat(form.query(Locale.GERMAN))
        .isEqualTo("?currency=EUR&min=10.50&email=a%2Bb%40example.com");
    assertThat(form.isFiltered()).isTrue();
    assertThat(PaymentSearchForm.of(Map.of("sort", "oldest")::get).isFiltered()).isFalse();
  }
}
