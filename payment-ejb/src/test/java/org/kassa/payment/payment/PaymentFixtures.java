package org.kassa.payment.payment;

import java.time.Instant;
import java.util.Optional;
import org.kassa.payment.card.CardBrand;
import org.kassa.payment.card.CardSummary;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.gateway.Route;
import org.kassa.payment.money.Money;

/** Payments in a given state, reached the way production reaches it: by gateway answers. */
final class PaymentFixtures {

  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private PaymentFixtures() {}

  static Payment processing(String id, Money amount, CaptureMethod capture) {
    return new Payment(
        id,
        "cs_" + id,
        "mer_test",
        amount,
        PaymentMethodType.CARD,
        new CardSummary(CardBrand.VISA, "4242", 12, 2030),
        null,
        "sub_test",
        null,
        capture,
        new Route("sandbox", Optional.empty()),
        NOW.plusSeconds(7 * 86400),
        NOW);
  }

  /** Applies an answer as {@code PaymentAttempts.settle} does, without the container. */
  static Payment answer(Payment payment, GatewayResult answer) {
    payment
        .statusAfter(answer)
        .ifPresent(
            target -> {
              payment.recordAnswer(answer);
              payment.moveTo(target, NOW);
            });
    return payment;
  }

  static Payment captured(long amount) {
    return answer(
        processing("pay_test", Money.of(amount, "EUR"), CaptureMethod.AUTOMATIC),
        GatewayResult.captured("ref", amount));
  }
}
