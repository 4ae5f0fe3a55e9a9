package org.kassa.payment.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kassa.compliance.gate.ComplianceCase;
import org.kassa.compliance.gate.ComplianceCases;

/**
 * Compliance holds on authorizations: a re-screening that finds a customer on a list holds every
 * authorization of theirs not yet captured, and a held payment is captured only once its case is
 * cleared.
 */
@Stateless
public class ReviewHolds {

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private PaymentStateMachine stateMachine;
  @Inject private ComplianceCases cases;

  /**
   * Holds the subject's authorizations not yet captured, and transfers not yet arrived, for {@code
   * caseId}, in the caller's transaction; each row is locked, so a capture running at the same time
   * either finishes first (the payment is no longer authorized) or finds it held.
   *
   * @return the payments held
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public List<String> holdOpenAuthorizations(String subjectRef, String caseId) {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT id FROM payment WHERE subject_ref = ?1 AND (status = 'AUTHORIZED'"
                    // A transfer still awaited: held, its money is not captured when it arrives.
                    + " OR (status = 'REQUIRES_ACTION' AND payment_method = 'SEPA_CREDIT_TRANSFER'))"
                    + " ORDER BY created_at")
            .setParameter(1, subjectRef)
            .getResultList();
    List<String> held = new ArrayList<>();
    for (String id : ids) {
      Payment payment = em.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (payment != null && payment.canBeHeldForReview()) {
        payment.holdForReview(caseId);
        stateMachine.heldForReview(payment, caseId);
        held.add(id);
      }
    }
    return held;
  }

  /** The open case holding the payment, if one does: it may not be captured before the decision. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> openCaseHolding(Payment payment) {
    return payment
        .reviewCase()
        .flatMap(cases::find)
        .filter(c -> c.status() == ComplianceCase.Status.OPEN)
        .map(ComplianceCase::id);
  }
}
