package org.kassa.compliance.privacy;

import jakarta.ejb.ApplicationException;

/** A data subject request is not in a state that allows the action asked for. */
@ApplicationException(rollback = true)
public class SubjectRequestStateException extends RuntimeException {

  private final String requestId;

  public SubjectRequestStateException(
      String requestId, DataSubjectRequest.Status status, String action) {
    super(
        "Cannot "
            + action
            + " request "
            + requestId
            + ": it is "
            + status.name().toLowerCase(java.util.Locale.ROOT)
            + ".");
    this.requestId = requestId;
  }

  public String requestId() {
    return requestId;
  }
}
