package org.kassa.compliance.gate;

import java.util.List;
import java.util.Objects;
import org.kassa.compliance.kyc.KycTier;

/**
 * The gate's answer.
 *
 * @param id the stored decision's id
 * @param outcome allow, review or block
 * @param reasons why, one line per rule that fired (rule id, then what it saw); empty for a plain
 *     allow
 * @param caseId the case opened for a review, or null
 * @param kycRequired for KYC_REQUIRED, the tier the payer must verify first; NONE otherwise
 */
public record GateDecision(
    String id, Outcome outcome, List<String> reasons, String caseId, KycTier kycRequired) {

  /** What the payment module does with the payment. */
  public enum Outcome {
    /** Go on as usual. */
    ALLOW,
    /** Authorize, but capture only when an officer clears the case. */
    REVIEW,
    /**
     * Fail the payment before any gateway call: the payer must verify their identity to the tier
     * {@link #kycRequired} first, then pay again.
     */
    KYC_REQUIRED,
    /** Fail the payment; the shopper is told it cannot be processed, not why. */
    BLOCK
  }

  public GateDecision {
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(kycRequired, "kycRequired");
  }

  /** A decision that asks for no KYC. */
  public GateDecision(String id, Outcome outcome, List<String> reasons, String caseId) {
    this(id, outcome, reasons, caseId, KycTier.NONE);
  }
}
