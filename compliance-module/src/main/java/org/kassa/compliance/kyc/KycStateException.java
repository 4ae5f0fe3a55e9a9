package org.kassa.compliance.kyc;

import jakarta.ejb.ApplicationException;

/** A KYC step that does not fit where the profile stands; {@link #code()} names it. */
@ApplicationException(rollback = true)
public class KycStateException extends RuntimeException {

  private final String code;

  public KycStateException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** {@code kyc_under_review}, {@code kyc_not_pending_review}, {@code kyc_not_submitted}. */
  public String code() {
    return code;
  }
}
