package org.kassa.payment.dispute;

import org.kassa.payment.BusinessException;

/** Evidence for a dispute that no longer takes it. */
public class DisputeClosedException extends BusinessException {

  public DisputeClosedException(String disputeId, String why) {
    super("dispute_closed", "Dispute " + disputeId + " no longer takes evidence: " + why + ".");
  }
}
