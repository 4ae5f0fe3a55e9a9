package org.kassa.payment.refund;

import java.util.Locale;

/**
 * Where a refund stands: waiting for a second merchant admin's approval (four-eyes), sent to the
 * gateway, done, or refused (by the gateway, or by the approver).
 */
public enum RefundStatus {
  REQUIRES_APPROVAL,
  PENDING,
  SUCCEEDED,
  FAILED;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
