package org.kassa.payment.gateway;

import jakarta.ejb.ApplicationException;

/**
 * The gateway refused a request as invalid, which is not a decline: capturing more than was
 * authorized, voiding what was already captured, a currency it does not take. Nothing changed at
 * the gateway.
 */
@ApplicationException(rollback = true)
public class GatewayRejectedException extends RuntimeException {

  private final String code;

  /**
   * @param code the gateway's error code, e.g. Stripe's {@code amount_too_large}
   * @param message the gateway's message, which must not contain personal data
   */
  public GatewayRejectedException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
