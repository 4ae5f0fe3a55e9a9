package org.kassa.payment.reconcile;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Claims the reconciler's work, each batch in a short transaction of its own: the rows are locked
 * with {@code FOR UPDATE SKIP LOCKED} (another node skips them instead of waiting), stamped with
 * the time they may be looked at again, and released at commit. The gateway calls happen after the
 * commit, with no lock held.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReconcileClaims {

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  /** When an open payment counts as due, as of some moment. */
  public record Cutoffs(Instant processing, Instant requiresAction, Instant now) {}

  /**
   * Claims up to {@code max} due payments: processing since before {@code cutoffs.processing},
   * waiting for the shopper since before {@code cutoffs.requiresAction}, or authorized past their
   * capture deadline. Not bank transfers: one waits days for the shopper (its own timer ends it),
   * and one authorized holds money that already arrived, until a compliance officer decides.
   */
  public List<String> claimPayments(Cutoffs cutoffs, int max) {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT id FROM payment"
                    + " WHERE ((status = 'PROCESSING' AND updated_at <= ?1)"
                    + "     OR (status = 'REQUIRES_ACTION' AND updated_at <= ?2"
                    + "         AND payment_method <> 'SEPA_CREDIT_TRANSFER')"
                    + "     OR (status = 'AUTHORIZED' AND capture_before <= ?3"
                    + "         AND payment_method <> 'SEPA_CREDIT_TRANSFER'))"
                    + " AND (reconcile_after IS NULL OR reconcile_after <= ?3)"
                    + " ORDER BY updated_at LIMIT ?4 FOR UPDATE SKIP LOCKED")
            .setParameter(1, utc(cutoffs.processing()))
            .setParameter(2, utc(cutoffs.requiresAction()))
            .setParameter(3, utc(cutoffs.now()))
            .setParameter(4, max)
            .getResultList();
    stamp("payment", ids, cutoffs.now());
    return ids;
  }

  /** Claims up to {@code max} refunds pending since before {@code cutoff}. */
  public List<String> claimRefunds(Instant cutoff, Instant now, int max) {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT id FROM refund WHERE status = 'PENDING' AND updated_at <= ?1"
                    + " AND (reconcile_after IS NULL OR reconcile_after <= ?2)"
                    + " ORDER BY updated_at LIMIT ?3 FOR UPDATE SKIP LOCKED")
            .setParameter(1, utc(cutoff))
            .setParameter(2, utc(now))
            .setParameter(3, max)
            .getResultList();
    stamp("refund", ids, now);
    return ids;
  }

  /** Not again before a back-off that doubles with each look, from 30 s up to an hour. */
  private void stamp(String table, List<String> ids, Instant now) {
    for (String id : ids) {
      Number attempts =
          (Number)
              em.createNativeQuery("SELECT reconcile_attempts FROM " + table + " WHERE id = ?1")
                  .setParameter(1, id)
                  .getSingleResult();
      em.createNativeQuery(
              "UPDATE "
                  + table
                  + " SET reconcile_attempts = reconcile_attempts + 1, reconcile_after = ?1"
                  + " WHERE id = ?2")
          .setParameter(1, utc(now.plus(backoff(attempts.intValue()))))
          .setParameter(2, id)
          .executeUpdate();
    }
  }

  static Duration backoff(int attempts) {
    Duration next = Duration.ofSeconds(30L << Math.min(attempts, 7));
    return next.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : next;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
