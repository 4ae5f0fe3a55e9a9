package org.kassa.compliance.gate;

import jakarta.ejb.ApplicationException;

/** The officer who cleared a sanctions hit first cannot also be the second. */
@ApplicationException(rollback = true)
public class FourEyesException extends RuntimeException {

  public FourEyesException(String caseId) {
    super("Case " + caseId + " is a sanctions hit: another officer must clear it too.");
  }
}
