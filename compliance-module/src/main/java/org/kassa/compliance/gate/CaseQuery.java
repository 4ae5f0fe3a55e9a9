package org.kassa.compliance.gate;

import java.util.Objects;

/**
 * A filter over the case queue.
 *
 * @param status open, decided (cleared or confirmed) or all cases
 * @param assignedTo only the cases assigned to this officer (case-insensitive), or null for all
 * @param escalatedOnly only escalated cases
 */
public record CaseQuery(Status status, String assignedTo, boolean escalatedOnly) {

  /** Which cases by status. */
  public enum Status {
    OPEN,
    DECIDED,
    ALL
  }

  public CaseQuery {
    Objects.requireNonNull(status, "status");
    if (assignedTo != null && assignedTo.isBlank()) {
      assignedTo = null;
    }
  }

  /** The open cases, all of them. */
  public static CaseQuery open() {
    return new CaseQuery(Status.OPEN, null, false);
  }
}
