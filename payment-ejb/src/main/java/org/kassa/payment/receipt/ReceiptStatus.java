package org.kassa.payment.receipt;

import java.util.Locale;

/** Where a receipt email stands. */
public enum ReceiptStatus {
  /** Due to be sent (again) at its next attempt time. */
  PENDING,
  /** Claimed by a node, until its lease runs out. */
  SENDING,
  /** The mail server took it. */
  SENT,
  /** Every attempt in the retry window failed. */
  FAILED,
  /** Nothing to send any more: the payer's email was erased. */
  CANCELED;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
