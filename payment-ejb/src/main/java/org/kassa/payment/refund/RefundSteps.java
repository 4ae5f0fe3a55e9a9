package org.kassa.payment.refund;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.gateway.GatewayRefundResult;
import org.kassa.payment.idempotency.IdempotencyKeys;
import org.kassa.payment.merchant.ApiKey;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentStateMachine;
import org.kassa.payment.payment.PaymentStatus;

/**
 * The two transactional steps around a refund's gateway call: reserve the amount on the locked
 * payment ({@link #begin}), then apply the answer ({@link #complete}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RefundSteps {

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private IdempotencyKeys idempotencyKeys;
  @Inject private PaymentStateMachine stateMachine;
  @Inject private AuditTrail audit;
  @Inject private org.kassa.payment.webhook.MerchantEvents merchantEvents;

  private final Clock clock = Clock.systemUTC();

  @Inject private org.eclipse.microprofile.config.Config config;
  @Inject private org.kassa.compliance.privacy.Pseudonymizer pseudonymizer;

  /** A reserved refund, with what the gateway call needs. */
  public record Begun(Refund refund, String gateway, String gatewayReference) {}

  /**
   * Whether a refund of {@code amount} needs a second merchant admin's approval: above {@code
   * kassa.refund.approval-threshold.<CURRENCY>} or, without one, above {@code
   * kassa.refund.approval-threshold} (in minor units, default 100000).
   */
  boolean needsApproval(Money amount) {
    long threshold =
        config
            .getOptionalValue(
                "kassa.refund.approval-threshold." + amount.currency().code(), Long.class)
            .or(() -> config.getOptionalValue("kassa.refund.approval-threshold", Long.class))
            .orElse(100_000L);
    return amount.minorUnits() > threshold;
  }

  /**
   * Locks the payment and reserves the refund on it.
   *
   * @throws NotFoundException if the payment does not exist or is another merchant's
   * @throws org.kassa.payment.payment.RefundNotAllowedException if the payment cannot take it
   */
  public Begun begin(
      String merchantId,
      String paymentId,
      NewRefund request,
      String idempotencyKey,
      String requestedBy) {
    Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
    if (payment == null || !payment.merchantId().equals(merchantId)) {
      throw new NotFoundException("payment", paymentId);
    }
    Money amount = requestedAmount(payment, request);
    Optional<Money> presented = payment.reserveRefund(amount);
    Refund refund =
        new Refund(
            "re_" + ApiKey.randomToken(24),
            paymentId,
            merchantId,
            amount,
            request.reason(),
            requestedBy,
            needsApproval(amount),
            clock.instant());
    presented.ifPresent(refund::presentedAs);
    em.persist(refund);
    idempotencyKeys.bind(merchantId, idempotencyKey, "refund", refund.id());
    audit.append(
        AuditRecord.of(
                "merchant:" + merchantId,
                "refund." + refund.status().apiName(),
                "refund",
                refund.id(),
                refund.status().apiName())
            .withDetail("payment=" + paymentId + " amount=" + amount));
    publish(refund);
    return new Begun(refund, payment.gateway(), payment.gatewayReference().orElse(null));
  }

  /**
   * A second merchant admin approves or rejects a refund that needs it; a rejection gives the
   * reserved amount back to the payment.
   *
   * @return the refund and, when approved, what its gateway call needs
   * @throws RefundApprovalException if it awaits no approval, or the approver requested it
   */
  public Begun decide(String merchantId, String refundId, boolean approved, String approver) {
    Refund refund = em.find(Refund.class, refundId);
    if (refund == null || !refund.merchantId().equals(merchantId)) {
      throw new NotFoundException("refund", refundId);
    }
    Payment payment = em.find(Payment.class, refund.paymentId(), LockModeType.PESSIMISTIC_WRITE);
    em.refresh(refund);
    refund.decide(approved, approver, clock.instant());
    if (!approved) {
      payment.settleRefund(refund.amount(), refund.presented(), false);
    }
    audit.append(
        AuditRecord.of(
                "console:" + pseudonymizer.pseudonym(approver),
                approved ? "refund.approved" : "refund.rejected",
                "refund",
                refund.id(),
                refund.status().apiName())
            .withDetail("payment=" + payment.id() + " amount=" + refund.amount()));
    if (!approved) {
      publish(refund);
    }
    return new Begun(refund, payment.gateway(), payment.gatewayReference().orElse(null));
  }

  /** The merchant's webhook event for the refund's status, in the same transaction. */
  private void publish(Refund refund) {
    merchantEvents.publish(
        refund.merchantId(),
        "refund." + refund.status().apiName(),
        "refund",
        refund.id(),
        RefundRepresentation.of(refund).toString());
  }

  private static Money requestedAmount(Payment payment, NewRefund request) {
    CurrencyCode currency = payment.amount().currency();
    if (request.currency() != null && !request.currency().equals(currency.code())) {
      throw new InvalidRequestException(
          "refund_currency_mismatch",
          "Payment "
              + payment.id()
              + " was made in "
              + currency
              + "; refunds are in the payment's currency only.",
          Map.of("currency", "must be " + currency));
    }
    return request.amount() == null ? payment.refundable() : new Money(request.amount(), currency);
  }

  /** The payment a refund belongs to, if the refund exists. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> paymentOf(String refundId) {
    return refundId == null
        ? Optional.empty()
        : Optional.ofNullable(em.find(Refund.class, refundId)).map(Refund::paymentId);
  }

  /** A refund's status, if it exists. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<RefundStatus> status(String refundId) {
    return Optional.ofNullable(em.find(Refund.class, refundId)).map(Refund::status);
  }

  /** Applies the gateway's answer, in a transaction of its own. */
  public Refund complete(String refundId, GatewayRefundResult answer) {
    return settle(refundId, answer);
  }

  /**
   * Applies the gateway's answer in the caller's transaction (a callback stores its event and
   * applies it in one); a refund already settled is left as it is.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Refund settle(String refundId, GatewayRefundResult answer) {
    Refund refund = em.find(Refund.class, refundId);
    if (refund == null) {
      throw new NotFoundException("refund", refundId);
    }
    Payment payment = em.find(Payment.class, refund.paymentId(), LockModeType.PESSIMISTIC_WRITE);
    em.refresh(refund);
    if (refund.status() != RefundStatus.PENDING) {
      return refund; // settled before, or still awaiting approval: not the gateway's to settle
    }
    refund.settle(
        answer.succeeded(), answer.gatewayReference(), answer.failureCode(), clock.instant());
    PaymentStatus target =
        payment.settleRefund(refund.amount(), refund.presented(), answer.succeeded());
    String actor = "gateway:" + payment.gateway();
    if (answer.succeeded() && payment.status().canMoveTo(target)) {
      stateMachine.transition(
          payment, target, actor, "refund=" + refund.id() + " amount=" + refund.amount());
    }
    audit.append(
        AuditRecord.of(
                actor,
                "refund." + refund.status().apiName(),
                "refund",
                refund.id(),
                refund.status().apiName())
            .withDetail(
                "payment="
                    + payment.id()
                    + refund.failureCode().map(f -> " failure=" + f).orElse("")));
    publish(refund);
    return refund;
  }
}
