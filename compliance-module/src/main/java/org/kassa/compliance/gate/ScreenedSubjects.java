package org.kassa.compliance.gate;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kassa.compliance.aml.ScreeningSnapshot;
import org.kassa.compliance.aml.screening.Hit;
import org.kassa.compliance.privacy.PersonalDataVault;

/**
 * The customers the gate screened, kept to be screened again after each list refresh: the name
 * sealed under the subject's key ({@link PersonalDataVault}, never in plain text), the country, and
 * the index last screened against; with the hits already known for each.
 *
 * <p>Callers write here after appending to the audit trail, so that the trail's lock always comes
 * before these rows' (no two transactions wait for each other the other way round).
 */
@Stateless
public class ScreenedSubjects {

  /** What a re-screening needs of a subject. */
  public record Screened(String subjectRef, String sealedName, String country) {}

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject private PersonalDataVault vault;

  /**
   * Records that {@code subjectRef} was screened under {@code name} against {@code snapshot} now,
   * and remembers the hits seen.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      String subjectRef,
      String name,
      String country,
      ScreeningSnapshot snapshot,
      Collection<Hit> seen,
      Instant now) {
    String sealed = vault.seal(subjectRef, name);
    int updated =
        em.createNativeQuery(
                "UPDATE screened_subject SET sealed_name = ?1, country = ?2, screened_at = ?3,"
                    + " index_versions = ?4, index_loaded_at = ?5, claimed_until = NULL"
                    + " WHERE subject_ref = ?6")
            .setParameter(1, sealed)
            .setParameter(2, country)
            .setParameter(3, utc(now))
            .setParameter(4, snapshot.versionsKey())
            .setParameter(5, utc(snapshot.newestLoad()))
            .setParameter(6, subjectRef)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO screened_subject (subject_ref, sealed_name, country, screened_at,"
                  + " index_versions, index_loaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .setParameter(1, subjectRef)
          .setParameter(2, sealed)
          .setParameter(3, country)
          .setParameter(4, utc(now))
          .setParameter(5, snapshot.versionsKey())
          .setParameter(6, utc(snapshot.newestLoad()))
          .executeUpdate();
    }
    remember(subjectRef, seen, now);
  }

  /** The hits known for a subject. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Set<KnownHit> known(String subjectRef) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT list_id, entry_id, entry_fingerprint FROM screened_subject_hit"
                    + " WHERE subject_ref = ?1")
            .setParameter(1, subjectRef)
            .getResultList();
    Set<KnownHit> known = new HashSet<>();
    for (Object[] r : rows) {
      known.add(new KnownHit((String) r[0], (String) r[1], ((String) r[2]).trim()));
    }
    return known;
  }

  /** Remembers hits as known for the subject (those known already are left as they are). */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void remember(String subjectRef, Collection<Hit> hits, Instant now) {
    if (hits.isEmpty()) {
      return;
    }
    Set<KnownHit> known = known(subjectRef);
    for (Hit hit : hits) {
      KnownHit k = KnownHit.of(hit);
      if (known.add(k)) {
        em.createNativeQuery(
                "INSERT INTO screened_subject_hit (subject_ref, list_id, entry_id,"
                    + " entry_fingerprint, seen_at) VALUES (?1, ?2, ?3, ?4, ?5)")
            .setParameter(1, subjectRef)
            .setParameter(2, k.listId())
            .setParameter(3, k.entryId())
            .setParameter(4, k.entryFingerprint())
            .setParameter(5, utc(now))
            .executeUpdate();
      }
    }
  }

  /**
   * Claims up to {@code max} subjects screened against another index than {@code snapshot}, and not
   * against a newer one (a node whose index is behind leaves them to the others), in a short
   * transaction of its own: the rows are locked with {@code FOR UPDATE SKIP LOCKED} (another node
   * skips them rather than waiting) and stamped as claimed for {@code lease}, so that the next
   * claim, here or elsewhere, passes them by while they are re-screened.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<String> claim(ScreeningSnapshot snapshot, Instant now, Duration lease, int max) {
    @SuppressWarnings("unchecked")
    List<String> refs =
        em.createNativeQuery(
                "SELECT subject_ref FROM screened_subject WHERE index_versions <> ?1"
                    + " AND index_loaded_at <= ?2"
                    + " AND (claimed_until IS NULL OR claimed_until <= ?3)"
                    + " ORDER BY screened_at LIMIT ?4 FOR UPDATE SKIP LOCKED")
            .setParameter(1, snapshot.versionsKey())
            .setParameter(2, utc(snapshot.newestLoad()))
            .setParameter(3, utc(now))
            .setParameter(4, max)
            .getResultList();
    for (String ref : refs) {
      em.createNativeQuery("UPDATE screened_subject SET claimed_until = ?1 WHERE subject_ref = ?2")
          .setParameter(1, utc(now.plus(lease)))
          .setParameter(2, ref)
          .executeUpdate();
    }
    return refs;
  }

  /** A subject as stored, if it is. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<Screened> find(String subjectRef) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT sealed_name, country FROM screened_subject WHERE subject_ref = ?1")
            .setParameter(1, subjectRef)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new Screened(subjectRef, (String) r[0], r[1] == null ? null : (String) r[1]));
  }

  /** Records a re-screening against {@code snapshot} and ends the claim. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void rescreened(String subjectRef, ScreeningSnapshot snapshot, Instant now) {
    em.createNativeQuery(
            "UPDATE screened_subject SET screened_at = ?1, index_versions = ?2,"
                + " index_loaded_at = ?3, claimed_until = NULL WHERE subject_ref = ?4")
        .setParameter(1, utc(now))
        .setParameter(2, snapshot.versionsKey())
        .setParameter(3, utc(snapshot.newestLoad()))
        .setParameter(4, subjectRef)
        .executeUpdate();
  }

  /**
   * Forgets a subject whose name can no longer be opened (erased: its key was shredded): there is
   * nothing left to screen.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void forget(String subjectRef) {
    em.createNativeQuery("DELETE FROM screened_subject_hit WHERE subject_ref = ?1")
        .setParameter(1, subjectRef)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM screened_subject WHERE subject_ref = ?1")
        .setParameter(1, subjectRef)
        .executeUpdate();
  }

  /** Whether the subject is kept for re-screening. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean isScreened(String subjectRef) {
    return !em.createNativeQuery("SELECT 1 FROM screened_subject WHERE subject_ref = ?1")
        .setParameter(1, subjectRef)
        .getResultList()
        .isEmpty();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
