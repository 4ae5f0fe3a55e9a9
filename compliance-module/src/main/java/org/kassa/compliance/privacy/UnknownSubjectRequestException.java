package org.kassa.compliance.privacy;

import jakarta.ejb.ApplicationException;

/** No data subject request has this id. */
@ApplicationException(rollback = true)
public class UnknownSubjectRequestException extends RuntimeException {

  public UnknownSubjectRequestException(String requestId) {
    super("No data subject request " + requestId + ".");
  }
}
