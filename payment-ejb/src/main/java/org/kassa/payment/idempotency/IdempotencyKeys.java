package org.kassa.payment.idempotency;

import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Idempotency keys of mutating API calls. A call with a key {@link #claim claims} it before it
 * runs; whatever the call creates is {@link #bind bound} to the key in the transaction that creates
 * it; the answer is stored when the call {@link #complete completes}. Then:
 *
 * <ul>
 *   <li>the same key and request answer the stored response again;
 *   <li>the same key with another request is refused ({@link IdempotencyKeyReusedException}, 422);
 *   <li>the same key while the first call runs is refused ({@link IdempotencyKeyInUseException},
 *       409), and so is a key whose first call was interrupted after it created something: the
 *       answer names what it created, and nothing is created twice;
 *   <li>a key whose first call was interrupted before it created anything may be used again after a
 *       lease.
 * </ul>
 *
 * Keys are kept for {@code kassa.idempotency.retention} (24 hours by default), then purged.
 */
@Stateless
public class IdempotencyKeys {

  /** The longest key accepted, as Stripe does. */
  public static final int MAX_KEY_LENGTH = 255;

  private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class.getName());

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private IdempotencyKeys self;

  @Inject
  @ConfigProperty(name = "kassa.idempotency.retention", defaultValue = "PT24H")
  Duration retention;

  @Inject
  @ConfigProperty(name = "kassa.idempotency.lease", defaultValue = "PT2M")
  Duration lease;

  private final Clock clock = Clock.systemUTC();

  /** What a claim found. */
  public sealed interface Claim {
    /** The key is new (or its interrupted first call created nothing): run the call. */
    record Granted() implements Claim {}

    /** The first call with this key and request answered this: answer it again. */
    record Replay(int status, String body) implements Claim {}
  }

  /**
   * Claims a key for a call, in a transaction of its own so that a concurrent duplicate sees it at
   * once.
   *
   * @throws IdempotencyKeyReusedException if the key was used with another request
   * @throws IdempotencyKeyInUseException if the first call with it is running or was interrupted
   *     after it created something
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Claim claim(String merchantId, String key, String requestHash) {
    try {
      return self.tryClaim(merchantId, key, requestHash);
    } catch (EJBException | PersistenceException e) {
      // A concurrent first call inserted the key between our look and our insert: look again.
      return self.tryClaim(merchantId, key, requestHash);
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Claim tryClaim(String merchantId, String key, String requestHash) {
    Instant now = clock.instant();
    IdempotencyRecord record =
        em.find(
            IdempotencyRecord.class,
            new IdempotencyRecord.Key(merchantId, key),
            LockModeType.PESSIMISTIC_WRITE);
    if (record == null) {
      em.persist(new IdempotencyRecord(merchantId, key, requestHash, now));
      em.flush();
      return new Claim.Granted();
    }
    if (!record.sameRequest(requestHash)) {
      throw new IdempotencyKeyReusedException();
    }
    if (record.state() == IdempotencyRecord.State.COMPLETED) {
      return new Claim.Replay(record.responseStatus(), record.responseBody());
    }
    if (record.abandoned(now, lease) && record.resourceId().isEmpty()) {
      record.reclaim(now);
      return new Claim.Granted();
    }
    throw new IdempotencyKeyInUseException(
        record.resourceType().orElse(null), record.resourceId().orElse(null));
  }

  /**
   * Binds what the call created to its key, in the transaction that creates it: if the call is
   * interrupted afterwards, the key never lets it be created twice.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void bind(String merchantId, String key, String resourceType, String resourceId) {
    if (key == null) {
      return;
    }
    IdempotencyRecord record =
        em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(merchantId, key));
    if (record == null) {
      throw new IllegalStateException("idempotency key was not claimed before the call");
    }
    record.bind(resourceType, resourceId);
  }

  /** Stores the call's answer, for replays. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void complete(String merchantId, String key, int status, String body) {
    IdempotencyRecord record =
        em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(merchantId, key));
    if (record != null) {
      record.complete(status, body);
    }
  }

  /**
   * Ends a call that did not succeed: when it created something the answer is stored like a
   * success, for replays; when it created nothing the key is let go, so that the corrected request
   * may use it again.
   *
   * @param body the answer, or null when there is none to store (an unexpected error)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void finishWithout(String merchantId, String key, int status, String body) {
    IdempotencyRecord record =
        em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(merchantId, key));
    if (record == null) {
      return;
    }
    if (record.resourceId().isEmpty()) {
      em.remove(record);
    } else if (body != null) {
      record.complete(status, body);
    }
  }

  /** Forgets keys past their retention; every node may run it, the delete is the same. */
  @Schedule(hour = "*", minute = "*/15", persistent = false)
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void purge() {
    int purged = purgeOlderThan(clock.instant().minus(retention));
    if (purged > 0) {
      LOG.info(() -> "event=idempotency.purged count=" + purged);
    }
  }

  /** Deletes keys created before {@code cutoff}; answers how many. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public int purgeOlderThan(Instant cutoff) {
    return em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.createdAt < :cutoff")
        .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }
}
