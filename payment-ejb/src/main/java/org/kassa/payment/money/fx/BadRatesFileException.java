package org.kassa.payment.money.fx;

/** A reference-rates file that is not a usable ECB-format file; the rates in use stay. */
public class BadRatesFileException extends Exception {

  private static final long serialVersionUID = 1L;

  public BadRatesFileException(String message) {
    super(message);
  }

  public BadRatesFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
