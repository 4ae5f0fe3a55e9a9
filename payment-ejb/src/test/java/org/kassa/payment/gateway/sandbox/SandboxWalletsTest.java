package org.kassa.payment.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.GatewayEvent;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.GatewayResult.Outcome;
import org.kassa.payment.gateway.PaymentMethod;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.gateway.PaymentReference;
import org.kassa.payment.money.Money;

/** The sandbox's wallets: the redirect wallet's approve and cancel, the QR codes and their end. */
class SandboxWalletsTest {

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T08:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final List<CallbackRequest> callbacks = new CopyOnWriteArrayList<>();
  private final SandboxGateway sandbox = new SandboxGateway(clock, "whsec_test", callbacks::add);

  private AuthorizationRequest wallet(String id, PaymentMethodType type, boolean capture) {
    Instant end = type == PaymentMethodType.PAYPAL ? null : clock.instant().plusSeconds(300);
    return new AuthorizationRequest(
        id, Money.of(500, "JPY"), new PaymentMethod.Wallet(type, end), capture, "/pay/cs_1");
  }

  private GatewayEvent lastCallback() {
    return sandbox.parseCallback(callbacks.get(callbacks.size() - 1));
  }

  @Test
  void theSandboxTakesEveryMethod() {
    assertThat(sandbox.capabilities().methods())
        .containsExactlyInAnyOrder(PaymentMethodType.values());
  }

  @Test
  void aRedirectWalletWaitsOnItsPageThenCapturesWhatTheShopperApproved() {
    GatewayResult asked = sandbox.authorize(wallet("pay_w1", PaymentMethodType.PAYPAL, true));

    assertThat(asked.outcome()).isEqualTo(Outcome.REQUIRES_ACTION);
    assertThat(asked.actionUrl()).isEqualTo("/sandbox/wallet/pay_w1");
    // The callback says where the shopper acts, so a callback that arrives first settles it alike.
    assertThat(lastCallback().payment().actionUrl()).isEqualTo("/sandbox/wallet/pay_w1");
    assertThat(sandbox.walletRequest("pay_w1")).isPresent();
    assertThat(sandbox.awaitsChallenge("pay_w1")).isFalse();
    // A 3-D Secure answer cannot approve a wallet.
    assertThat(sandbox.completeChallenge("pay_w1", true).outcome())
        .isEqualTo(Outcome.REQUIRES_ACTION);

    GatewayResult approved = sandbox.completeWallet("pay_w1", true);

    assertThat(approved.outcome()).isEqualTo(Outcome.CAPTURED);
    assertThat(approved.amountCaptured()).isEqualTo(500);
    assertThat(lastCallback().payment().outcome()).isEqualTo(Outcome.CAPTURED);
    assertThat(sandbox.completeWallet("pay_w1", false)).isEqualTo(approved);
    assertThat(sandbox.walletRequest("pay_w1")).isEmpty();
    assertThat(sandbox.chargesFor("pay_w1")).isEqualTo(1);
  }

  @Test
  void aRedirectWalletOnlyAuthorizesForManualCaptureAndCancelsWhenTheShopperCancels() {
    sandbox.authorize(wallet("pay_w2", PaymentMethodType.PAYPAL, false));
    assertThat(sandbox.completeWallet("pay_w2", true).outcome()).isEqualTo(Outcome.AUTHORIZED);

    sandbox.authorize(wallet("pay_w3", PaymentMethodType.PAYPAL, true));
    assertThat(sandbox.completeWallet("pay_w3", false).outcome()).isEqualTo(Outcome.CANCELED);
    assertThat(lastCallback().payment().outcome()).isEqualTo(Outcome.CANCELED);
    assertThat(sandbox.chargesFor("pay_w3")).isZero();
  }

  @Test
  void withoutTheShopperNoWalletCanBeApproved() {
    GatewayResult result =
        sandbox.authorize(
            new AuthorizationRequest(
                "pay_w4",
                Money.of(500, "JPY"),
                new PaymentMethod.Wallet(PaymentMethodType.PAYPAL),
                true,
                null));
    assertThat(result.outcome()).isEqualTo(Outcome.DECLINED);
  }

  @Test
  void aQrCodeIsPaidOrDeclinedFromThePageItEncodes() {
    GatewayResult asked = sandbox.authorize(wallet("pay_q1", PaymentMethodType.ALIPAY, true));
    assertThat(asked.actionUrl()).isEqualTo("/sandbox/qr/pay_q1");
    assertThat(sandbox.walletRequest("pay_q1").orElseThrow().expiresAt())
        .isEqualTo(clock.instant().plusSeconds(300));
    assertThat(sandbox.scanQr("pay_q1", true).outcome()).isEqualTo(Outcome.CAPTURED);

    sandbox.authorize(wallet("pay_q2", PaymentMethodType.WECHAT_PAY, true));
    GatewayResult declined = sandbox.scanQr("pay_q2", false);
    assertThat(declined.outcome()).isEqualTo(Outcome.DECLINED);
    assertThat(declined.declineReason()).isEqualTo(DeclineReason.WALLET_DECLINED);
    assertThat(sandbox.chargesFor("pay_q2")).isZero();
  }

  @Test
  void aQrCodePastItsEndFailsWhenAskedAndCanNoLongerBePaid() {
    sandbox.authorize(wallet("pay_q3", PaymentMethodType.ALIPAY, true));
    clock.advance(Duration.ofSeconds(299));
    assertThat(sandbox.retrieve(new PaymentReference("pay_q3", null)).orElseThrow().outcome())
        .isEqualTo(Outcome.REQUIRES_ACTION);

    clock.advance(Duration.ofSeconds(1));
    GatewayResult ended = sandbox.retrieve(new PaymentReference("pay_q3", null)).orElseThrow();

    assertThat(ended.outcome()).isEqualTo(Outcome.DECLINED);
    assertThat(ended.declineReason()).isEqualTo(DeclineReason.QR_CODE_EXPIRED);
    assertThat(lastCallback().payment().declineReason()).isEqualTo(DeclineReason.QR_CODE_EXPIRED);
    assertThat(sandbox.scanQr("pay_q3", true).outcome()).isEqualTo(Outcome.DECLINED);
    assertThat(sandbox.chargesFor("pay_q3")).isZero();
    assertThat(sandbox.walletRequest("pay_q3")).isEmpty();
  }

  @Test
  void aScanAfterTheEndPaysNothingEvenBeforeAnyoneAsked() {
    sandbox.authorize(wallet("pay_q4", PaymentMethodType.WECHAT_PAY, true));
    clock.advance(Duration.ofMinutes(6));
    assertThat(sandbox.scanQr("pay_q4", true).declineReason())
        .isEqualTo(DeclineReason.QR_CODE_EXPIRED);
  }

  @Test
  void theSandboxCanEndACodeAtOnceForDemonstrations() {
    sandbox.authorize(wallet("pay_q5", PaymentMethodType.ALIPAY, true));
    assertThat(sandbox.expireQr("pay_q5").declineReason()).isEqualTo(DeclineReason.QR_CODE_EXPIRED);
    // Not a QR code: left alone.
    sandbox.authorize(wallet("pay_w5", PaymentMethodType.PAYPAL, true));
    assertThat(sandbox.expireQr("pay_w5").outcome()).isEqualTo(Outcome.REQUIRES_ACTION);
  }
}
