package org.kassa.payment.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.PaymentMethod;
import org.kassa.payment.money.Money;

class SandboxGatewayTest {

  private final List<CallbackRequest> callbacks = new CopyOnWriteArrayList<>();
  private final SandboxGateway sandbox =
      new SandboxGateway(Clock.systemUTC(), "whsec_test", callbacks::add);

  private static AuthorizationRequest request(String paymentId, String number, boolean capture) {
    CardDetails card =
        CardDetails.check(
                "Ann",
                number,
                12,
                2030,
                number.startsWith("3") ? "1234" : "123",
                YearMonth.of(2026, 1))
            .card();
    return new AuthorizationRequest(
        paymentId, Money.of(1000, "EUR"), new PaymentMethod.Card(card), capture, "/pay/cs_1");
  }

  @ParameterizedTest
  @CsvSource({
    "4000000000000002, GENERIC_DECLINE",
    "4000000000009995, INSUFFICIENT_FUNDS",
    "4000000000009987, LOST_CARD",
    "4000000000009979, STOLEN_CARD",
    "4000000000000069, EXPIRED_CARD",
    "4000000000000127, INCORRECT_CVC",
    "4000000000000119, PROCESSING_ERROR",
    "4100000000000019, FRAUDULENT",
  })
  void declinesAsThePublishedTestCardsSay(String number, DeclineReason reason) {
    GatewayResult result = sandbox.authorize(request("pay_" + number, number, true));
    assertThat(result.outcome()).isEqualTo(GatewayResult.Outcome.DECLINED);
    assertThat(result.declineReason()).isEqualTo(reason);
  }

  @Test
  void goodCardsCaptureOrOnlyAuthorizeAsAsked() {
    assertThat(sandbox.authorize(request("pay_a", "4242424242424242", true)).outcome())
        .isEqualTo(GatewayResult.Outcome.CAPTURED);
    assertThat(sandbox.authorize(request("pay_b", "378282246310005", false)).outcome())
        .isEqualTo(GatewayResult.Outcome.AUTHORIZED);
  }

  @Test
  void askingAgainForTheSamePaymentAnswersTheFirstOutcome() {
    GatewayResult first = sandbox.authorize(request("pay_same", "4000000000000002", true));
    GatewayResult second = sandbox.authorize(request("pay_same", "4242424242424242", true));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void theSandboxKnowsTheCountriesOfStripesTestCardsTypedOrAsTokens() {
    assertThat(sandbox.cardCountry(request("pay_c1", "4000002760003184", false).method()))
        .contains("DE");
    assertThat(sandbox.cardCountry(request("pay_c2", "4000000760000002", false).method()))
        .contains("BR");
    assertThat(sandbox.cardCountry(request("pay_c3", "4000003920000003", false).method()))
        .contains("JP");
    assertThat(
            sandbox.cardCountry(
                new PaymentMethod.Saved(
                    "pm_card_visa", org.kassa.payment.gateway.PaymentMethodType.CARD)))
        .contains("US");
    // A valid number that is not a published test card: its country is not known.
    assertThat(sandbox.cardCountry(request("pay_c4", "4111111111111111", false).method()))
        .isEmpty();
  }
}
