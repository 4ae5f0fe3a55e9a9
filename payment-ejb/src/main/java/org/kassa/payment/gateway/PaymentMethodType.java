package org.kassa.payment.gateway;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of payment method a gateway may support. Which currencies and shopper countries each
 * one allows is {@link org.kassa.payment.checkout.PaymentMethodAvailability}'s table; how the
 * hosted page takes it is its own page fragment ({@code WEB-INF/includes/method-<api name>.xhtml}).
 */
public enum PaymentMethodType {
  /** A card typed on the page or saved, with 3-D Secure when the issuer asks for it. */
  CARD,
  /** An e-wallet the shopper is sent to, approves in, and comes back from (PayPal). */
  PAYPAL,
  /** A QR-code wallet: the page shows a code the shopper scans with Alipay. */
  ALIPAY,
  /** A QR-code wallet: the page shows a code the shopper scans with WeChat Pay. */
  WECHAT_PAY,
  /**
   * A SEPA credit transfer: the page shows the account, the amount and a creditor reference; the
   * payment waits until the bank reports the credit (see {@code org.kassa.payment.banktransfer}).
   */
  SEPA_CREDIT_TRANSFER;

  /**
   * Whether the payer sends the money (a credit transfer) rather than a gateway taking it: no
   * gateway holds an authorization, so capturing books what already arrived and voiding returns it.
   */
  public boolean payerSendsMoney() {
    return this == SEPA_CREDIT_TRANSFER;
  }

  /** The name the API uses, e.g. {@code card}, {@code wechat_pay}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type with this API name, e.g. {@code wechat_pay}; empty for any other text. */
  public static Optional<PaymentMethodType> fromApiName(String apiName) {
    for (PaymentMethodType type : values()) {
      if (type.apiName().equals(apiName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
