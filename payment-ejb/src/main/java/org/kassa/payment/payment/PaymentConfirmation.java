package org.kassa.payment.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.GatewayUnavailableException;
import org.kassa.payment.gateway.Gateways;
import org.kassa.payment.gateway.PaymentGateway;
import org.kassa.payment.gateway.sandbox.SandboxGateway;

/**
 * Confirms a checkout session with a card, in the three steps of the payment flow: store a
 * processing payment (transaction one), call the gateway with the payment id as idempotency key (no
 * transaction), apply the answer (transaction two).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentConfirmation {

  private static final Logger LOG = Logger.getLogger(PaymentConfirmation.class.getName());

  @Inject private PaymentAttempts attempts;
  @Inject private Gateways gateways;
  @Inject private MetricRegistry metrics;

  /**
   * Pays a session with a card.
   *
   * @param payer who pays: the name on the card and the email for the receipt
   * @return the payment and its status: captured, failed (with the decline reason) or, when the
   *     gateway did not answer, processing
   * @throws SessionNotPayableException if the session is paid, expired or being paid
   */
  public PaymentResult confirm(
      @NotBlank String sessionId, @NotNull CardDetails card, @NotNull @Valid Payer payer) {
    // Routing between gateways comes with the payment engine work; the sandbox is the one today.
    PaymentGateway chosen = gateways.named(SandboxGateway.NAME);
    Payment payment = attempts.begin(sessionId, card.summary(), payer, chosen.name());
    GatewayResult answer;
    long started = System.nanoTime();
    try {
      answer =
          chosen.authorize(new AuthorizationRequest(payment.id(), payment.amount(), card, true));
    } catch (GatewayUnavailableException e) {
      // Unknown outcome: the payment stays processing until the gateway is asked again by id.
      LOG.warning(
          () -> "event=gateway.unavailable payment=" + payment.id() + " gateway=" + chosen.name());
      countOutcome(PaymentStatus.PROCESSING);
      return new PaymentResult(payment.id(), PaymentStatus.PROCESSING, null);
    } finally {
      metrics
          .timer("kassa_gateway_call", new Tag("gateway", chosen.name()))
          .update(Duration.ofNanos(System.nanoTime() - started));
    }
    PaymentResult result = attempts.complete(payment.id(), answer);
    countOutcome(result.status());
    return result;
  }

  private void countOutcome(PaymentStatus status) {
    metrics.counter("kassa_payments_total", new Tag("outcome", status.apiName())).inc();
  }
}
