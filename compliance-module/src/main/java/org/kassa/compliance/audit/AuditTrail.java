package org.kassa.compliance.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Appends to, reads and verifies the audit trail. */
@Stateless
public class AuditTrail {

  private static final int VERIFY_BATCH = 500;

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /**
   * Appends one event in the caller's transaction, so that the event is stored if and only if what
   * it records is. Appends are serialized by a lock on the chain head.
   *
   * @return the stored event's sequence number
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public long append(@NotNull @Valid AuditRecord record) {
    ChainHead head = em.find(ChainHead.class, ChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    AuditEvent event = new AuditEvent(head.lastSeq() + 1, clock.instant(), record, head.lastHash());
    head.advanceTo(event);
    em.persist(event);
    return event.seq();
  }

  /** A page of events matching the filter, newest first. */
  /** Appends in a transaction of its own: for actions that change nothing else (an export). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long appendInNewTransaction(@NotNull @Valid AuditRecord record) {
    return append(record);
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditEvent> find(
      @NotNull AuditQuery query, @Min(0) int first, @Min(1) @Max(500) int max) {
    TypedQuery<AuditEvent> q =
        where(query, "SELECT e FROM AuditEvent e", " ORDER BY e.seq DESC", AuditEvent.class);
    return q.setFirstResult(first).setMaxResults(max).getResultList();
  }

  /** How many events match the filter. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long count(@NotNull AuditQuery query) {
    return where(query, "SELECT COUNT(e) FROM AuditEvent e", "", Long.class).getSingleResult();
  }

  /**
   * Events matching the filter after {@code afterSeq}, oldest first: for reading a filtered trail
   * whole, page by page, while events are appended.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditEvent> findAfter(
      @NotNull AuditQuery query, @Min(0) long afterSeq, @Min(1) @Max(5000) int max) {
    return where(query, afterSeq, "SELECT e FROM AuditEvent e", " ORDER BY e.seq", AuditEvent.class)
        .setMaxResults(max)
        .getResultList();
  }

  private <T> TypedQuery<T> where(AuditQuery query, String select, String order, Class<T> type) {
    return where(query, null, select, order, type);
  }

  private <T> TypedQuery<T> where(
      AuditQuery query, Long afterSeq, String select, String order, Class<T> type) {
    List<String> conditions = new ArrayList<>();
    if (afterSeq != null) {
      conditions.add("e.seq > :afterSeq");
    }
    if (query.action() != null) {
      conditions.add("e.action = :action");
    }
    if (query.from() != null) {
      conditions.add("e.occurredAt >= :from");
    }
    if (query.to() != null) {
      conditions.add("e.occurredAt < :to");
    }
    if (query.objectId() != null) {
      conditions.add("e.objectId = :objectId");
    }
    String jpql =
        select + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + order;
    TypedQuery<T> q = em.createQuery(jpql, type);
    if (afterSeq != null) {
      q.setParameter("afterSeq", afterSeq);
    }
    if (query.action() != null) {
      q.setParameter("action", query.action());
    }
    if (query.from() != null) {
      q.setParameter("from", query.from().atOffset(ZoneOffset.UTC));
    }
    if (query.to() != null) {
      q.setParameter("to", query.to().atOffset(ZoneOffset.UTC));
    }
    if (query.objectId() != null) {
      q.setParameter("objectId", query.objectId());
    }
    return q;
  }

  /** The actions recorded so far, for filters. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> actions() {
    return em.createQuery(
            "SELECT DISTINCT e.action FROM AuditEvent e ORDER BY e.action", String.class)
        .getResultList();
  }

  /**
   * Walks the whole chain from its first event, in batches, and reports the first broken link.
   *
   * <p>Appends may go on meanwhile: the walk stops at the head read first, so an event committed
   * during the walk is not mistaken for one the head does not know. An event stored past the head
   * (written around the trail) is still caught: after the walk, the highest stored sequence number
   * is compared with the head read again, which every honest append moves in its own transaction.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ChainVerification verify() {
    HashChain.ChainHeadState head = em.find(ChainHead.class, ChainHead.ID).state();
    ChainVerification walked = HashChain.verify(new BatchIterator(head.lastSeq()), head);
    if (!walked.intact()) {
      return walked;
    }
    Long stored =
        em.createQuery("SELECT MAX(e.seq) FROM AuditEvent e", Long.class).getSingleResult();
    em.clear();
    long known = em.find(ChainHead.class, ChainHead.ID).state().lastSeq();
    if (stored != null && stored > known) {
      return ChainVerification.broken(
          walked.eventsVerified(), known + 1, "the chain head does not know events after " + known);
    }
    return walked;
  }

  /**
   * Reads events in seq order up to a last sequence number, a batch at a time by key (not by
   * offset, which would make a long chain's walk quadratic), without loading the whole trail.
   */
  private final class BatchIterator implements Iterator<AuditEvent> {
    private final long lastSeq;
    private List<AuditEvent> batch = List.of();
    private int index;
    private long after;
    private boolean exhausted;

    BatchIterator(long lastSeq) {
      this.lastSeq = lastSeq;
    }

    @Override
    public boolean hasNext() {
      if (index < batch.size()) {
        return true;
      }
      if (exhausted) {
        return false;
      }
      em.clear();
      batch =
          em.createQuery(
                  "SELECT e FROM AuditEvent e WHERE e.seq > :after AND e.seq <= :last"
                      + " ORDER BY e.seq",
                  AuditEvent.class)
              .setParameter("after", after)
              .setParameter("last", lastSeq)
              .setMaxResults(VERIFY_BATCH)
              .getResultList();
      if (!batch.isEmpty()) {
        after = batch.get(batch.size() - 1).seq();
      }
      index = 0;
      exhausted = batch.size() < VERIFY_BATCH;
      return !batch.isEmpty();
    }

    @Override
    public AuditEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return batch.get(index++);
    }
  }
}
