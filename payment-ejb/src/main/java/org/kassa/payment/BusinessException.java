package org.kassa.payment;

import jakarta.ejb.ApplicationException;

/**
 * The root of every expected business failure: a request Kassa refuses for a reason the caller can
 * understand and act on. It rolls the transaction back, and interfaces turn it into a 4xx or a
 * message on the page, never a stack trace.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class BusinessException extends RuntimeException {

  private final String code;

  protected BusinessException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** A stable, machine-readable code, e.g. {@code idempotency_key_reused}. */
  public String code() {
    return code;
  }
}
