package org.kassa.compliance.gate;

/**
 * What an officer's decision on a review case does to the payment: implemented by the payment
 * module (a CDI bean), called by {@link ComplianceCases} after the decision is stored.
 */
public interface ReviewedPayments {

  /** The officer cleared the case: capture the held authorization. */
  void release(String paymentRef);

  /** The officer confirmed the concern: void the authorization, nothing is charged. */
  void cancel(String paymentRef);
}
