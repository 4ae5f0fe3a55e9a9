package org.kassa.payment.gateway;

import jakarta.ejb.ApplicationException;

/**
 * The gateway could not be reached or did not answer. The outcome is unknown: the payment stays
 * processing and is settled later by asking the gateway for it by id.
 */
@ApplicationException(rollback = true)
public class GatewayUnavailableException extends RuntimeException {

  public GatewayUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
