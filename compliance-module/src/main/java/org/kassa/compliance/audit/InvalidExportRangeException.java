package org.kassa.compliance.audit;

import jakarta.ejb.ApplicationException;

/** An export range outside the trail, or larger than one export holds. */
@ApplicationException(rollback = true)
public class InvalidExportRangeException extends RuntimeException {

  public InvalidExportRangeException(String message) {
    super(message);
  }
}
