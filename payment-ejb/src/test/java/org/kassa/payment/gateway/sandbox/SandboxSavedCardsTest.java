package org.kassa.payment.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.PaymentMethod;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.money.Money;

/** The sandbox as a card vault: it saves a typed card when asked, then charges its token. */
class SandboxSavedCardsTest {

  private static final String RETURN_URL = "/pay/cs_1";

  private final List<CallbackRequest> callbacks = new CopyOnWriteArrayList<>();
  private final SandboxGateway sandbox =
      new SandboxGateway(Clock.systemUTC(), "whsec_test", callbacks::add);

  private static PaymentMethod.Card card(String number) {
    return new PaymentMethod.Card(
        CardDetails.check("Ann", number, 12, 2030, "123", YearMonth.of(2026, 1)).card());
  }

  private GatewayResult typed(String paymentId, String number, boolean save) {
    return sandbox.authorize(
        new AuthorizationRequest(
            paymentId, Money.of(1000, "EUR"), card(number), true, RETURN_URL, save));
  }

  private GatewayResult saved(String paymentId, String token, String cvc, String returnUrl) {
    return sandbox.authorize(
        new AuthorizationRequest(
            paymentId,
            Money.of(1000, "EUR"),
            new PaymentMethod.Saved(token, PaymentMethodType.CARD, cvc),
            true,
            returnUrl));
  }

  @Test
  void aCardIsSavedOnlyWhenAskedAndOnlyWhenThePaymentSucceeds() {
    assertThat(typed("pay_plain", "4242424242424242", false).savedMethodToken()).isNull();
    assertThat(typed("pay_declined", "4000000000000002", true).savedMethodToken()).isNull();

    GatewayResult result = typed("pay_saved", "4242424242424242", true);

    assertThat(result.outcome()).isEqualTo(GatewayResult.Outcome.CAPTURED);
    assertThat(result.savedMethodToken()).startsWith("pm_sbx_").doesNotContain("4242");
    assertThat(sandbox.retrieve(new org.kassa.payment.gateway.PaymentReference("pay_saved", null)))
        .hasValueSatisfying(
            r -> assertThat(r.savedMethodToken()).isEqualTo(result.savedMethodToken()));
  }

  @Test
  void aThreeDSecureCardIsSavedOnceTheShopperPassesTheChallenge() {
    GatewayResult first = typed("pay_3ds", "4000002760003184", true);
    assertThat(first.outcome()).isEqualTo(GatewayResult.Outcome.REQUIRES_ACTION);
    assertThat(first.savedMethodToken()).isNull();

    GatewayResult passed = sandbox.completeChallenge("pay_3ds", true);

    assertThat(passed.savedMethodToken()).startsWith("pm_sbx_");
    // The callback tells the token too, for when it settles the payment first.
    assertThat(
            callbacks.stream()
                .map(c -> sandbox.parseCallback(c))
                .filter(e -> e.payment() != null && e.payment().savedMethodToken() != null)
                .count())
        .isPositive();
  }

  @Test
  void onSessionASavedCardNeedsItsSecurityCodeAgain() {
    String token = typed("pay_first", "4242424242424242", true).savedMethodToken();
    assertThat(sandbox.savedCardNeedsCvc(token)).isTrue();

    GatewayResult without = saved("pay_without", token, null, RETURN_URL);
    assertThat(without.outcome()).isEqualTo(GatewayResult.Outcome.DECLINED);
    assertThat(without.declineReason()).isEqualTo(DeclineReason.INCORRECT_CVC);
    assertThat(saved("pay_malformed", token, "12a", RETURN_URL).declineReason())
        .isEqualTo(DeclineReason.INCORRECT_CVC);

    assertThat(saved("pay_with", token, "321", RETURN_URL).outcome())
        .isEqualTo(GatewayResult.Outcome.CAPTURED);
    // Off-session (a merchant-initiated charge), no code is asked.
    assertThat(saved("pay_off_session", token, null, null).outcome())
        .isEqualTo(GatewayResult.Outcome.CAPTURED);
  }

  @Test
  void theCodeIsNotAskedWhenConfiguredSoNorForThePublishedTestTokens() {
    String token = typed("pay_first2", "4242424242424242", true).savedMethodToken();
    assertThat(sandbox.savedCardNeedsCvc("pm_card_visa")).isFalse();
    sandbox.savedCardCvc = "never";
    assertThat(sandbox.savedCardNeedsCvc(token)).isFalse();
    assertThat(saved("pay_never", token, null, RETURN_URL).outcome())
        .isEqualTo(GatewayResult.Outcome.CAPTURED);
  }

  @Test
  void aSavedCardKeepsWhatTheSandboxKnowsOfItsNumber() {
    String token = typed("pay_good", "4242424242424242", true).savedMethodToken();
    assertThat(sandbox.cardCountry(new PaymentMethod.Saved(token, PaymentMethodType.CARD)))
        .contains("US");
  }

  @Test
  void aDetachedTokenCannotBeChargedAnyMore() {
    String token = typed("pay_detach", "4242424242424242", true).savedMethodToken();

    sandbox.detachSavedMethod(token);

    assertThat(sandbox.savedCardNeedsCvc(token)).isFalse();
    GatewayResult after = saved("pay_after_detach", token, "123", RETURN_URL);
    assertThat(after.outcome()).isEqualTo(GatewayResult.Outcome.DECLINED);
    assertThat(after.declineReason()).isEqualTo(DeclineReason.GENERIC_DECLINE);
  }

  @Test
  void aSavedMethodNeverShowsItsSecurityCode() {
    assertThat(new PaymentMethod.Saved("pm_x", PaymentMethodType.CARD, "987").toString())
        .doesNotContain("987");
  }
}
