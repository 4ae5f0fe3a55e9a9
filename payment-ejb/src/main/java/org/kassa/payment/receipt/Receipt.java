package org.kassa.payment.receipt;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.Presentment;

/**
 * What a receipt email says, ready to be rendered: the merchant, the payment, its lines and the
 * card (brand and last four only), in the payment's currency, and what the shopper was charged in
 * theirs when the payment was presented in it.
 *
 * @param languageTag the language the receipt is written in (BCP 47)
 * @param method the payment method's API name, e.g. {@code card}
 * @param cardBrand the card brand's display name, or null when not a card
 * @param cardLast4 the card's last four digits, or null
 * @param presentment what the shopper was charged in their own currency, at which locked rate from
 *     which reference rates; null when charged in the payment's currency
 */
public record Receipt(
    String paymentId,
    String sessionId,
    String merchantName,
    Money amount,
    List<Line> lines,
    Instant capturedAt,
    String method,
    String cardBrand,
    String cardLast4,
    String languageTag,
    Presentment presentment) {

  /** One line of the order. */
  public record Line(String name, int quantity, Money unitPrice, Money total) {}

  public Receipt {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(merchantName, "merchantName");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(capturedAt, "capturedAt");
    Objects.requireNonNull(languageTag, "languageTag");
    lines = List.copyOf(lines);
  }
}
