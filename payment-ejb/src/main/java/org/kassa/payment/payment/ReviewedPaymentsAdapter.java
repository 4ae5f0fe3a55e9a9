package org.kassa.payment.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kassa.compliance.gate.ReviewedPayments;
import org.kassa.payment.NotFoundException;

/**
 * What an officer's decision does to a payment held for review: clearing captures the
 * authorization, confirming voids it. The compliance module calls this through its own interface.
 */
@ApplicationScoped
public class ReviewedPaymentsAdapter implements ReviewedPayments {

  @Inject private Payments payments;
  @Inject private PaymentCaptures captures;

  @Override
  public void release(String paymentRef) {
    Payment payment = held(paymentRef);
    captures.capture(payment.merchantId(), payment.id(), null);
  }

  @Override
  public void cancel(String paymentRef) {
    captures.voidAt(held(paymentRef), "compliance-officer");
  }

  private Payment held(String paymentRef) {
    return payments
        .find(paymentRef)
        .filter(p -> p.reviewCase().isPresent())
        .orElseThrow(() -> new NotFoundException("payment held for review", paymentRef));
  }
}
