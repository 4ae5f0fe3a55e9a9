package org.kassa.payment.webhook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kassa.payment.NotFoundException;

/**
 * What the console and the API show of a merchant's outbound webhooks: recent events, each with its
 * deliveries and their attempts. Read only; another merchant's event or endpoint is not found.
 * Views never carry a signing secret.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WebhookActivity {

  /** The most events or deliveries one call answers. */
  public static final int MAX_LIMIT = 100;

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  /**
   * One attempt.
   *
   * @param outcome {@code delivered}, {@code failed} or {@code abandoned}
   * @param statusCode the endpoint's HTTP status, or null without an answer
   * @param error the exception that ended the attempt without an answer, or null
   * @param responseExcerpt at most 200 characters of the answer, or null
   */
  public record AttemptView(
      int number,
      Instant attemptedAt,
      String outcome,
      Integer statusCode,
      String error,
      long durationMillis,
      String responseExcerpt) {}

  /**
   * One event's delivery to one endpoint.
   *
   * @param status {@code pending}, {@code sending}, {@code delivered}, {@code failed} or {@code
   *     canceled}
   * @param nextAttemptAt when it is tried next, while pending; else null
   * @param attempts oldest first
   */
  public record DeliveryView(
      String id,
      String eventId,
      String eventType,
      String endpointId,
      String url,
      String status,
      int attemptCount,
      Instant nextAttemptAt,
      Instant lastAttemptAt,
      Integer lastStatusCode,
      Instant deliveredAt,
      Instant createdAt,
      List<AttemptView> attempts) {}

  /**
   * One event.
   *
   * @param body the JSON envelope exactly as posted
   * @param deliveries one per endpoint it was queued for, oldest endpoint first
   */
  public record EventView(
      String id,
      String type,
      String objectType,
      String objectId,
      Instant createdAt,
      String body,
      List<DeliveryView> deliveries) {}

  /**
   * The merchant's events, newest first.
   *
   * @param before only events created before this instant (the last one of the previous page), or
   *     null for the newest
   * @param limit 1 to {@value #MAX_LIMIT}
   */
  public List<EventView> recentEvents(String merchantId, Instant before, int limit) {
    TypedQuery<WebhookEvent> query =
        em.createQuery(
                "SELECT e FROM WebhookEvent e WHERE e.merchantId = :merchant"
                    + (before == null ? "" : " AND e.createdAt < :before")
                    + " ORDER BY e.createdAt DESC, e.id DESC",
                WebhookEvent.class)
            .setParameter("merchant", merchantId)
            .setMaxResults(clamp(limit));
    if (before != null) {
      query.setParameter("before", before.atOffset(ZoneOffset.UTC));
    }
    return views(query.getResultList());
  }

  /** The merchant's events about one object (a payment, a refund), newest first. */
  public List<EventView> eventsAbout(String merchantId, String objectId) {
    return views(
        em.createQuery(
                "SELECT e FROM WebhookEvent e WHERE e.objectId = :object"
                    + " AND e.merchantId = :merchant ORDER BY e.createdAt DESC, e.id DESC",
                WebhookEvent.class)
            .setParameter("object", objectId)
            .setParameter("merchant", merchantId)
            .setMaxResults(MAX_LIMIT)
            .getResultList());
  }

  /**
   * One of the merchant's events.
   *
   * @throws NotFoundException if it does not exist or is another merchant's
   */
  public EventView event(String merchantId, String eventId) {
    WebhookEvent event =
        Optional.ofNullable(eventId)
            .map(id -> em.find(WebhookEvent.class, id))
            .filter(e -> e.merchantId().equals(merchantId))
            .orElseThrow(() -> new NotFoundException("event", eventId));
    return views(List.of(event)).get(0);
  }

  /**
   * The latest deliveries to one of the merchant's endpoints, newest first.
   *
   * @param limit 1 to {@value #MAX_LIMIT}
   * @throws NotFoundException if the endpoint does not exist or is another merchant's
   */
  public List<DeliveryView> recentDeliveries(String merchantId, String endpointId, int limit) {
    WebhookEndpoint endpoint =
        Optional.ofNullable(endpointId)
            .map(id -> em.find(WebhookEndpoint.class, id))
            .filter(e -> e.merchantId().equals(merchantId))
            .orElseThrow(() -> new NotFoundException("webhook endpoint", endpointId));
    List<EventDelivery> deliveries =
        em.createQuery(
                "SELECT d FROM EventDelivery d WHERE d.endpointId = :endpoint"
                    + " ORDER BY d.createdAt DESC, d.id DESC",
                EventDelivery.class)
            .setParameter("endpoint", endpoint.id())
            .setMaxResults(clamp(limit))
            .getResultList();
    Map<String, WebhookEvent> events =
        byId(
            deliveries.stream().map(EventDelivery::eventId).distinct().toList(),
            "SELECT e FROM WebhookEvent e WHERE e.id IN :ids",
            WebhookEvent.class,
            WebhookEvent::id);
    Map<String, List<AttemptView>> attempts = attemptsOf(deliveries);
    return deliveries.stream()
        .map(
            d ->
                view(
                    d,
                    events.get(d.eventId()).type(),
                    endpoint.url(),
                    attempts.getOrDefault(d.id(), List.of())))
        .toList();
  }

  private List<EventView> views(List<WebhookEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    List<EventDelivery> deliveries =
        em.createQuery(
                "SELECT d FROM EventDelivery d WHERE d.eventId IN :ids ORDER BY d.createdAt, d.id",
                EventDelivery.class)
            .setParameter("ids", events.stream().map(WebhookEvent::id).toList())
            .getResultList();
    Map<String, WebhookEndpoint> endpoints =
        byId(
            deliveries.stream().map(EventDelivery::endpointId).distinct().toList(),
            "SELECT e FROM WebhookEndpoint e WHERE e.id IN :ids",
            WebhookEndpoint.class,
            WebhookEndpoint::id);
    Map<String, List<AttemptView>> attempts = attemptsOf(deliveries);
    Map<String, List<DeliveryView>> byEvent = new LinkedHashMap<>();
    Map<String, WebhookEvent> eventsById =
        events.stream().collect(Collectors.toMap(WebhookEvent::id, Function.identity()));
    for (EventDelivery d : deliveries) {
      WebhookEvent event = eventsById.get(d.eventId());
      WebhookEndpoint endpoint = endpoints.get(d.endpointId());
      byEvent
          .computeIfAbsent(d.eventId(), k -> new ArrayList<>())
          .add(
              view(
                  d,
                  event.type(),
                  endpoint == null ? null : endpoint.url(),
                  attempts.getOrDefault(d.id(), List.of())));
    }
    return events.stream()
        .map(
            e ->
                new EventView(
                    e.id(),
                    e.type(),
                    e.objectType(),
                    e.objectId(),
                    e.createdAt(),
                    e.body(),
                    List.copyOf(byEvent.getOrDefault(e.id(), List.of()))))
        .toList();
  }

  private Map<String, List<AttemptView>> attemptsOf(List<EventDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "SELECT a FROM DeliveryAttempt a WHERE a.deliveryId IN :ids"
                + " ORDER BY a.deliveryId, a.attemptNo",
            DeliveryAttempt.class)
        .setParameter("ids", deliveries.stream().map(EventDelivery::id).toList())
        .getResultStream()
        .collect(
            Collectors.groupingBy(
                DeliveryAttempt::deliveryId,
                LinkedHashMap::new,
                Collectors.mapping(WebhookActivity::view, Collectors.toList())));
  }

  private <T> Map<String, T> byId(
      Collection<String> ids, String jpql, Class<T> type, Function<T, String> id) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(jpql, type).setParameter("ids", ids).getResultList().stream()
        .collect(Collectors.toMap(id, Function.identity()));
  }

  private static DeliveryView view(
      EventDelivery d, String eventType, String url, List<AttemptView> attempts) {
    return new DeliveryView(
        d.id(),
        d.eventId(),
        eventType,
        d.endpointId(),
        url,
        d.status().apiName(),
        d.attemptCount(),
        d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt().orElse(null) : null,
        d.lastAttemptAt().orElse(null),
        d.lastStatusCode().orElse(null),
        d.deliveredAt().orElse(null),
        d.createdAt(),
        List.copyOf(attempts));
  }

  private static AttemptView view(DeliveryAttempt a) {
    return new AttemptView(
        a.attemptNo(),
        a.attemptedAt(),
        a.outcome().apiName(),
        a.statusCode().orElse(null),
        a.error().orElse(null),
        a.durationMillis(),
        a.responseExcerpt().orElse(null));
  }

  private static int clamp(int limit) {
    return Math.max(1, Math.min(limit, MAX_LIMIT));
  }
}
