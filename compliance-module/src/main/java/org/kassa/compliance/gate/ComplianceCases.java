package org.kassa.compliance.gate;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.privacy.Pseudonymizer;

/**
 * Review cases: the officer clears one (the payment is captured) or confirms it (the payment is
 * voided). The decision is stored and audited first, in its own transaction; then the payment
 * module acts on it.
 */
@Stateless
public class ComplianceCases {

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  private static final Logger LOG = Logger.getLogger(ComplianceCases.class.getName());

  @Inject private AuditTrail audit;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private Instance<ReviewedPayments> payments;
  @Inject private ComplianceCases self;

  private final Clock clock = Clock.systemUTC();

  /** Open cases, oldest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ComplianceCase> open() {
    return em.createQuery(
            "SELECT c FROM ComplianceCase c WHERE c.status = :s ORDER BY c.createdAt",
            ComplianceCase.class)
        .setParameter("s", ComplianceCase.Status.OPEN)
        .getResultList();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ComplianceCase> find(String caseId) {
    return Optional.ofNullable(caseId == null ? null : em.find(ComplianceCase.class, caseId));
  }

  /** Why the case was opened: the gate's reasons for its payment, or the re-screening's. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public String reasons(ComplianceCase c) {
    if (c.decisionId() == null) {
      return c.ownReasons().orElse("");
    }
    return (String)
        em.createNativeQuery("SELECT reasons FROM gate_decision WHERE id = ?1")
            .setParameter(1, c.decisionId())
            .getSingleResult();
  }

  /**
   * Decides a case and has the payment module act on it.
   *
   * @param cleared true to clear (release the payment), false to confirm (void it)
   * @throws CaseDecidedException if it was decided before
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ComplianceCase decide(String caseId, boolean cleared, String officer) {
    ComplianceCase decided = self.record(caseId, cleared, officer);
    if (decided.status() == ComplianceCase.Status.OPEN) {
      return decided; // the first of two officers cleared a sanctions hit: the payment waits
    }
    if (decided.payments().isEmpty()) {
      return decided; // a re-screening's case that held no authorization
    }
    ReviewedPayments reviewed = payments.get();
    RuntimeException first = null;
    for (String paymentRef : decided.payments()) {
      try {
        if (cleared) {
          reviewed.release(paymentRef);
        } else {
          reviewed.cancel(paymentRef);
        }
      } catch (RuntimeException e) {
        // The decision stands; one payment failing must not leave the others held.
        LOG.log(
            Level.WARNING,
            "event=case.payment_failed case=" + caseId + " payment=" + paymentRef,
            e);
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
    return decided;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ComplianceCase record(String caseId, boolean cleared, String officer) {
    ComplianceCase c = em.find(ComplianceCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
    if (c == null) {
      throw new IllegalArgumentException("no case " + caseId);
    }
    boolean done = c.decide(cleared, officer, clock.instant());
    audit.append(
        AuditRecord.of(
                "officer:" + pseudonymizer.pseudonym(officer),
                !done ? "case.first_clearance" : cleared ? "case.cleared" : "case.confirmed",
                "case",
                c.id(),
                c.status().name().toLowerCase(java.util.Locale.ROOT))
            .withSubject(c.subjectRef().orElse(null))
            .withDetail("payments=" + String.join(",", c.payments())));
    return c;
  }
}
