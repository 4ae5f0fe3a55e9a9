package org.kassa.payment.gateway;

import jakarta.ejb.ApplicationException;

/**
 * A callback that must not be trusted: a signature that does not match, a timestamp outside the
 * tolerance, a body that cannot be read. Kassa answers 400 and changes nothing.
 */
@ApplicationException(rollback = true)
public class InvalidCallbackException extends RuntimeException {

  public InvalidCallbackException(String message) {
    super(message);
  }
}
