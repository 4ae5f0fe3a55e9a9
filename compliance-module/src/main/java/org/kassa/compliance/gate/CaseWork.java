package org.kassa.compliance.gate;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kassa.compliance.aml.ListVersion;
import org.kassa.compliance.aml.SanctionsLists;
import org.kassa.compliance.aml.ScreeningIndexHolder;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.compliance.text.RandomTokens;

/**
 * An officer's work on a case before it is decided: assign it, comment on it, escalate it; the
 * queue of cases (escalated first), and the explanation of its screening hits. The case guards what
 * may be done ({@link ComplianceCase#assign}, {@link ComplianceCase#comment}, {@link
 * ComplianceCase#escalate}); deciding stays with {@link ComplianceCases}.
 *
 * <p>Every action is audited by pseudonymous ids only: officers as {@code officer:<pseudonym>} (an
 * API key as itself), never a comment's text or an escalation's reason, which are the officer's
 * words and may name people.
 *
 * <p>Whether an assignee is a compliance officer is for the caller to check: the console users live
 * in the web module, which this module does not see.
 */
@Stateless
public class CaseWork {

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject private AuditTrail audit;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private ComplianceCases cases;
  @Inject private ScreeningIndexHolder holder;
  @Inject private SanctionsLists lists;

  private final Clock clock = Clock.systemUTC();

  /** A page of the queue: escalated cases first, then the oldest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ComplianceCase> find(CaseQuery query, int first, int max) {
    return where(
            query,
            "SELECT c FROM ComplianceCase c",
            " ORDER BY c.escalated DESC, c.createdAt, c.id",
            ComplianceCase.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** How many cases match. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long count(CaseQuery query) {
    return where(query, "SELECT COUNT(c) FROM ComplianceCase c", "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> where(CaseQuery query, String select, String order, Class<T> type) {
    List<String> conditions = new ArrayList<>();
    if (query.status() == CaseQuery.Status.OPEN) {
      conditions.add("c.status = :open");
    } else if (query.status() == CaseQuery.Status.DECIDED) {
      conditions.add("c.status <> :open");
    }
    if (query.assignedTo() != null) {
      conditions.add("LOWER(c.assignedTo) = :assignee");
    }
    if (query.escalatedOnly()) {
      conditions.add("c.escalated = TRUE");
    }
    TypedQuery<T> q =
        em.createQuery(
            select
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + order,
            type);
    if (query.status() != CaseQuery.Status.ALL) {
      q.setParameter("open", ComplianceCase.Status.OPEN);
    }
    if (query.assignedTo() != null) {
      q.setParameter("assignee", query.assignedTo().strip().toLowerCase(Locale.ROOT));
    }
    return q;
  }

  /**
   * Assigns an open case to a compliance officer (the caller checked that {@code assignee} is one).
   *
   * @param officer who assigns: the assignee themself, or another officer
   * @throws CaseDecidedException if the case was decided
   * @throws CaseWorkRefusedException if there is no such case or no assignee
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public ComplianceCase assign(String caseId, String assignee, String officer) {
    ComplianceCase c = locked(caseId);
    if (c.assign(assignee, clock.instant())) {
      audit.append(
          AuditRecord.of(actor(officer), "case.assigned", "case", c.id(), "assigned")
              .withSubject(c.subjectRef().orElse(null))
              .withDetail("assignee=" + actor(assignee.strip())));
    }
    return c;
  }

  /**
   * Adds an officer's comment to an open case. The trail records that a comment was added, by whom,
   * and its id; not its text.
   *
   * @throws CaseDecidedException if the case was decided
   * @throws CaseWorkRefusedException if there is no such case, or the text is empty or too long
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public CaseComment comment(String caseId, String text, String officer) {
    ComplianceCase c = locked(caseId);
    CaseComment comment =
        c.comment("cc_" + RandomTokens.base62(20), officer, text, clock.instant());
    em.persist(comment);
    audit.append(
        AuditRecord.of(actor(officer), "case.commented", "case", c.id(), "commented")
            .withSubject(c.subjectRef().orElse(null))
            .withDetail("comment=" + comment.id()));
    return comment;
  }

  /**
   * Escalates an open case: it comes first in the queue. The reason is kept with the case, not in
   * the trail.
   *
   * @throws CaseDecidedException if the case was decided
   * @throws CaseWorkRefusedException if there is no such case or no reason, or it was escalated
   *     already
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public ComplianceCase escalate(String caseId, String reason, String officer) {
    ComplianceCase c = locked(caseId);
    c.escalate(reason, officer, clock.instant());
    audit.append(
        AuditRecord.of(actor(officer), "case.escalated", "case", c.id(), "escalated")
            .withSubject(c.subjectRef().orElse(null)));
    return c;
  }

  /** A case's comments, oldest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<CaseComment> comments(String caseId) {
    return em.createQuery(
            "SELECT c FROM CaseComment c WHERE c.caseId = :c ORDER BY c.writtenAt, c.id",
            CaseComment.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  /**
   * The case's screening hits, each entry once: what the gate stored (list, entry, score, list
   * hash), the list version it screened against, and the entry as listed now. The screened name is
   * sealed and not part of the case, so the screening cannot be run again here.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ScreeningHitDetail> hits(ComplianceCase c) {
    List<String> reasons = new ArrayList<>();
    cases.alerts(c).forEach(a -> reasons.add(a.reason()));
    c.ownReasons().ifPresent(reasons::add);
    var snapshot = holder.snapshot();
    List<ScreeningHitDetail> details = new ArrayList<>();
    for (ScreeningHitReason hit : ScreeningHitReason.in(reasons)) {
      List<ListVersion> history = lists.history(hit.listId());
      ListVersion active =
          history.stream()
              .filter(v -> v.status() == ListVersion.Status.ACTIVE)
              .findFirst()
              .orElse(null);
      ListVersion screened =
          hit.listSha256() == null
              ? null
              : history.stream()
                  .filter(v -> v.status() != ListVersion.Status.REJECTED)
                  .filter(v -> v.sha256().startsWith(hit.listSha256()))
                  .findFirst()
                  .orElse(null);
      details.add(
          new ScreeningHitDetail(
              hit, snapshot.entry(hit.listId(), hit.entryId()).orElse(null), screened, active));
    }
    return details;
  }

  private ComplianceCase locked(String caseId) {
    ComplianceCase c =
        caseId == null
            ? null
            : em.find(ComplianceCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
    if (c == null) {
      throw new CaseWorkRefusedException(
          CaseWorkRefusedException.Kind.NOT_FOUND, "No compliance case " + caseId + ".", Map.of());
    }
    return c;
  }

  /** Officers appear in the trail by pseudonym, like everywhere else; an API key as itself. */
  private String actor(String officer) {
    return officer.startsWith("compliance-key:")
        ? officer
        : "officer:" + pseudonymizer.pseudonym(officer);
  }
}
