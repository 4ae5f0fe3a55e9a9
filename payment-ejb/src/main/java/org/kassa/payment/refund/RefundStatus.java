package org.kassa.payment.refund;

import java.util.Locale;

/** Where a refund stands: sent to the gateway, done, or refused by it. */
public enum RefundStatus {
  PENDING,
  SUCCEEDED,
  FAILED;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
