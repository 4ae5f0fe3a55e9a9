package org.kassa.payment.payment;

import java.util.Locale;

/** Whether a payment is captured as soon as it is authorized, or later by the merchant. */
public enum CaptureMethod {
  AUTOMATIC,
  /** Authorize now; the merchant captures all or part later, before the deadline, or voids it. */
  MANUAL;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
