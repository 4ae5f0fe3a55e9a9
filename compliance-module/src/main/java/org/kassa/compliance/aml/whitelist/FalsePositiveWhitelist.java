package org.kassa.compliance.aml.whitelist;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.aml.ScreeningIndexHolder;
import org.kassa.compliance.aml.ScreeningSnapshot;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.compliance.text.RandomTokens;

/**
 * The governed false-positive whitelist: officers create and revoke whitelistings; the gate and the
 * re-screening ask which of a subject's hits are set aside. Every creation, revocation and voiding
 * is audited, by ids and the subject's pseudonym only (never the officer's reason, which may name
 * people).
 *
 * <p>Voiding is recorded once: an {@code UPDATE ... WHERE status = 'ACTIVE'} decides who records
 * it, and only that transaction appends the audit event.
 *
 * <p>Configuration: {@code kassa.whitelist.max-validity} (default {@code P365D}), the longest an
 * expiry may lie ahead.
 */
@Stateless
public class FalsePositiveWhitelist {

  private static final Logger LOG = Logger.getLogger(FalsePositiveWhitelist.class.getName());

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject private ScreeningIndexHolder holder;
  @Inject private AuditTrail audit;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private FalsePositiveWhitelist self;
  @Resource private SessionContext context;

  @Inject
  @ConfigProperty(name = "kassa.whitelist.max-validity", defaultValue = "P365D")
  Duration maxValidity;

  private final Clock clock = Clock.systemUTC();

  /**
   * Whitelists a hit: {@code subjectRef} is not the entry {@code entryId} of list {@code listId},
   * as that entry is listed now.
   *
   * @param officer who decides, for the record and the trail
   * @throws WhitelistRefusedException if a field is missing or wrong: no reason, an expiry in the
   *     past or beyond {@code kassa.whitelist.max-validity}, an entry no loaded list has
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Whitelisting create(
      String subjectRef,
      String listId,
      String entryId,
      String reason,
      Instant expiresAt,
      String officer) {
    Instant now = clock.instant();
    ScreeningSnapshot snapshot = holder.snapshot();
    String fingerprint = snapshot.entry(listId, entryId).map(EntryFingerprint::of).orElse(null);
    Whitelisting w =
        Whitelisting.create(
            "wl_" + RandomTokens.base62(20),
            subjectRef,
            listId,
            entryId,
            fingerprint,
            reason,
            expiresAt,
            officer,
            now,
            maxValidity);
    audit.append(
        AuditRecord.of(officerActor(officer), "whitelist.created", "whitelist", w.id(), "active")
            .withSubject(w.subjectRef())
            .withDetail(
                "list="
                    + w.listId()
                    + " entry="
                    + w.entryId()
                    + " expires="
                    + w.expiresAt()
                    + " fingerprint="
                    + w.entryFingerprint().substring(0, 12)));
    em.persist(w);
    return w;
  }

  /**
   * Revokes a whitelisting: the subject's hits on that entry count again from now on.
   *
   * @throws WhitelistRefusedException if there is no such whitelisting or it ended already
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Whitelisting revoke(String id, String officer) {
    Whitelisting w =
        find(id)
            .orElseThrow(
                () ->
                    new WhitelistRefusedException(
                        WhitelistRefusedException.Kind.NOT_FOUND,
                        "No whitelisting " + id + ".",
                        Map.of()));
    // Audit first: the trail's lock comes before the whitelisting's row, as everywhere.
    if (w.status() == Whitelisting.Status.ACTIVE) {
      audit.append(
          AuditRecord.of(officerActor(officer), "whitelist.revoked", "whitelist", w.id(), "revoked")
              .withSubject(w.subjectRef())
              .withDetail("list=" + w.listId() + " entry=" + w.entryId()));
    }
    w.revoke(officer, clock.instant());
    return w;
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Whitelisting> find(String id) {
    return Optional.ofNullable(id == null ? null : em.find(Whitelisting.class, id));
  }

  /**
   * Whitelistings, newest first.
   *
   * @param subjectRef only this subject's, or null for all
   * @param activeOnly only those not revoked or void
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Whitelisting> list(String subjectRef, boolean activeOnly, int max) {
    String jpql =
        "SELECT w FROM Whitelisting w WHERE 1 = 1"
            + (subjectRef != null ? " AND w.subjectRef = :subject" : "")
            + (activeOnly ? " AND w.status = :active" : "")
            + " ORDER BY w.createdAt DESC";
    var q = em.createQuery(jpql, Whitelisting.class).setMaxResults(max);
    if (subjectRef != null) {
      q.setParameter("subject", subjectRef);
    }
    if (activeOnly) {
      q.setParameter("active", Whitelisting.Status.ACTIVE);
    }
    return q.getResultList();
  }

  /**
   * A page of whitelistings, newest first, for the console.
   *
   * @param subjectRef only this subject's, or null for all
   * @param status only those in this status, or null for all
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Whitelisting> page(
      String subjectRef, Whitelisting.Status status, int first, int max) {
    return filtered(
            "SELECT w FROM Whitelisting w",
            subjectRef,
            status,
            " ORDER BY w.createdAt DESC, w.id",
            Whitelisting.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** How many whitelistings {@link #page} pages through. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long count(String subjectRef, Whitelisting.Status status) {
    return filtered("SELECT COUNT(w) FROM Whitelisting w", subjectRef, status, "", Long.class)
        .getSingleResult();
  }

  private <T> jakarta.persistence.TypedQuery<T> filtered(
      String select, String subjectRef, Whitelisting.Status status, String order, Class<T> type) {
    String jpql =
        select
            + " WHERE 1 = 1"
            + (subjectRef != null ? " AND w.subjectRef = :subject" : "")
            + (status != null ? " AND w.status = :status" : "")
            + order;
    var q = em.createQuery(jpql, type);
    if (subjectRef != null) {
      q.setParameter("subject", subjectRef);
    }
    if (status != null) {
      q.setParameter("status", status);
    }
    return q;
  }

  /** Whether a whitelisting holds now, against the lists this node screens with. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Whitelisting.Standing standing(Whitelisting w) {
    String fingerprint =
        holder.snapshot().entry(w.listId(), w.entryId()).map(EntryFingerprint::of).orElse(null);
    return w.standing(fingerprint, clock.instant());
  }

  /** A subject's active whitelistings (some may no longer hold: see {@link WhitelistTriage}). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Whitelisting> activeFor(String subjectRef) {
    if (subjectRef == null) {
      return List.of();
    }
    return em.createQuery(
            "SELECT w FROM Whitelisting w WHERE w.subjectRef = :s AND w.status = :active"
                + " ORDER BY w.createdAt",
            Whitelisting.class)
        .setParameter("s", subjectRef)
        .setParameter("active", Whitelisting.Status.ACTIVE)
        .getResultList();
  }

  /**
   * Records that an active whitelisting no longer holds, in the caller's transaction, and audits
   * it, once: a caller that finds it voided already records nothing. The caller appends to the
   * trail before (the gate does), so that the trail's lock is taken before this row's.
   *
   * @return whether this call voided it
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean voidOnce(Whitelisting w, Whitelisting.Standing why, String actor) {
    int changed =
        em.createNativeQuery(
                "UPDATE screening_whitelist SET status = 'VOID', void_cause = ?1, ended_by = ?2,"
                    + " ended_at = ?3, version = version + 1 WHERE id = ?4 AND status = 'ACTIVE'")
            .setParameter(1, why.cause())
            .setParameter(2, actor)
            .setParameter(3, clock.instant().atOffset(ZoneOffset.UTC))
            .setParameter(4, w.id())
            .executeUpdate();
    if (changed == 1) {
      audit.append(
          AuditRecord.of(actor, "whitelist.voided", "whitelist", w.id(), "void")
              .withSubject(w.subjectRef())
              .withDetail(
                  "cause=" + why.cause() + " list=" + w.listId() + " entry=" + w.entryId()));
    }
    return changed == 1;
  }

  /**
   * Voids every active whitelisting that no longer holds against {@code snapshot}: expired, or its
   * entry changed or left the list. Run after each index rebuild, so that a changed entry voids its
   * whitelistings even for a subject who never pays again. Each in a transaction of its own.
   *
   * @return how many were voided
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int sweep(ScreeningSnapshot snapshot) {
    List<String> ids =
        em.createQuery("SELECT w.id FROM Whitelisting w WHERE w.status = :active", String.class)
            .setParameter("active", Whitelisting.Status.ACTIVE)
            .getResultList();
    int voided = 0;
    for (String id : ids) {
      if (self.voidIfEnded(id, snapshot)) {
        voided++;
      }
    }
    if (voided > 0) {
      int count = voided;
      LOG.info(() -> "event=whitelist.swept voided=" + count);
    }
    return voided;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean voidIfEnded(String id, ScreeningSnapshot snapshot) {
    Whitelisting w = em.find(Whitelisting.class, id);
    if (w == null || w.status() != Whitelisting.Status.ACTIVE) {
      return false;
    }
    String fingerprint =
        snapshot.entry(w.listId(), w.entryId()).map(EntryFingerprint::of).orElse(null);
    Whitelisting.Standing standing = w.standing(fingerprint, clock.instant());
    if (standing == Whitelisting.Standing.VALID) {
      return false;
    }
    // The trail's lock first, then the row (the gate's order); if another node voided it
    // meanwhile, this transaction's event is rolled back with it.
    audit.append(
        AuditRecord.of("system", "whitelist.voided", "whitelist", w.id(), "void")
            .withSubject(w.subjectRef())
            .withDetail(
                "cause=" + standing.cause() + " list=" + w.listId() + " entry=" + w.entryId()));
    int changed =
        em.createNativeQuery(
                "UPDATE screening_whitelist SET status = 'VOID', void_cause = ?1, ended_by ="
                    + " 'system', ended_at = ?2, version = version + 1 WHERE id = ?3 AND status ="
                    + " 'ACTIVE'")
            .setParameter(1, standing.cause())
            .setParameter(2, clock.instant().atOffset(ZoneOffset.UTC))
            .setParameter(3, id)
            .executeUpdate();
    if (changed != 1) {
      context.setRollbackOnly();
      return false;
    }
    return true;
  }

  /** Officers appear in the trail by pseudonym, like everywhere else. */
  private String officerActor(String officer) {
    return officer.startsWith("compliance-key:")
        ? officer
        : "officer:" + pseudonymizer.pseudonym(officer);
  }
}
