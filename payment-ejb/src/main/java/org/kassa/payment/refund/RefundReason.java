package org.kassa.payment.refund;

import java.util.Locale;
import java.util.Optional;

/** Why a merchant refunds, as card networks and Stripe name it. */
public enum RefundReason {
  DUPLICATE,
  FRAUDULENT,
  REQUESTED_BY_CUSTOMER;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reason an API name stands for, if any. */
  public static Optional<RefundReason> fromApiName(String name) {
    for (RefundReason r : values()) {
      if (r.apiName().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
