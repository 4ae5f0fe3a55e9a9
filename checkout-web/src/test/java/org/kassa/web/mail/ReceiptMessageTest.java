package org.kassa.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.Presentment;
import org.kassa.payment.receipt.Receipt;

class ReceiptMessageTest {

  private static final Instant CAPTURED = Instant.parse("2026-03-14T09:26:53Z");

  private static Receipt receipt(
      String merchant, String language, Money amount, Receipt.Line... lines) {
    return new Receipt(
        "pay_abc123",
        "cs_def456",
        merchant,
        amount,
        List.of(lines),
        CAPTURED,
        "card",
        "Visa",
        "4242",
        language,
        null);
  }

  private static Receipt.Line line(String name, int quantity, Money unit) {
    return new Receipt.Line(name, quantity, unit, unit.times(quantity));
  }

  @Test
  void englishHasEveryFactInBothParts() {
    ReceiptMessage m =
        ReceiptMessage.render(
            receipt(
                "Acme Books",
                "en",
                Money.of(2598, "EUR"),
                line("Atlas", 2, Money.of(1299, "EUR"))));

    assertThat(m.subject()).isEqualTo("Your receipt from Acme Books");
    for (String part : List.of(m.text(), Jsoup.parse(m.html()).text())) {
      assertThat(part)
          .contains("Acme Books")
          .contains("€25.98")
          .contains("pay_abc123")
          .contains("Visa ending in 4242")
          .contains("Atlas")
          .contains("What happens next")
          .contains("March 14, 2026");
    }
    assertThat(m.text()).contains("- Atlas × 2: €25.98");
    Document html = Jsoup.parse(m.html());
    assertThat(html.select("html").attr("lang")).isEqualTo("en");
    assertThat(html.select("html").attr("dir")).isEqualTo("ltr");
    assertThat(html.select("table.items tbody tr")).hasSize(1);
  }

  @Test
  void aPaymentInTheShoppersCurrencyLeadsWithWhatWasChargedAndSaysTheRateAndItsDay() {
    Receipt eur = receipt("Acme Books", "en", Money.of(2598, "EUR"));
    Presentment yen =
        new Presentment(
            Money.of(4218, "JPY"),
            new BigDecimal("162.34"),
            "bundled:eurofxref-daily.xml",
            LocalDate.of(2026, 3, 13),
            "fxq_1");
    ReceiptMessage m =
        ReceiptMessage.render(
            new Receipt(
                eur.paymentId(),
                eur.sessionId(),
                eur.merchantName(),
                eur.amount(),
                eur.lines(),
                eur.capturedAt(),
                eur.method(),
                eur.cardBrand(),
                eur.cardLast4(),
                eur.languageTag(),
                yen));

    String exchange =
        "You were charged ¥4,218 (€25.98 at 1 EUR = 162.34 JPY, ECB reference rate of Mar 13,"
            + " 2026).";
    assertThat(m.text()).contains("Amount paid: ¥4,218").contains(exchange);
    Document html = Jsoup.parse(m.html());
    assertThat(html.select("p.exchange").text()).isEqualTo(exchange);
    assertThat(html.text()).contains("Amount paid ¥4,218");
  }

  @Test
  void theHtmlPartEscapesWhatTheMerchantAndTheItemsSay() {
    ReceiptMessage m =
        ReceiptMessage.render(
            receipt(
                "Bob & <b>Sons</b>",
                "en",
                Money.of(500, "USD"),
                line("<script>alert('x')</script>", 1, Money.of(500, "USD"))));

    assertThat(m.html()).doesNotContain("<script>").doesNotContain("<b>Sons");
    assertThat(m.html()).contains("Bob &amp; &lt;b&gt;Sons&lt;/b&gt;");
    Document html = Jsoup.parse(m.html());
    assertThat(html.select("script")).isEmpty();
    assertThat(html.select("table.items tbody td").first().text())
        .isEqualTo("<script>alert('x')</script>");
    // The plain part is text: shown as typed.
    assertThat(m.text()).contains("Bob & <b>Sons</b>");
  }

  @Test
  void arabicIsWrittenRightToLeftWithArabicDigits() {
    ReceiptMessage m =
        ReceiptMessage.render(
            receipt("Souq", "ar", Money.of(12500, "AED"), line("كتاب", 1, Money.of(12500, "AED"))));

    Document html = Jsoup.parse(m.html());
    assertThat(html.select("html").attr("dir")).isEqualTo("rtl");
    assertThat(html.select("html").attr("lang")).isEqualTo("ar");
    assertThat(m.subject()).isEqualTo("إيصالك من Souq");
    assertThat(m.text()).contains("طريقة الدفع").contains("١٢٥٫٠٠").doesNotContain("What happens");
  }

  @Test
  void japaneseShowsYenWithoutDecimals() {
    ReceiptMessage m = ReceiptMessage.render(receipt("東京ストア", "ja", Money.of(1500, "JPY")));

    assertThat(m.subject()).isEqualTo("東京ストア からの領収書");
    assertThat(m.text()).contains("￥1,500").doesNotContain("1,500.").contains("Visa（末尾 4242）");
    assertThat(m.text()).contains("2026年3月14日");
    // No lines, no table of lines.
    assertThat(Jsoup.parse(m.html()).select("table.items")).isEmpty();
  }

  @Test
  void aThreeDecimalCurrencyKeepsItsMinorUnitsAndAnUnknownLanguageFallsBackToEnglish() {
    ReceiptMessage m = ReceiptMessage.render(receipt("Gulf", "sw", Money.of(12345, "KWD")));

    assertThat(m.locale().getLanguage()).isEqualTo("en");
    assertThat(m.text()).contains("12.345");
  }

  @Test
  void germanTranslatesAndFormatsTheGermanWay() {
    ReceiptMessage m = ReceiptMessage.render(receipt("Laden", "de-DE", Money.of(123456, "EUR")));

    assertThat(m.subject()).isEqualTo("Ihre Quittung von Laden");
    assertThat(m.text()).contains("1.234,56").contains("Visa mit Endziffern 4242");
  }
}
