package org.kassa.payment.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.kassa.compliance.gate.ReviewedPayments;
import org.kassa.payment.NotFoundException;

/**
 * What compliance decisions do to payments: clearing a case captures the authorization it held,
 * confirming voids it, and a re-screening's case holds a customer's open authorizations. The
 * compliance module calls this through its own interface.
 */
@ApplicationScoped
public class ReviewedPaymentsAdapter implements ReviewedPayments {

  private static final Logger LOG = Logger.getLogger(ReviewedPaymentsAdapter.class.getName());

  @Inject private Payments payments;
  @Inject private PaymentCaptures captures;
  @Inject private ReviewHolds holds;

  @Override
  public void release(String paymentRef) {
    Payment payment = held(paymentRef);
    if (holds.openCaseHolding(payment).isPresent()) {
      // A re-screening's case holds it too now: it is captured when that one is cleared.
      LOG.info(() -> "event=payment_hold.still_held payment=" + paymentRef);
      return;
    }
    if (payment.status() != PaymentStatus.AUTHORIZED) {
      return; // captured, voided or expired meanwhile: nothing left to release
    }
    captures.capture(payment.merchantId(), payment.id(), null);
  }

  @Override
  public List<String> holdOpenAuthorizations(String subjectRef, String caseId) {
    return holds.holdOpenAuthorizations(subjectRef, caseId);
  }

  @Override
  public void cancel(String paymentRef) {
    Payment payment = held(paymentRef);
    if (!payment.status().canMoveTo(PaymentStatus.CANCELED)) {
      return; // voided or expired meanwhile
    }
    captures.voidAt(payment, "compliance-officer");
  }

  private Payment held(String paymentRef) {
    return payments
        .find(paymentRef)
        .filter(p -> p.reviewCase().isPresent())
        .orElseThrow(() -> new NotFoundException("payment held for review", paymentRef));
  }
}
