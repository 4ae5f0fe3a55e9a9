package org.kassa.compliance.gate;

import jakarta.ejb.ApplicationException;

/** A case that was decided already. */
@ApplicationException(rollback = true)
public class CaseDecidedException extends RuntimeException {

  public CaseDecidedException(String caseId, ComplianceCase.Status status) {
    super(
        "Case " + caseId + " is " + status.name().toLowerCase(java.util.Locale.ROOT) + " already.");
  }
}
