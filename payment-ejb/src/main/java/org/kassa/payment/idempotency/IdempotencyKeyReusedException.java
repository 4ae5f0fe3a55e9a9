package org.kassa.payment.idempotency;

import org.kassa.payment.BusinessException;

/** The idempotency key was already used with a different request. */
public class IdempotencyKeyReusedException extends BusinessException {

  public IdempotencyKeyReusedException() {
    super(
        "idempotency_key_reused",
        "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
  }
}
