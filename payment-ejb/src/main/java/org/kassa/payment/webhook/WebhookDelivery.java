package org.kassa.payment.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.payment.merchant.ApiKey;

/**
 * Sends the outbox. Every node runs it every 5 seconds ({@link #deliverDue}); any number may, and
 * none sends an attempt another is sending:
 *
 * <ol>
 *   <li>{@link #claim} takes due deliveries in a short transaction of its own with {@code SELECT …
 *       FOR UPDATE SKIP LOCKED}, so concurrent nodes take different rows, and marks them {@code
 *       SENDING} under a lease ({@code kassa.webhooks.lease}): another node takes one again only
 *       when the lease has run out, which is when the node sending it died.
 *   <li>The batch is posted outside any transaction, concurrently, by {@link WebhookSender}.
 *   <li>{@link #record} logs each attempt and settles the delivery in a new transaction, if the
 *       claim still holds: delivered on 2xx, else due again after a back-off ({@link
 *       RetrySchedule}) or failed when the retry window is over.
 * </ol>
 *
 * Delivery is at least once: a node that dies after posting and before recording leaves an attempt
 * whose outcome is unknown, and the event goes again when the lease ends. Receivers dedupe on
 * {@code Kassa-Event-Id}, which is why the body and the id never change between attempts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDelivery {

  /** Due deliveries, oldest due first (see {@link AttemptLease#claimQuery}). */
  static final String CLAIM_SQL = AttemptLease.claimQuery("webhook_delivery");

  /** The largest batch one claim takes, whatever is asked. */
  public static final int MAX_BATCH = 500;

  private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private WebhookDelivery self;
  @Inject private WebhookSender sender;

  @Inject
  @ConfigProperty(name = "kassa.webhooks.batch-size", defaultValue = "50")
  int batchSize;

  @Inject
  @ConfigProperty(name = "kassa.webhooks.lease", defaultValue = "PT2M")
  Duration lease;

  @Inject
  @ConfigProperty(name = "kassa.webhooks.retry.first-delay", defaultValue = "PT30S")
  Duration firstDelay;

  @Inject
  @ConfigProperty(name = "kassa.webhooks.retry.max-delay", defaultValue = "PT6H")
  Duration maxDelay;

  @Inject
  @ConfigProperty(name = "kassa.webhooks.retry.window", defaultValue = "P3D")
  Duration window;

  private RetrySchedule retries = RetrySchedule.DEFAULT;
  private final Clock clock = Clock.systemUTC();

  @PostConstruct
  void configure() {
    retries = new RetrySchedule(firstDelay, maxDelay, window);
  }

  /** One claimed attempt: what to send, and the token that lets its outcome be recorded. */
  public record Claim(
      String deliveryId,
      String token,
      int attemptNo,
      Instant attemptedAt,
      String endpointId,
      WebhookSender.Outgoing outgoing) {}

  /** What one round of {@link #deliverDue} did. */
  public record Round(int claimed, int delivered, int retrying, int failed, int dropped) {
    static final Round NONE = new Round(0, 0, 0, 0, 0);
  }

  /** What {@link #record} made of an attempt. */
  public enum Outcome {
    /** The endpoint took it. */
    DELIVERED,
    /** It failed and is due again later. */
    RETRYING,
    /** It failed and the retry window is over. */
    FAILED,
    /** The endpoint was disabled meanwhile. */
    CANCELED,
    /**
     * The claim had lapsed and another node took the delivery over: its outcome is the one
     * recorded.
     */
    CLAIM_LOST
  }

  /** The timer: one round every 5 seconds on every node. */
  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  public void onTimer() {
    try {
      deliverDue(batchSize);
    } catch (RuntimeException e) {
      // The next tick tries again; what was claimed falls due when its lease ends.
      LOG.log(Level.WARNING, "event=webhook.round_failed error=" + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Claims up to {@code max} due deliveries, posts them, and records the outcomes. Public so that
   * tests drive it without waiting for the timer.
   */
  public Round deliverDue(int max) {
    List<Claim> claims = self.claim(max);
    if (claims.isEmpty()) {
      return Round.NONE;
    }
    List<CompletableFuture<WebhookSender.Result>> sent = new ArrayList<>(claims.size());
    for (Claim claim : claims) {
      sent.add(sender.send(claim.outgoing()));
    }
    int delivered = 0;
    int retrying = 0;
    int failed = 0;
    int dropped = 0;
    for (int i = 0; i < claims.size(); i++) {
      Claim claim = claims.get(i);
      try {
        Outcome outcome = self.record(claim, sent.get(i).join());
        switch (outcome) {
          case DELIVERED -> delivered++;
          case RETRYING -> retrying++;
          case FAILED -> failed++;
          default -> dropped++;
        }
      } catch (RuntimeException e) {
        // Not recorded: the delivery falls due again when its lease ends.
        dropped++;
        LOG.log(
            Level.WARNING,
            "event=webhook.record_failed delivery="
                + claim.deliveryId()
                + " attempt="
                + claim.attemptNo()
                + " error="
                + e.getClass().getSimpleName(),
            e);
      }
    }
    Round round = new Round(claims.size(), delivered, retrying, failed, dropped);
    LOG.fine(() -> "event=webhook.round " + round);
    return round;
  }

  /**
   * Claims up to {@code max} due deliveries for this node, in a transaction of its own: each gets a
   * new attempt number and a lease. A delivery whose previous claim lapsed gets that attempt logged
   * as abandoned first; one whose endpoint was disabled is canceled instead.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Claim> claim(int max) {
    if (max <= 0) {
      return List.of();
    }
    Instant now = clock.instant();
    List<?> ids =
        em.createNativeQuery(CLAIM_SQL)
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, Math.min(max, MAX_BATCH))
            .getResultList();
    Duration effectiveLease = effectiveLease();
    List<Claim> claims = new ArrayList<>(ids.size());
    for (Object id : ids) {
      EventDelivery delivery = em.find(EventDelivery.class, String.valueOf(id));
      if (delivery == null) {
        continue;
      }
      if (delivery.abandoned(now)) {
        em.persist(
            DeliveryAttempt.abandoned(
                delivery.id(),
                delivery.attemptCount(),
                delivery.lastAttemptAt().orElse(now),
                delivery.nextAttemptAt().orElse(now)));
        LOG.warning(
            () ->
                "event=webhook.attempt_abandoned delivery="
                    + delivery.id()
                    + " attempt="
                    + delivery.attemptCount());
      }
      WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.endpointId());
      if (!endpoint.enabled()) {
        delivery.cancel(now);
        continue;
      }
      URI url;
      try {
        url = new URI(endpoint.url());
      } catch (URISyntaxException e) {
        // Checked when the endpoint was created, so never expected; but one bad row must not
        // fail every claim that meets it.
        delivery.cancel(now);
        LOG.warning(() -> "event=webhook.invalid_url endpoint=" + endpoint.id());
        continue;
      }
      String token = ApiKey.randomToken(24);
      int attemptNo = delivery.claim(token, now, effectiveLease);
      WebhookEvent event = em.find(WebhookEvent.class, delivery.eventId());
      claims.add(
          new Claim(
              delivery.id(),
              token,
              attemptNo,
              now,
              endpoint.id(),
              new WebhookSender.Outgoing(
                  url, event.id(), event.type(), event.bodyBytes(), endpoint.signingSecrets(now))));
    }
    return claims;
  }

  /**
   * Logs one attempt and settles its delivery, in a transaction of its own, if {@code claim} still
   * holds it.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Outcome record(Claim claim, WebhookSender.Result result) {
    EventDelivery delivery =
        em.find(EventDelivery.class, claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
    if (delivery == null || !delivery.holds(claim.token())) {
      LOG.warning(
          () ->
              "event=webhook.claim_lost delivery="
                  + claim.deliveryId()
                  + " attempt="
                  + claim.attemptNo());
      return Outcome.CLAIM_LOST;
    }
    Instant now = clock.instant();
    em.persist(DeliveryAttempt.of(delivery.id(), claim.attemptNo(), claim.attemptedAt(), result));
    boolean endpointEnabled = em.find(WebhookEndpoint.class, delivery.endpointId()).enabled();
    Outcome outcome = delivery.settle(result, endpointEnabled, retries, now);
    log(claim, result, outcome, delivery);
    return outcome;
  }

  /**
   * The lease outlasts the longest exchange with room to record it; a configured lease shorter than
   * that would let another node send an attempt that is still running.
   */
  private Duration effectiveLease() {
    Duration floor = sender.timeout().multipliedBy(3);
    return lease.compareTo(floor) < 0 ? floor : lease;
  }

  private static void log(
      Claim claim, WebhookSender.Result result, Outcome outcome, EventDelivery delivery) {
    Level level = outcome == Outcome.DELIVERED ? Level.INFO : Level.WARNING;
    LOG.log(
        level,
        () ->
            "event=webhook."
                + outcome.name().toLowerCase(java.util.Locale.ROOT)
                + " delivery="
                + delivery.id()
                + " event_id="
                + claim.outgoing().eventId()
                + " endpoint="
                + claim.endpointId()
                + " attempt="
                + claim.attemptNo()
                + " status="
                + (result.statusCode() == null ? "none" : result.statusCode())
                + (result.error() == null ? "" : " error=" + result.error())
                + " duration_ms="
                + result.durationMillis()
                + delivery
                    .nextAttemptAt()
                    .filter(t -> outcome == Outcome.RETRYING)
                    .map(t -> " next=" + t)
                    .orElse(""));
  }
}
