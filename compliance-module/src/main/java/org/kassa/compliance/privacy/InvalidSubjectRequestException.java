package org.kassa.compliance.privacy;

import jakarta.ejb.ApplicationException;

/** A data subject request that cannot be taken as given: the message says why. */
@ApplicationException(rollback = true)
public class InvalidSubjectRequestException extends RuntimeException {

  public InvalidSubjectRequestException(String message) {
    super(message);
  }
}
