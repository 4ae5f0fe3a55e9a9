package org.kassa.payment;

/** The object does not exist, or belongs to someone else (the two are not told apart). */
public class NotFoundException extends BusinessException {

  public NotFoundException(String objectType, String id) {
    super("not_found", "No " + objectType + " with id " + id + " exists.");
  }
}
