package org.kassa.payment.reconcile;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.GatewayUnavailableException;
import org.kassa.payment.gateway.Gateways;
import org.kassa.payment.gateway.PaymentGateway;
import org.kassa.payment.gateway.PaymentReference;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentAttempts;
import org.kassa.payment.payment.PaymentConfirmation;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.Payments;
import org.kassa.payment.refund.Refunds;

/**
 * The reconciler: no payment stays processing forever, and none is charged twice.
 *
 * <ul>
 *   <li>A payment processing for longer than {@code kassa.reconcile.after} (default 2 minutes) is
 *       asked for at its gateway by Kassa's payment id and settled by the answer. If the gateway
 *       never received it, a saved payment method is sent again (same id, so a charge the gateway
 *       did make is answered, not repeated); a typed card, which Kassa does not keep, fails as
 *       {@code processing_error} after {@code kassa.reconcile.give-up-after} (default 1 hour):
 *       nothing was charged and the shopper may pay again.
 *   <li>A 3-D Secure challenge left unfinished for {@code kassa.reconcile.action-timeout} (30
 *       minutes) is voided and expires; so does an authorization past its capture deadline.
 *   <li>A refund the gateway did not answer is sent again with the same refund id.
 * </ul>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reconciler {

  private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());
  private static final String ACTOR = "reconciler";

  @Inject private ReconcileClaims claims;
  @Inject private Payments payments;
  @Inject private PaymentAttempts attempts;
  @Inject private PaymentConfirmation confirmation;
  @Inject private Refunds refunds;
  @Inject private Gateways gateways;
  @Inject private MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "kassa.reconcile.after", defaultValue = "PT2M")
  Duration after;

  @Inject
  @ConfigProperty(name = "kassa.reconcile.action-timeout", defaultValue = "PT30M")
  Duration actionTimeout;

  @Inject
  @ConfigProperty(name = "kassa.reconcile.give-up-after", defaultValue = "PT1H")
  Duration giveUpAfter;

  @Inject
  @ConfigProperty(name = "kassa.reconcile.batch", defaultValue = "50")
  int batch;

  private final Clock clock = Clock.systemUTC();

  @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
  public void scheduled() {
    try {
      reconcile(clock.instant());
    } catch (RuntimeException e) {
      // One bad round must not stop the timer; the next round tries again.
      LOG.log(Level.WARNING, "event=reconcile.failed", e);
    }
  }

  /**
   * One round, as of {@code asOf}: what is due by then is claimed and settled.
   *
   * @return how many payments and refunds were looked at
   */
  public int reconcile(Instant asOf) {
    int seen = 0;
    for (String id :
        claims.claimPayments(
            new ReconcileClaims.Cutoffs(asOf.minus(after), asOf.minus(actionTimeout), asOf),
            batch)) {
      try {
        payments.find(id).ifPresent(p -> reconcile(p, asOf));
      } catch (RuntimeException e) {
        // One payment the gateway refuses to talk about must not stop the others.
        count("error");
        LOG.log(Level.WARNING, "event=reconcile.error payment=" + id, e);
      }
      seen++;
    }
    for (String id : claims.claimRefunds(asOf.minus(after), asOf, batch)) {
      try {
        refunds.resend(id);
        count("refund_resent");
      } catch (RuntimeException e) {
        count("error");
        LOG.log(Level.WARNING, "event=reconcile.error refund=" + id, e);
      }
      seen++;
    }
    return seen;
  }

  private void reconcile(Payment payment, Instant asOf) {
    PaymentGateway gateway = gateways.named(payment.gateway());
    Optional<GatewayResult> answer;
    try {
      answer =
          gateway.retrieve(
              new PaymentReference(payment.id(), payment.gatewayReference().orElse(null)));
    } catch (GatewayUnavailableException e) {
      count("gateway_unavailable");
      return; // asked again after the back-off
    }
    PaymentStatus before = payment.status();
    if (answer.isPresent()) {
      PaymentStatus now = attempts.settle(payment.id(), answer.get(), ACTOR).status();
      if (now != before) {
        count("settled");
        log(payment, before, now);
        return;
      }
    }
    switch (before) {
      case PROCESSING -> {
        if (answer.isPresent()) {
          return; // the gateway is still working on it; a callback or the next round settles it
        }
        if (payment.methodToken().isPresent()) {
          PaymentStatus now = confirmation.resend(payment).status();
          count("resent");
          log(payment, before, now);
        } else if (payment.updatedAt().isBefore(asOf.minus(giveUpAfter))) {
          attempts.failUnreached(payment.id(), ACTOR);
          count("failed_unreached");
          log(payment, before, PaymentStatus.FAILED);
        }
      }
      case REQUIRES_ACTION, AUTHORIZED -> {
        // The shopper never finished, or the merchant never captured: release the money.
        try {
          gateway.voidAuthorization(
              new PaymentReference(payment.id(), payment.gatewayReference().orElse(null)));
        } catch (GatewayUnavailableException e) {
          count("gateway_unavailable");
          return;
        } catch (RuntimeException e) {
          // Refused (already captured elsewhere?): the next retrieval will tell; do not expire.
          LOG.warning(() -> "event=reconcile.void_refused payment=" + payment.id());
          return;
        }
        PaymentStatus now =
            attempts
                .expire(
                    payment.id(),
                    ACTOR,
                    before == PaymentStatus.AUTHORIZED
                        ? "capture_deadline_passed"
                        : "authentication_not_completed")
                .status();
        count("expired");
        log(payment, before, now);
      }
      default -> {}
    }
  }

  private void count(String outcome) {
    metrics.counter("kassa_reconciled_total", new Tag("outcome", outcome)).inc();
  }

  private static void log(Payment payment, PaymentStatus from, PaymentStatus to) {
    LOG.info(
        () ->
            "event=reconcile.payment payment="
                + payment.id()
                + " from="
                + from.apiName()
                + " to="
                + to.apiName());
  }
}
