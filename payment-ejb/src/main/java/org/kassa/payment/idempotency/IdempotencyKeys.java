package org.kassa.payment.idempotency;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/** Looks up and records idempotency keys, inside the caller's transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class IdempotencyKeys {

  /** The longest key accepted, as Stripe does. */
  public static final int MAX_KEY_LENGTH = 255;

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /**
   * The id of the object an earlier call with this key created, if there was one.
   *
   * @throws IdempotencyKeyReusedException if the key was used with a different request
   */
  public Optional<String> replay(String merchantId, String key, String requestHash) {
    IdempotencyRecord record =
        em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(merchantId, key));
    if (record == null) {
      return Optional.empty();
    }
    if (!record.sameRequest(requestHash)) {
      throw new IdempotencyKeyReusedException();
    }
    return Optional.of(record.resourceId());
  }

  /** Records that this key created {@code resourceId}; a concurrent duplicate fails on the key. */
  public void remember(
      String merchantId, String key, String requestHash, String resourceType, String resourceId) {
    em.persist(
        new IdempotencyRecord(
            merchantId, key, requestHash, resourceType, resourceId, clock.instant()));
    em.flush();
  }
}
