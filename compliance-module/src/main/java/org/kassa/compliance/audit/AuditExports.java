package org.kassa.compliance.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

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
