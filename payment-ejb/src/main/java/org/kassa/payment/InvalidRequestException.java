package org.kassa.payment;

import java.util.Map;

/** A request that breaks a business rule about its fields, e.g. line items not adding up. */
public class InvalidRequestException extends BusinessException {

  private final Map<String, String> fieldErrors;

  public InvalidRequestException(String code, String message, Map<String, String> fieldErrors) {
    super(code, message);
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  /** Field path (as the caller named it) to what is wrong with it. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
