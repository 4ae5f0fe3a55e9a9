package org.kassa.compliance.aml;

/**
 * A file that is not what its format says: a loader refuses it whole, so that a bad file never
 * replaces a good list.
 */
public class ListFormatException extends Exception {

  public ListFormatException(String message) {
    super(message);
  }

  public ListFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
