package org.kassa.web.mail;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import org.kassa.payment.payment.Presentment;
import org.kassa.payment.receipt.Receipt;
import org.kassa.web.i18n.MoneyFormat;
import org.kassa.web.i18n.SupportedLocales;

/**
 * A receipt email's subject, plain text and HTML, in the receipt's language (one of the hosted
 * page's, else English), with amounts and dates formatted for it. Everything that comes from the
 * merchant or the shopper is escaped in the HTML.
 *
 * @param locale the language it was written in
 */
public record ReceiptMessage(Locale locale, String subject, String text, String html) {

  private static final String BUNDLE = "org.kassa.web.i18n.messages";

  /** Renders a receipt. */
  public static ReceiptMessage render(Receipt receipt) {
    Locale locale = SupportedLocales.match(receipt.languageTag()).orElse(SupportedLocales.DEFAULT);
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    Texts t = new Texts(bundle, locale);
    String merchant = receipt.merchantName();
    String amount = MoneyFormat.format(receipt.amount(), locale);
    // In the shopper's currency: what they were charged leads, the order's amount and the rate
    // follow.
    String charged =
        receipt.presentment() == null
            ? amount
            : MoneyFormat.format(receipt.presentment().amount(), locale);
    String exchange = receipt.presentment() == null ? null : exchange(t, receipt, locale);
    String date =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale)
                .withDecimalStyle(DecimalStyle.of(locale))
                .format(receipt.capturedAt().atZone(ZoneOffset.UTC))
            + " UTC";
    String paidWith =
        receipt.cardLast4() != null
            ? t.get(
                "receipt.card",
                receipt.cardBrand() == null ? "" : receipt.cardBrand(),
                receipt.cardLast4())
            : receipt.method();
    String subject = t.get("receipt.subject", merchant);

    StringBuilder text = new StringBuilder();
    text.append(t.get("receipt.thanks", merchant, charged)).append("\n\n");
    text.append(t.get("receipt.amount")).append(": ").append(charged).append('\n');
    if (exchange != null) {
      text.append(exchange).append('\n');
    }
    text.append(t.get("receipt.date")).append(": ").append(date).append('\n');
    text.append(t.get("receipt.paymentId")).append(": ").append(receipt.paymentId()).append('\n');
    text.append(t.get("receipt.paidWith")).append(": ").append(paidWith).append('\n');
    if (!receipt.lines().isEmpty()) {
      text.append('\n').append(t.get("receipt.items")).append('\n');
      for (Receipt.Line line : receipt.lines()) {
        text.append("- ")
            .append(line.name())
            .append(" × ")
            .append(line.quantity())
            .append(": ")
            .append(MoneyFormat.format(line.total(), locale))
            .append('\n');
      }
      text.append(t.get("receipt.total")).append(": ").append(amount).append('\n');
    }
    text.append('\n').append(t.get("receipt.next.heading")).append('\n');
    text.append(t.get("receipt.next.text", merchant)).append("\n\n");
    text.append(t.get("receipt.footer", merchant)).append('\n');

    String dir = SupportedLocales.isRightToLeft(locale) ? "rtl" : "ltr";
    String align = "rtl".equals(dir) ? "right" : "left";
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(escape(locale.toLanguageTag()))
        .append("\" dir=\"")
        .append(dir)
        .append("\">\n<head><meta charset=\"UTF-8\"><title>")
        .append(escape(subject))
        .append("</title></head>\n")
        .append("<body style=\"font-family:sans-serif;color:#1a1a1a;text-align:")
        .append(align)
        .append("\">\n");
    html.append("<h1 style=\"font-size:1.3em\">").append(escape(subject)).append("</h1>\n");
    html.append("<p>").append(escape(t.get("receipt.thanks", merchant, charged))).append("</p>\n");
    if (exchange != null) {
      html.append("<p class=\"exchange\">").append(escape(exchange)).append("</p>\n");
    }
    html.append("<table role=\"presentation\" style=\"border-collapse:collapse\">\n");
    row(html, t.get("receipt.amount"), charged);
    row(html, t.get("receipt.date"), date);
    row(html, t.get("receipt.paymentId"), receipt.paymentId());
    row(html, t.get("receipt.paidWith"), paidWith);
    html.append("</table>\n");
    if (!receipt.lines().isEmpty()) {
      html.append("<h2 style=\"font-size:1.1em\">")
          .append(escape(t.get("receipt.items")))
          .append("</h2>\n<table class=\"items\" style=\"border-collapse:collapse\">\n<thead><tr>")
          .append(th(t.get("receipt.item"), align))
          .append(th(t.get("receipt.quantity"), align))
          .append(th(t.get("receipt.price"), align))
          .append("</tr></thead>\n<tbody>\n");
      for (Receipt.Line line : receipt.lines()) {
        html.append("<tr><td style=\"padding:2px 8px\">")
            .append(escape(line.name()))
            .append("</td><td style=\"padding:2px 8px\">")
            .append(
                escape(java.text.NumberFormat.getIntegerInstance(locale).format(line.quantity())))
            .append("</td><td style=\"padding:2px 8px\">")
            .append(escape(MoneyFormat.format(line.total(), locale)))
            .append("</td></tr>\n");
      }
      html.append("</tbody>\n<tfoot><tr><th colspan=\"2\" style=\"padding:2px 8px;text-align:")
          .append(align)
          .append("\">")
          .append(escape(t.get("receipt.total")))
          .append("</th><th style=\"padding:2px 8px\">")
          .append(escape(amount))
          .append("</th></tr></tfoot>\n</table>\n");
    }
    html.append("<h2 style=\"font-size:1.1em\">")
        .append(escape(t.get("receipt.next.heading")))
        .append("</h2>\n<p>")
        .append(escape(t.get("receipt.next.text", merchant)))
        .append("</p>\n<p style=\"color:#555;font-size:0.9em\">")
        .append(escape(t.get("receipt.footer", merchant)))
        .append("</p>\n</body>\n</html>\n");
    return new ReceiptMessage(locale, subject, text.toString(), html.toString());
  }

  /** The hosted page's own sentence: charged, the order's amount, the locked rate and its day. */
  private static String exchange(Texts t, Receipt receipt, Locale locale) {
    Presentment terms = receipt.presentment();
    NumberFormat rate = NumberFormat.getNumberInstance(locale);
    rate.setMaximumFractionDigits(Math.max(0, terms.rate().stripTrailingZeros().scale()));
    rate.setMinimumFractionDigits(0);
    return t.get(
        "presentment.receipt",
        MoneyFormat.format(terms.amount(), locale),
        MoneyFormat.format(receipt.amount(), locale),
        receipt.amount().currency().code(),
        rate.format(terms.rate()),
        terms.amount().currency().code(),
        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(locale)
            .withDecimalStyle(DecimalStyle.of(locale))
            .format(terms.ratesDate()));
  }

  private static void row(StringBuilder html, String label, String value) {
    html.append("<tr><th scope=\"row\" style=\"padding:2px 8px;font-weight:normal;color:#555\">")
        .append(escape(label))
        .append("</th><td style=\"padding:2px 8px\">")
        .append(escape(value))
        .append("</td></tr>\n");
  }

  private static String th(String label, String align) {
    return "<th scope=\"col\" style=\"padding:2px 8px;text-align:"
        + align
        + "\">"
        + escape(label)
        + "</th>";
  }

  /** HTML text and attribute escaping: merchant names and item names are not trusted. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The bundle's messages, with arguments formatted for the locale. */
  private record Texts(ResourceBundle bundle, Locale locale) {
    String get(String key, Object... arguments) {
      String pattern = bundle.getString(key);
      return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
  }
}
