package org.kassa.compliance.gate;

import java.util.List;

/**
 * The gate's answer.
 *
 * @param id the stored decision's id
 * @param outcome allow, review or block
 * @param reasons why, one line per rule that fired (rule id, then what it saw); empty for a plain
 *     allow
 * @param caseId the case opened for a review, or null
 */
public record GateDecision(String id, Outcome outcome, List<String> reasons, String caseId) {

  /** What the payment module does with the payment. */
  public enum Outcome {
    /** Go on as usual. */
    ALLOW,
    /** Authorize, but capture only when an officer clears the case. */
    REVIEW,
    /** Fail the payment; the shopper is told it cannot be processed, not why. */
    BLOCK
  }

  public GateDecision {
    reasons = List.copyOf(reasons);
  }
}
