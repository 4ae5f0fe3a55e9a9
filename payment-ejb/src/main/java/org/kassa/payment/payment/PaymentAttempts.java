package org.kassa.payment.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.card.CardSummary;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutStatus;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.merchant.ApiKey;

/**
 * The two transactional steps around a gateway call: {@link #begin} before it, {@link #complete}
 * after it. Each runs in its own transaction, so none is held open across the network.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaymentAttempts {

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private PaymentStateMachine stateMachine;
  @Inject private Pseudonymizer pseudonymizer;

  private final Clock clock = Clock.systemUTC();

  /**
   * Step one: lock the session, check it can be paid, store a processing payment.
   *
   * @throws SessionNotPayableException if it is paid, expired or a payment is under way
   */
  public Payment begin(String sessionId, CardSummary card, Payer payer, String gateway) {
    Instant now = clock.instant();
    CheckoutSession session =
        em.find(CheckoutSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (session == null) {
      throw new NotFoundException("checkout session", sessionId);
    }
    CheckoutStatus status = session.statusAt(now);
    if (status == CheckoutStatus.COMPLETE) {
      throw new SessionNotPayableException(
          sessionId, SessionNotPayableException.Reason.ALREADY_PAID);
    }
    if (status == CheckoutStatus.EXPIRED) {
      throw new SessionNotPayableException(sessionId, SessionNotPayableException.Reason.EXPIRED);
    }
    // Under the session's row lock: one attempt at a time, and a new one only after a failure.
    if (session.paymentId().isPresent()) {
      Payment previous = em.find(Payment.class, session.paymentId().get());
      if (previous != null && previous.status() != PaymentStatus.FAILED) {
        throw new SessionNotPayableException(
            sessionId,
            previous.status().isPaid()
                ? SessionNotPayableException.Reason.ALREADY_PAID
                : SessionNotPayableException.Reason.IN_PROGRESS);
      }
    }
    Payment payment =
        new Payment(
            "pay_" + ApiKey.randomToken(24),
            sessionId,
            session.merchantId(),
            session.amount(),
            card,
            payer,
            gateway,
            now);
    em.persist(payment);
    session.attachAttempt(payment.id(), now);
    String subject = payer.emailAddress().or(session::customerEmail).orElse(null);
    stateMachine.created(payment, "shopper", pseudonymizer.pseudonym(subject));
    return payment;
  }

  /** Step three: apply the gateway's answer to the payment and, when paid, to its session. */
  public PaymentResult complete(String paymentId, GatewayResult result) {
    Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
    if (payment == null) {
      throw new NotFoundException("payment", paymentId);
    }
    if (payment.status() != PaymentStatus.PROCESSING) {
      // Already settled (by a callback or the reconciler): applying it again changes nothing.
      return PaymentResult.of(payment);
    }
    payment.recordGatewayReference(result.gatewayReference());
    String actor = "gateway:" + payment.gateway();
    switch (result.outcome()) {
      case CAPTURED -> {
        stateMachine.transition(payment, PaymentStatus.CAPTURED, actor, null);
        CheckoutSession session =
            em.find(CheckoutSession.class, payment.sessionId(), LockModeType.PESSIMISTIC_WRITE);
        session.complete(payment.id(), clock.instant());
      }
      case AUTHORIZED -> stateMachine.transition(payment, PaymentStatus.AUTHORIZED, actor, null);
      case DECLINED -> {
        payment.recordDecline(result.declineReason());
        stateMachine.transition(
            payment,
            PaymentStatus.FAILED,
            actor,
            "decline=" + payment.declineReason().orElseThrow().code());
      }
    }
    return PaymentResult.of(payment);
  }
}
