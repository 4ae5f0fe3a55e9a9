package org.kassa.payment.webhook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.merchant.ApiKey;

/**
 * A merchant's webhook endpoints: create, read, disable and enable them, rotate their signing
 * secrets, and replay a delivery. Another merchant's endpoint or delivery is not found, never
 * forbidden, so ids reveal nothing. Every change is audited; secrets never are.
 */
@Stateless
public class MerchantWebhooks {

  /** The most enabled endpoints one merchant may have: each event is posted to each of them. */
  public static final int MAX_ENABLED_ENDPOINTS = 16;

  /** The longest overlap a rotation may ask for. */
  public static final Duration MAX_ROTATION_OVERLAP = Duration.ofDays(7);

  private static final Logger LOG = Logger.getLogger(MerchantWebhooks.class.getName());

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private AuditTrail audit;

  @Inject
  @ConfigProperty(name = "kassa.webhooks.rotation-overlap", defaultValue = "PT24H")
  Duration rotationOverlap;

  @Inject
  @ConfigProperty(name = "kassa.mode", defaultValue = "demo")
  String mode;

  private final Clock clock = Clock.systemUTC();

  /**
   * Creates an enabled endpoint with a new signing secret, for the caller to show the merchant
   * ({@link WebhookEndpoint#secret()}).
   *
   * @throws InvalidRequestException naming each field that is wrong, or when the merchant has
   *     {@value #MAX_ENABLED_ENDPOINTS} enabled endpoints already
   */
  public WebhookEndpoint create(@NotBlank String merchantId, NewWebhookEndpoint request) {
    if (request == null) {
      throw new InvalidRequestException(
          "invalid_request", "A webhook endpoint needs a url.", Map.of("url", "is required"));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    WebhookUrl.problem(request.url(), allowLoopback()).ifPresent(p -> errors.put("url", p));
    EventTypes.Result types = EventTypes.parse(request.enabledEvents());
    types.problem().ifPresent(p -> errors.put("enabled_events", p));
    if (request.description() != null && request.description().length() > 200) {
      errors.put("description", "must be at most 200 characters");
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(
          "invalid_webhook_endpoint", "The webhook endpoint is not valid.", errors);
    }
    requireRoomForOneMore(merchantId);
    WebhookEndpoint endpoint =
        new WebhookEndpoint(
            WebhookEndpoint.ID_PREFIX + ApiKey.randomToken(24),
            merchantId,
            request.url(),
            blankToNull(request.description()),
            types.types(),
            newSecret(),
            clock.instant());
    em.persist(endpoint);
    String events = endpoint.types().toString();
    audit(
        merchantId,
        "webhook_endpoint.created",
        endpoint,
        "enabled",
        "events=" + (events.length() > 900 ? events.substring(0, 900) + "…" : events));
    LOG.info(
        () ->
            "event=webhook_endpoint.created endpoint=" + endpoint.id() + " merchant=" + merchantId);
    return endpoint;
  }

  /** The merchant's endpoints, enabled and disabled, oldest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<WebhookEndpoint> list(String merchantId) {
    return em.createQuery(
            "SELECT e FROM WebhookEndpoint e WHERE e.merchantId = :merchant"
                + " ORDER BY e.createdAt, e.id",
            WebhookEndpoint.class)
        .setParameter("merchant", merchantId)
        .getResultList();
  }

  /** The merchant's endpoint, if it exists. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<WebhookEndpoint> find(String merchantId, String endpointId) {
    return Optional.ofNullable(endpointId)
        .map(id -> em.find(WebhookEndpoint.class, id))
        .filter(e -> e.merchantId().equals(merchantId));
  }

  /**
   * The merchant's endpoint.
   *
   * @throws NotFoundException if it does not exist or is another merchant's
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public WebhookEndpoint get(String merchantId, String endpointId) {
    return find(merchantId, endpointId)
        .orElseThrow(() -> new NotFoundException("webhook endpoint", endpointId));
  }

  /**
   * Deletes an endpoint by disabling it: no new event goes to it, its deliveries not yet sent are
   * canceled, and its history stays readable. Disabling a disabled endpoint changes nothing.
   *
   * @throws NotFoundException if it does not exist or is another merchant's
   */
  public WebhookEndpoint disable(String merchantId, String endpointId) {
    WebhookEndpoint endpoint = locked(merchantId, endpointId);
    if (!endpoint.enabled()) {
      return endpoint;
    }
    Instant now = clock.instant();
    endpoint.disable(now);
    List<EventDelivery> waiting =
        em.createQuery(
                "SELECT d FROM EventDelivery d WHERE d.endpointId = :endpoint"
                    + " AND d.status = :pending",
                EventDelivery.class)
            .setParameter("endpoint", endpointId)
            .setParameter("pending", DeliveryStatus.PENDING)
            .getResultList();
    // One being sent right now is settled by its sender, which cancels rather than retries it.
    waiting.forEach(d -> d.cancel(now));
    audit(
        merchantId,
        "webhook_endpoint.disabled",
        endpoint,
        "disabled",
        "canceled=" + waiting.size());
    LOG.info(
        () ->
            "event=webhook_endpoint.disabled endpoint="
                + endpointId
                + " merchant="
                + merchantId
                + " canceled="
                + waiting.size());
    return endpoint;
  }

  /**
   * Enables a disabled endpoint again; it receives events published from now on (replay a canceled
   * delivery to send an older one).
   *
   * @throws NotFoundException if it does not exist or is another merchant's
   * @throws InvalidRequestException if the merchant has the most enabled endpoints already
   */
  public WebhookEndpoint enable(String merchantId, String endpointId) {
    WebhookEndpoint endpoint = locked(merchantId, endpointId);
    if (endpoint.enabled()) {
      return endpoint;
    }
    requireRoomForOneMore(merchantId);
    endpoint.enable(clock.instant());
    audit(merchantId, "webhook_endpoint.enabled", endpoint, "enabled", null);
    LOG.info(
        () -> "event=webhook_endpoint.enabled endpoint=" + endpointId + " merchant=" + merchantId);
    return endpoint;
  }

  /**
   * Gives the endpoint a new signing secret, which signs at once; the old one signs too, in the
   * same header, for {@code kassa.webhooks.rotation-overlap} (24 hours by default).
   *
   * @throws NotFoundException if it does not exist or is another merchant's
   */
  public WebhookEndpoint rotateSecret(String merchantId, String endpointId) {
    return rotateSecret(merchantId, endpointId, null);
  }

  /**
   * Gives the endpoint a new signing secret, which signs at once; the old one signs too for {@code
   * overlap}. Zero stops the old secret at once, for a secret that leaked.
   *
   * @param overlap from zero to 7 days, or null for {@code kassa.webhooks.rotation-overlap}
   * @throws NotFoundException if it does not exist or is another merchant's
   * @throws InvalidRequestException if the overlap is out of range
   */
  public WebhookEndpoint rotateSecret(String merchantId, String endpointId, Duration overlap) {
    Duration effective = overlap == null ? rotationOverlap : overlap;
    if (effective.isNegative() || effective.compareTo(MAX_ROTATION_OVERLAP) > 0) {
      throw new InvalidRequestException(
          "invalid_rotation_overlap",
          "The old secret may keep signing for zero to 7 days.",
          Map.of("expires_in", "must be between 0 and " + MAX_ROTATION_OVERLAP.toSeconds()));
    }
    WebhookEndpoint endpoint = locked(merchantId, endpointId);
    endpoint.rotate(newSecret(), effective, clock.instant());
    audit(
        merchantId,
        "webhook_endpoint.secret_rotated",
        endpoint,
        endpoint.enabled() ? "enabled" : "disabled",
        "overlap=" + effective);
    LOG.info(
        () ->
            "event=webhook_endpoint.secret_rotated endpoint="
                + endpointId
                + " merchant="
                + merchantId
                + " overlap="
                + effective);
    return endpoint;
  }

  /**
   * Sends a delivered, failed or canceled delivery again: it is due now, with a new series of
   * attempts, and posts the same bytes (receivers dedupe on {@code Kassa-Event-Id}); its attempt
   * log keeps growing. A delivery that is still pending or being sent is refused: it is on its way.
   *
   * @throws NotFoundException if it does not exist or is another merchant's
   * @throws InvalidRequestException if it is not settled, or its endpoint is disabled
   */
  public EventDelivery replay(String merchantId, String deliveryId) {
    EventDelivery delivery =
        Optional.ofNullable(deliveryId)
            .map(id -> em.find(EventDelivery.class, id, LockModeType.PESSIMISTIC_WRITE))
            .filter(d -> d.merchantId().equals(merchantId))
            .orElseThrow(() -> new NotFoundException("webhook delivery", deliveryId));
    if (!delivery.status().settled()) {
      throw new InvalidRequestException(
          "delivery_in_progress",
          "Delivery " + deliveryId + " is " + delivery.status().apiName() + " already.",
          Map.of());
    }
    WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.endpointId());
    if (!endpoint.enabled()) {
      throw new InvalidRequestException(
          "webhook_endpoint_disabled",
          "Endpoint " + endpoint.id() + " is disabled; enable it to replay its deliveries.",
          Map.of());
    }
    delivery.replay(clock.instant());
    audit.append(
        AuditRecord.of(
                "merchant:" + merchantId,
                "webhook_delivery.replayed",
                "webhook_delivery",
                delivery.id(),
                delivery.status().apiName())
            .withDetail("event=" + delivery.eventId() + " endpoint=" + delivery.endpointId()));
    LOG.info(
        () ->
            "event=webhook_delivery.replayed delivery="
                + deliveryId
                + " event_id="
                + delivery.eventId()
                + " merchant="
                + merchantId);
    return delivery;
  }

  private WebhookEndpoint locked(String merchantId, String endpointId) {
    return Optional.ofNullable(endpointId)
        .map(id -> em.find(WebhookEndpoint.class, id, LockModeType.PESSIMISTIC_WRITE))
        .filter(e -> e.merchantId().equals(merchantId))
        .orElseThrow(() -> new NotFoundException("webhook endpoint", endpointId));
  }

  private void requireRoomForOneMore(String merchantId) {
    long enabled =
        em.createQuery(
                "SELECT COUNT(e) FROM WebhookEndpoint e"
                    + " WHERE e.merchantId = :merchant AND e.enabled = TRUE",
                Long.class)
            .setParameter("merchant", merchantId)
            .getSingleResult();
    if (enabled >= MAX_ENABLED_ENDPOINTS) {
      throw new InvalidRequestException(
          "too_many_webhook_endpoints",
          "A merchant may have at most " + MAX_ENABLED_ENDPOINTS + " enabled webhook endpoints.",
          Map.of());
    }
  }

  /** Loopback URLs are for developers' machines: refused unless Kassa runs in demo mode. */
  private boolean allowLoopback() {
    return "demo".equals(mode);
  }

  private static String newSecret() {
    return WebhookEndpoint.SECRET_PREFIX + ApiKey.randomToken(32);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private void audit(
      String merchantId, String action, WebhookEndpoint endpoint, String outcome, String detail) {
    audit.append(
        AuditRecord.of("merchant:" + merchantId, action, "webhook_endpoint", endpoint.id(), outcome)
            .withDetail(detail));
  }
}
