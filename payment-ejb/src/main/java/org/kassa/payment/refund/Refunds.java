package org.kassa.payment.refund;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.logging.Logger;
import org.kassa.payment.gateway.GatewayRefundResult;
import org.kassa.payment.gateway.GatewayRejectedException;
import org.kassa.payment.gateway.GatewayUnavailableException;
import org.kassa.payment.gateway.Gateways;
import org.kassa.payment.gateway.RefundRequest;
import org.kassa.payment.idempotency.IdempotencyKeys;
import org.kassa.payment.payment.Payments;

/** Refunds payments, and lists a payment's refunds. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Refunds {

  private static final Logger LOG = Logger.getLogger(Refunds.class.getName());

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private RefundSteps steps;
  @Inject private Gateways gateways;
  @Inject private Payments payments;

  /**
   * Refunds part or all of a captured payment, in three steps: reserve on the locked payment, call
   * the gateway with the refund id as idempotency key, apply the answer.
   *
   * @return the refund: succeeded, failed, or pending when the gateway did not answer
   */
  public Refund refund(
      @NotBlank String merchantId,
      @NotBlank String paymentId,
      @NotNull @Valid NewRefund request,
      @Size(max = IdempotencyKeys.MAX_KEY_LENGTH) String idempotencyKey) {
    return refund(merchantId, paymentId, request, idempotencyKey, "api");
  }

  /**
   * A refund asked for by someone: {@code api}, or a console user. Above the approval threshold it
   * waits, reserved, for another merchant admin's approval.
   *
   * @return the refund: awaiting approval, succeeded, failed, or pending
   */
  public Refund refund(
      @NotBlank String merchantId,
      @NotBlank String paymentId,
      @NotNull @Valid NewRefund request,
      @Size(max = IdempotencyKeys.MAX_KEY_LENGTH) String idempotencyKey,
      @NotBlank String requestedBy) {
    RefundSteps.Begun begun =
        steps.begin(merchantId, paymentId, request, idempotencyKey, requestedBy);
    if (begun.refund().status() == RefundStatus.REQUIRES_APPROVAL) {
      LOG.info(() -> "event=refund.requires_approval refund=" + begun.refund().id());
      return begun.refund();
    }
    return send(begun.refund(), begun.gateway(), begun.gatewayReference());
  }

  /**
   * Approves (and sends) or rejects a refund awaiting approval.
   *
   * @param approver the console user deciding; must not be the one who asked
   */
  public Refund decide(
      @NotBlank String merchantId, String refundId, boolean approved, @NotBlank String approver) {
    RefundSteps.Begun begun = steps.decide(merchantId, refundId, approved, approver);
    return approved
        ? send(begun.refund(), begun.gateway(), begun.gatewayReference())
        : begun.refund();
  }

  /** The merchant's refunds awaiting approval, oldest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Refund> awaitingApproval(@NotBlank String merchantId) {
    return em.createQuery(
            "SELECT r FROM Refund r WHERE r.merchantId = :m AND r.status = :s"
                + " ORDER BY r.createdAt, r.id",
            Refund.class)
        .setParameter("m", merchantId)
        .setParameter("s", RefundStatus.REQUIRES_APPROVAL)
        .getResultList();
  }

  /**
   * Sends a pending refund to its gateway again, with the same refund id (the gateway's idempotency
   * key): a refund the gateway already made is answered, never paid twice.
   *
   * @return the refund, settled or still pending
   */
  public Refund resend(@NotBlank String refundId) {
    Refund refund = em.find(Refund.class, refundId);
    if (refund == null || refund.status() != RefundStatus.PENDING) {
      return refund;
    }
    var payment = payments.find(refund.paymentId()).orElseThrow();
    return send(refund, payment.gateway(), payment.gatewayReference().orElse(null));
  }

  private Refund send(Refund refund, String gateway, String gatewayReference) {
    String paymentId = refund.paymentId();
    GatewayRefundResult answer;
    try {
      answer =
          gateways
              .named(gateway)
              .refund(
                  new RefundRequest(refund.id(), paymentId, gatewayReference, refund.charged()));
    } catch (GatewayUnavailableException e) {
      LOG.warning(
          () -> "event=gateway.unavailable refund=" + refund.id() + " payment=" + paymentId);
      return refund;
    } catch (GatewayRejectedException e) {
      // Refused as invalid: nothing was paid out, so the refund fails and its reservation ends.
      answer = GatewayRefundResult.failed(null, e.code());
    }
    Refund settled = steps.complete(refund.id(), answer);
    LOG.info(
        () ->
            "event=refund."
                + settled.status().apiName()
                + " refund="
                + settled.id()
                + " payment="
                + paymentId);
    return settled;
  }

  /** A payment's refunds, oldest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Refund> ofPayment(@NotBlank String merchantId, String paymentId) {
    payments.get(merchantId, paymentId); // 404 for another merchant's payment
    return em.createQuery(
            "SELECT r FROM Refund r WHERE r.paymentId = :p ORDER BY r.createdAt, r.id",
            Refund.class)
        .setParameter("p", paymentId)
        .getResultList();
  }
}
