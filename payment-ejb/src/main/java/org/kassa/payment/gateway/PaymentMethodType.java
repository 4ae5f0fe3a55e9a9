package org.kassa.payment.gateway;

import java.util.Locale;

/** The kinds of payment method a gateway may support. */
public enum PaymentMethodType {
  CARD,
  PAYPAL;

  /** The name the API uses, e.g. {@code card}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
