package org.kassa.payment.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.payment.receipt.ReceiptEmails;
import org.kassa.payment.webhook.MerchantEvents;

/**
 * The one way a payment's status changes: check the transition, apply it, write exactly one audit
 * event, all in the caller's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PaymentStateMachine {

  private static final Logger LOG = Logger.getLogger(PaymentStateMachine.class.getName());

  @Inject private AuditTrail audit;
  @Inject private MerchantEvents merchantEvents;
  @Inject private ReceiptEmails receipts;

  private final Clock clock = Clock.systemUTC();

  /** Audits a new payment, which starts as processing. */
  public void created(Payment payment, String actor, String subjectRef) {
    audit.append(
        new AuditRecord(
            actor,
            "payment.processing",
            "payment",
            payment.id(),
            payment.status().apiName(),
            subjectRef,
            "session=" + payment.sessionId() + " amount=" + payment.amount()));
    LOG.info(
        () ->
            "event=payment.processing payment=" + payment.id() + " session=" + payment.sessionId());
    publish(payment);
  }

  /**
   * Audits that a compliance case now holds an authorization (not a status change: it stays
   * authorized, and is captured or voided when the case is decided).
   */
  public void heldForReview(Payment payment, String caseId) {
    audit.append(
        new AuditRecord(
            "compliance-rescreening",
            "payment_hold.placed",
            "payment",
            payment.id(),
            payment.status().apiName(),
            null,
            "case=" + caseId));
    LOG.info(() -> "event=payment_hold.placed payment=" + payment.id() + " case=" + caseId);
  }

  /** The merchant's webhook event for the payment's new status, in the same transaction. */
  private void publish(Payment payment) {
    merchantEvents.publish(
        payment.merchantId(),
        "payment." + payment.status().apiName(),
        "payment",
        payment.id(),
        PaymentRepresentation.of(payment).toString());
  }

  /**
   * Moves a payment to {@code target} and audits it.
   *
   * @param detail a short, non-personal note for the trail (a decline code), or null
   * @throws IllegalPaymentTransitionException if the state machine does not allow it
   */
  public void transition(Payment payment, PaymentStatus target, String actor, String detail) {
    PaymentStatus from = payment.status();
    payment.moveTo(target, clock.instant());
    audit.append(
        new AuditRecord(
            actor,
            "payment." + target.apiName(),
            "payment",
            payment.id(),
            target.apiName(),
            null,
            "from=" + from.apiName() + (detail == null ? "" : " " + detail)));
    LOG.info(
        () ->
            "event=payment."
                + target.apiName()
                + " payment="
                + payment.id()
                + " from="
                + from.apiName());
    publish(payment);
    if (target == PaymentStatus.CAPTURED || target == PaymentStatus.PARTIALLY_CAPTURED) {
      // The payer's receipt leaves through its outbox, in the capture's transaction (once:
      // a payment back to captured after a dispute gets none again).
      receipts.queue(payment);
    }
  }
}
