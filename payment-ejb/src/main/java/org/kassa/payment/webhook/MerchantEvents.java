package org.kassa.payment.webhook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.kassa.payment.merchant.ApiKey;

/**
 * The outbox's entrance: {@link #publish} writes an event, and one pending delivery per endpoint
 * that wants it, in the caller's transaction, so that the event exists if and only if the change it
 * reports commits. {@link WebhookDelivery} sends it afterwards.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MerchantEvents {

  private static final Logger LOG = Logger.getLogger(MerchantEvents.class.getName());

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /**
   * Publishes an event to the merchant's enabled endpoints that subscribe to its type.
   *
   * @param merchantId whose event it is
   * @param type e.g. {@code payment.captured} (lower-case dotted words)
   * @param objectType the kind of object it is about, e.g. {@code payment}
   * @param objectId that object's id
   * @param payloadJson the object as the merchant API shows it: one JSON object, stored and sent as
   *     {@code data.object}
   * @return the event's id ({@code evt_…}), which receivers see as {@code Kassa-Event-Id}
   * @throws IllegalArgumentException if an argument is malformed (a programming error: the caller's
   *     transaction is rolled back with it)
   */
  public String publish(
      String merchantId, String type, String objectType, String objectId, String payloadJson) {
    requireText(merchantId, "merchantId", 40);
    requireText(objectType, "objectType", 40);
    requireText(objectId, "objectId", 100);
    if (type == null || type.length() > 100 || !EventTypes.TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("not an event type: " + type);
    }
    Instant now = clock.instant();
    WebhookEvent event =
        new WebhookEvent(
            WebhookEvent.ID_PREFIX + ApiKey.randomToken(24),
            merchantId,
            type,
            objectType,
            objectId,
            payloadJson,
            now);
    em.persist(event);
    List<WebhookEndpoint> endpoints =
        em.createQuery(
                "SELECT e FROM WebhookEndpoint e"
                    + " WHERE e.merchantId = :merchant AND e.enabled = TRUE ORDER BY e.createdAt",
                WebhookEndpoint.class)
            .setParameter("merchant", merchantId)
            .getResultList();
    int queued = 0;
    for (WebhookEndpoint endpoint : endpoints) {
      if (endpoint.receives(type)) {
        em.persist(
            new EventDelivery(
                EventDelivery.ID_PREFIX + ApiKey.randomToken(24), event, endpoint, now));
        queued++;
      }
    }
    int deliveries = queued;
    LOG.info(
        () ->
            "event=webhook.published id="
                + event.id()
                + " type="
                + type
                + " merchant="
                + merchantId
                + " object="
                + objectId
                + " deliveries="
                + deliveries);
    return event.id();
  }

  private static void requireText(String value, String name, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
    }
  }
}
