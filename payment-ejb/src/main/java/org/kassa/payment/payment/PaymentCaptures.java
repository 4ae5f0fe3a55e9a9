package org.kassa.payment.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import java.util.logging.Logger;
import org.kassa.payment.gateway.CaptureRequest;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.GatewayUnavailableException;
import org.kassa.payment.gateway.Gateways;
import org.kassa.payment.gateway.PaymentGateway;
import org.kassa.payment.gateway.PaymentReference;
import org.kassa.payment.money.Money;

/**
 * Captures and voids authorizations (manual capture). The checks run on the stored payment before
 * the gateway is asked; the gateway's answer is applied like any other, so a capture that also
 * arrives by callback is applied once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentCaptures {

  private static final Logger LOG = Logger.getLogger(PaymentCaptures.class.getName());

  @Inject private Payments payments;
  @Inject private PaymentAttempts attempts;
  @Inject private Gateways gateways;
  @Inject private ReviewHolds holds;
  @Inject private TransferredMoney transferredMoney;

  /**
   * Captures all or part of an authorized payment.
   *
   * @param amount how much, in minor units; null captures all that was authorized
   * @return the payment: captured, partially captured, or still authorized when the gateway did not
   *     answer (ask again with the same Idempotency-Key)
   * @throws IllegalPaymentTransitionException if the payment is not authorized
   * @throws CaptureNotAllowedException if the amount is more than was authorized
   * @throws PaymentHeldForReviewException if an open compliance case holds it
   * @throws org.kassa.payment.gateway.GatewayRejectedException if the gateway refused it
   */
  public PaymentResult capture(@NotBlank String merchantId, String paymentId, Long amount) {
    Payment payment = payments.get(merchantId, paymentId);
    Money toCapture = payment.captureAmount(amount);
    if (holds.openCaseHolding(payment).isPresent()) {
      throw new PaymentHeldForReviewException(paymentId);
    }
    if (payment.method().payerSendsMoney()) {
      // The payer's transfer already arrived (it is authorized only while a case held it): the
      // capture books it, with no gateway to ask.
      return attempts.settle(
          paymentId,
          GatewayResult.captured(
              payment.gatewayReference().orElse(null), payment.toCharged(toCapture).minorUnits()),
          "merchant:" + merchantId);
    }
    PaymentGateway gateway = gateways.named(payment.gateway());
    GatewayResult answer;
    try {
      answer =
          gateway.capture(new CaptureRequest(reference(payment), payment.toCharged(toCapture)));
    } catch (GatewayUnavailableException e) {
      LOG.warning(() -> "event=gateway.unavailable op=capture payment=" + paymentId);
      return PaymentResult.of(payment);
    }
    return attempts.settle(paymentId, answer, "merchant:" + merchantId);
  }

  /**
   * Voids an authorization that was not captured (or a payment still waiting for 3-D Secure).
   *
   * @return the payment: canceled, or unchanged when the gateway did not answer
   * @throws IllegalPaymentTransitionException if it was captured, failed or already ended
   */
  public PaymentResult cancel(@NotBlank String merchantId, String paymentId) {
    Payment payment = payments.get(merchantId, paymentId);
    if (!payment.status().canMoveTo(PaymentStatus.CANCELED)
        || payment.status() == PaymentStatus.PROCESSING) {
      throw new IllegalPaymentTransitionException(
          paymentId, payment.status(), PaymentStatus.CANCELED);
    }
    return voidAt(payment, "merchant:" + merchantId);
  }

  /**
   * Voids an authorization at its gateway and applies the answer; used by the merchant's cancel and
   * by a compliance officer's decision. A credit transfer has nothing to void: its transfer is
   * closed and what arrived kept to be returned.
   */
  public PaymentResult voidAt(Payment payment, String actor) {
    if (payment.method().payerSendsMoney()) {
      return transferredMoney.cancel(payment.id(), actor);
    }
    GatewayResult answer;
    try {
      answer = gateways.named(payment.gateway()).voidAuthorization(reference(payment));
    } catch (GatewayUnavailableException e) {
      LOG.warning(() -> "event=gateway.unavailable op=void payment=" + payment.id());
      return PaymentResult.of(payment);
    }
    return attempts.settle(payment.id(), answer, actor);
  }

  private static PaymentReference reference(Payment payment) {
    return new PaymentReference(payment.id(), payment.gatewayReference().orElse(null));
  }
}
