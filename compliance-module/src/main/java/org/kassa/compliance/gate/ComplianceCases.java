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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.compliance.text.RandomTokens;

/**
 * Alerts and review cases. The gate raises an alert per rule hit; the alerts that hold a payment
 * put it in its customer's open case, or open one. The officer clears a case (its payments are
 * captured) or confirms it (they are voided). The decision is stored and audited first, in its own
 * transaction; then the payment module acts on each payment.
 */
@Stateless
public class ComplianceCases {

  private static final Logger LOG = Logger.getLogger(ComplianceCases.class.getName());

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

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

  /** The alerts of a case, oldest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Alert> alerts(ComplianceCase c) {
    return em.createQuery(
            "SELECT a FROM Alert a WHERE a.caseId = :c ORDER BY a.raisedAt, a.id", Alert.class)
        .setParameter("c", c.id())
        .getResultList();
  }

  /** Why the case is open: its alerts' reasons as the gate gave them, then a re-screening's. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public String reasons(ComplianceCase c) {
    return Stream.concat(alerts(c).stream().map(Alert::reason).distinct(), c.ownReasons().stream())
        .collect(Collectors.joining("; "));
  }

  /**
   * Raises an alert for each of a gate decision's reasons. When the gate holds the payment, it
   * joins its customer's open case, or opens one (a payment without a customer has one of its own);
   * the alerts are that case's.
   *
   * @param reasons the decision's reasons, each starting with its rule id
   * @param hold whether the gate holds the payment for review
   * @param alertOnly rule ids whose alerts do not hold a payment
   * @return the case holding the payment, or null
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public String raise(
      String decisionId,
      PaymentContext payment,
      List<String> reasons,
      boolean hold,
      Set<String> alertOnly,
      Instant now) {
    ComplianceCase held = null;
    if (hold) {
      boolean sanctionsHit =
          reasons.stream().anyMatch(r -> Alert.ruleOf(r).equals(Alert.SANCTIONS_HIT));
      held = payment.subjectRef() == null ? null : openCaseOf(payment.subjectRef());
      if (held == null) {
        held =
            new ComplianceCase(
                "case_" + RandomTokens.base62(20),
                payment.subjectRef(),
                payment.paymentRef(),
                decisionId,
                sanctionsHit,
                now);
        em.persist(held);
        // The alerts refer to the case by its id, not by a relationship the provider could order
        // inserts by: the case goes first.
        em.flush();
      } else {
        held.hold(payment.paymentRef(), sanctionsHit, now);
      }
    }
    String caseId = held == null ? null : held.id();
    for (String reason : reasons) {
      em.persist(
          new Alert(
              "al_" + RandomTokens.base62(24),
              reason,
              payment.subjectRef(),
              payment.paymentRef(),
              decisionId,
              hold && !alertOnly.contains(Alert.ruleOf(reason)),
              caseId,
              now));
    }
    return caseId;
  }

  /**
   * A re-screening's findings about a customer: they join the customer's open case (one open case a
   * customer), or open one.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public ComplianceCase rescreeningFound(String subjectRef, String reasons, Instant now) {
    ComplianceCase open = openCaseOf(subjectRef);
    if (open != null) {
      open.rescreeningFound(reasons, now);
      return open;
    }
    ComplianceCase opened =
        ComplianceCase.forRescreening("case_" + RandomTokens.base62(20), subjectRef, reasons, now);
    em.persist(opened);
    em.flush();
    return opened;
  }

  /** The customer's open case, locked so that a decision and a new payment do not cross. */
  private ComplianceCase openCaseOf(String subjectRef) {
    return em.createQuery(
            "SELECT c FROM ComplianceCase c WHERE c.openSubjectRef = :s", ComplianceCase.class)
        .setParameter("s", subjectRef)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /**
   * Decides a case and has the payment module act on each of its payments.
   *
   * @param cleared true to clear (release the payments), false to confirm (void them)
   * @throws CaseDecidedException if it was decided before
   * @throws RuntimeException the first payment the payment module could not act on, after it was
   *     asked about every one (the decision stands)
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ComplianceCase decide(String caseId, boolean cleared, String officer) {
    ComplianceCase decided = self.record(caseId, cleared, officer);
    if (decided.status() == ComplianceCase.Status.OPEN) {
      return decided; // the first of two officers cleared a sanctions hit: the payments wait
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
        // One payment that cannot be acted on (e.g. its authorization expired) must not keep the
        // others held.
        LOG.warning(
            () ->
                "event=case.payment_not_settled case="
                    + caseId
                    + " payment="
                    + paymentRef
                    + " error="
                    + e.getClass().getSimpleName());
        if (first == null) {
          first = e;
        }
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
            .withDetail(paymentsDetail(c)));
    return c;
  }

  /** The case's payments for the audit detail, which is short: ids as far as they fit. */
  private static String paymentsDetail(ComplianceCase c) {
    String ids = String.join(",", c.payments());
    return "payments="
        + c.payments().size()
        + " "
        + (ids.length() > 900 ? ids.substring(0, ids.lastIndexOf(',', 900)) + ",..." : ids);
  }
}
