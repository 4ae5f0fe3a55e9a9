package org.kassa.payment.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a reported problem is about, as the shopper chose it. */
public enum TicketCategory {
  PAYMENT_FAILED,
  CHARGED_TWICE,
  WRONG_AMOUNT,
  REFUND,
  SECURITY,
  OTHER;

  /** The name the API uses, e.g. {@code payment_failed}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TicketCategory> fromApiName(String name) {
    return Arrays.stream(values()).filter(c -> c.apiName().equals(name)).findFirst();
  }
}
