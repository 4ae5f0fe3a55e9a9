package org.kassa.compliance.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.kassa.compliance.text.CsvWriter;

/**
 * Verifiable exports of the audit chain ({@link AuditExportFormat}): a range of events, the anchor
 * before it, and the signed checkpoints in it. An export up to the chain's head signs the head
 * first, so that it ends on a checkpoint. Every export is itself an audit event.
 */
@Stateless
public class AuditExports {

  /** The most events one export holds; larger ranges are exported in parts. */
  public static final int MAX_EVENTS = 100_000;

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject private AuditCheckpoints checkpoints;
  @Inject private AuditTrail audit;

  /**
   * Exports events {@code from} to {@code to} (both inclusive; {@code to} beyond the head means the
   * head).
   *
   * @param actor who exports, for the trail
   * @throws InvalidExportRangeException if the range is empty or larger than {@link #MAX_EVENTS}
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public String export(long from, long to, String actor) {
    long head = em.find(ChainHead.class, ChainHead.ID).state().lastSeq();
    long last = Math.min(to, head);
    if (from < 1 || last < from) {
      throw new InvalidExportRangeException(
          "the range must lie within 1 to " + head + ", not " + from + " to " + to);
    }
    if (last - from + 1 > MAX_EVENTS) {
      throw new InvalidExportRangeException("an export holds at most " + MAX_EVENTS + " events");
    }
    if (last == head) {
      checkpoints.checkpointNow();
    }
    audit.appendInNewTransaction(
        AuditRecord.of(actor, "audit.exported", "audit_trail", from + "-" + last, "exported"));
    return write(from, last);
  }

  /** The columns of {@link #csv}. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "seq",
          "occurred_at",
          "actor",
          "action",
          "object_type",
          "object_id",
          "outcome",
          "subject_ref",
          "detail",
          "hash");

  /**
   * The events matching a filter as CSV (RFC 4180, a header row, oldest first), for reading in a
   * spreadsheet: not verifiable on its own (that is {@link #export}), but each row carries its
   * event's hash. The export is audited, with the filter and how many events it held.
   *
   * @param actor who exports, for the trail
   * @throws InvalidExportRangeException if more than {@link #MAX_EVENTS} events match
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public String csv(AuditQuery query, String actor) {
    long matching = audit.count(query);
    if (matching > MAX_EVENTS) {
      throw new InvalidExportRangeException(
          matching
              + " events match: a CSV export holds at most "
              + MAX_EVENTS
              + "; narrow the filter");
    }
    CsvWriter out = new CsvWriter().row(CSV_COLUMNS);
    long after = 0;
    long first = 0;
    int written = 0;
    // Only what matched when the export began: events appended meanwhile are left out.
    while (written < matching) {
      List<AuditEvent> page = audit.findAfter(query, after, 1000);
      if (page.isEmpty()) {
        break;
      }
      for (AuditEvent e : page) {
        if (written == matching) {
          break;
        }
        out.row(
            Long.toString(e.seq()),
            e.occurredAt().toString(),
            e.actor(),
            e.action(),
            e.objectType(),
            e.objectId(),
            e.outcome(),
            e.subjectRef(),
            e.detail(),
            e.hash());
        first = first == 0 ? e.seq() : first;
        after = e.seq();
        written++;
      }
    }
    audit.appendInNewTransaction(
        AuditRecord.of(
                actor,
                "audit.exported",
                "audit_trail",
                written == 0 ? "none" : first + "-" + after,
                "exported")
            .withDetail("format=csv events=" + written + " " + filterText(query)));
    return out.toString();
  }

  private static String filterText(AuditQuery query) {
    return "action="
        + (query.action() == null ? "*" : query.action())
        + " from="
        + (query.from() == null ? "*" : query.from())
        + " to="
        + (query.to() == null ? "*" : query.to())
        + (query.objectId() == null ? "" : " object=" + query.objectId());
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  String write(long from, long last) {
    List<AuditEvent> events =
        em.createQuery(
                "SELECT e FROM AuditEvent e WHERE e.seq BETWEEN :f AND :t ORDER BY e.seq",
                AuditEvent.class)
            .setParameter("f", from)
            .setParameter("t", last)
            .getResultList();
    String anchorHash =
        from == 1
            ? HashChain.GENESIS
            : em.createQuery("SELECT e.hash FROM AuditEvent e WHERE e.seq = :s", String.class)
                .setParameter("s", from - 1)
                .getSingleResult();
    return AuditExportFormat.write(
        checkpoints.publicKeyText(),
        new HashChain.ChainHeadState(from - 1, anchorHash),
        events,
        checkpoints.between(from, last));
  }
}
