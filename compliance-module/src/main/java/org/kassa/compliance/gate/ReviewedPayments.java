package org.kassa.compliance.gate;

import java.util.List;

/**
 * What compliance decisions do to payments: implemented by the payment module (a CDI bean), called
 * by {@link ComplianceCases} after an officer's decision is stored, and by {@link Rescreening} when
 * a screened customer turns up on a list.
 */
public interface ReviewedPayments {

  /**
   * The officer cleared the case: capture the held authorization, unless another case, still open,
   * holds it too (it is captured when that one is cleared).
   */
  void release(String paymentRef);

  /** The officer confirmed the concern: void the authorization, nothing is charged. */
  void cancel(String paymentRef);

  /**
   * Holds every open authorization of the subject (authorized, not yet captured) for the case, so
   * that none is captured until the case is cleared; in the caller's transaction.
   *
   * @param subjectRef the customer's pseudonymous id
   * @param caseId the case that holds them
   * @return the ids of the payments now held
   */
  List<String> holdOpenAuthorizations(String subjectRef, String caseId);
}
