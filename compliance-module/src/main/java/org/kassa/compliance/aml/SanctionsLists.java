package org.kassa.compliance.aml;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.text.RandomTokens;
import org.kassa.compliance.text.Sha256;

/**
 * The loaded sanctions lists: loads a list's files (a bad file is recorded as rejected and never
 * replaces the active version), keeps every version with its files, and answers what is active.
 */
@Stateless
public class SanctionsLists {

  private static final Logger LOG = Logger.getLogger(SanctionsLists.class.getName());

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject private AuditTrail audit;
  @Inject private SanctionsLists self;

  private final Clock clock = Clock.systemUTC();

  /**
   * Reads and loads a list.
   *
   * @param formatId the format's id, e.g. {@code ofac-sdn-csv}
   * @param origin where the files came from (a URL, a folder, {@code api:<name>}), for the record
   * @param actor who loads it, for the audit trail
   * @return loaded, unchanged (that file is active already) or rejected (with the reason)
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ListLoadResult load(
      String formatId, ListFormat format, ListFiles files, String origin, String actor) {
    SanctionsList list;
    try {
      list = format.read(files);
    } catch (ListFormatException | RuntimeException e) {
      String sha = Sha256.hex(concat(files));
      LOG.warning(
          () ->
              "event=sanctions_list.rejected format="
                  + formatId
                  + " origin="
                  + origin
                  + " reason="
                  + e.getMessage());
      return self.recordRejected(format.listId(), formatId, sha, origin, e.getMessage(), actor);
    }
    return self.recordLoaded(formatId, list, files, origin, actor);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ListLoadResult recordLoaded(
      String formatId, SanctionsList list, ListFiles files, String origin, String actor) {
    Instant now = clock.instant();
    lockList(list.listId());
    Optional<ListVersion> current = activeVersion(list.listId());
    if (current.isPresent() && current.get().sha256().equals(list.sha256())) {
      return new ListLoadResult(ListLoadResult.Outcome.UNCHANGED, current.get());
    }
    current.ifPresent(ListVersion::supersede);
    ListVersion version =
        ListVersion.active("slv_" + RandomTokens.base62(20), formatId, list, origin, now);
    em.persist(version);
    em.flush();
    for (String name : files.names()) {
      em.createNativeQuery(
              "INSERT INTO sanctions_list_file (version_id, file_name, content) VALUES (?1, ?2, ?3)")
          .setParameter(1, version.id())
          .setParameter(2, name)
          .setParameter(3, files.find(name).orElseThrow())
          .executeUpdate();
    }
    audit.append(
        AuditRecord.of(actor, "sanctions_list.loaded", "sanctions_list", list.listId(), "active")
            .withDetail(
                "version="
                    + version.id()
                    + " entries="
                    + list.size()
                    + " sha256="
                    + list.sha256()
                    + " published="
                    + list.published()));
    LOG.info(
        () ->
            "event=sanctions_list.loaded list="
                + list.listId()
                + " entries="
                + list.size()
                + " sha256="
                + list.sha256());
    return new ListLoadResult(ListLoadResult.Outcome.LOADED, version);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ListLoadResult recordRejected(
      String listId, String formatId, String sha, String origin, String error, String actor) {
    ListVersion version =
        ListVersion.rejected(
            "slv_" + RandomTokens.base62(20),
            listId,
            formatId,
            sha,
            origin,
            error == null ? "unreadable" : error,
            clock.instant());
    em.persist(version);
    audit.append(
        AuditRecord.of(actor, "sanctions_list.rejected", "sanctions_list", listId, "rejected")
            .withDetail("sha256=" + sha + " reason=" + version.error().orElse("")));
    return new ListLoadResult(ListLoadResult.Outcome.REJECTED, version);
  }

  /** The active version of every list, by list id. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ListVersion> active() {
    return em.createQuery(
            "SELECT v FROM ListVersion v WHERE v.status = :s ORDER BY v.listId", ListVersion.class)
        .setParameter("s", ListVersion.Status.ACTIVE)
        .getResultList();
  }

  /** Every load of a list, newest first (including rejected ones). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ListVersion> history(String listId) {
    return em.createQuery(
            "SELECT v FROM ListVersion v WHERE v.listId = :l ORDER BY v.loadedAt DESC",
            ListVersion.class)
        .setParameter("l", listId)
        .getResultList();
  }

  /** The latest loads of every list, newest first, rejected ones included. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ListVersion> recentLoads(int max) {
    return em.createQuery(
            "SELECT v FROM ListVersion v ORDER BY v.loadedAt DESC, v.id", ListVersion.class)
        .setMaxResults(max)
        .getResultList();
  }

  /** The files of a version, as they were loaded. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ListFiles files(String versionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT file_name, content FROM sanctions_list_file WHERE version_id = ?1"
                    + " ORDER BY file_name")
            .setParameter(1, versionId)
            .getResultList();
    ListFiles files = null;
    for (Object[] row : rows) {
      files =
          files == null
              ? ListFiles.of((String) row[0], (byte[]) row[1])
              : files.with((String) row[0], (byte[]) row[1]);
    }
    if (files == null) {
      throw new IllegalStateException("version " + versionId + " has no files");
    }
    return files;
  }

  private Optional<ListVersion> activeVersion(String listId) {
    return em.createQuery(
            "SELECT v FROM ListVersion v WHERE v.listId = :l AND v.status = :s", ListVersion.class)
        .setParameter("l", listId)
        .setParameter("s", ListVersion.Status.ACTIVE)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /** Loads of one list run one at a time (the row lock), so two never both become active. */
  private void lockList(String listId) {
    em.createNativeQuery(
            "INSERT INTO sanctions_list_refresh (list_id) SELECT ?1 WHERE NOT EXISTS"
                + " (SELECT 1 FROM sanctions_list_refresh WHERE list_id = ?1)")
        .setParameter(1, listId)
        .executeUpdate();
    em.createNativeQuery("SELECT list_id FROM sanctions_list_refresh WHERE list_id = ?1 FOR UPDATE")
        .setParameter(1, listId)
        .getResultList();
  }

  private static byte[] concat(ListFiles files) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (String name : files.names()) {
      out.writeBytes(files.find(name).orElseThrow());
    }
    return out.toByteArray();
  }
}
