package org.kassa.payment.gateway;

/**
 * A callback that must not be trusted: a signature that does not match, a timestamp outside the
 * tolerance, a body that cannot be read. Kassa answers 400 and changes nothing.
 */
public class InvalidCallbackException extends RuntimeException {

  public InvalidCallbackException(String message) {
    super(message);
  }
}
