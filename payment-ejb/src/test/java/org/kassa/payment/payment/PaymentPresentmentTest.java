package org.kassa.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;
import org.kassa.payment.money.fx.FxQuote;
import org.kassa.payment.money.fx.ReferenceRates;

/**
 * A payment presented in the shopper's currency: it records both amounts, the rate and its source;
 * the gateway charges the presentment amount; refunds convert at the locked rate, half-even once,
 * and never give back more than was charged.
 */
class PaymentPresentmentTest {

  private static final ReferenceRates RATES =
      new ReferenceRates(
          "bundled:eurofxref-example.xml",
          LocalDate.of(2024, 6, 28),
          "0".repeat(64),
          PaymentFixtures.NOW,
          Map.of(
              "EUR", BigDecimal.ONE,
              "JPY", new BigDecimal("171.94"),
              "KWD", new BigDecimal("0.3291")));

  private static FxQuote quote(Money amount, String presentment) {
    return FxQuote.quote(
        "mer_test",
        amount,
        CurrencyCode.of(presentment),
        RATES,
        PaymentFixtures.NOW,
        Duration.ofMinutes(30));
  }

  /** 25.00 EUR presented as 4298 JPY (4298.5 rounded half-even once), captured whole. */
  private static Payment capturedInYen() {
    Payment payment =
        PaymentFixtures.processing("pay_fx", Money.of(2500, "EUR"), CaptureMethod.AUTOMATIC);
    payment.presentIn(Presentment.of(quote(Money.of(2500, "EUR"), "JPY")));
    // the gateway charged yen, and says so in yen
    return PaymentFixtures.answer(payment, GatewayResult.captured("ref", 4298));
  }

  @Test
  void aPresentedPaymentRecordsBothAmountsTheRateAndItsSource() {
    Payment payment = capturedInYen();
    assertThat(payment.amount()).isEqualTo(Money.of(2500, "EUR"));
    Presentment p = payment.presentment().orElseThrow();
    assertThat(p.amount()).isEqualTo(Money.of(4298, "JPY"));
    assertThat(p.rate()).isEqualByComparingTo("171.94");
    assertThat(p.ratesSource()).isEqualTo("bundled:eurofxref-example.xml");
    assertThat(p.ratesDate()).isEqualTo(LocalDate.of(2024, 6, 28));
    assertThat(p.quoteId()).startsWith("fxq_");
    assertThat(payment.charged()).isEqualTo(Money.of(4298, "JPY"));
    // the gateway's 4298 JPY is the whole payment: captured in the merchant's currency
    assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(payment.amountCaptured()).isEqualTo(Money.of(2500, "EUR"));
  }

  @Test
  void aPaymentInItsOwnCurrencyChargesItsAmount() {
    Payment payment = PaymentFixtures.captured(2500);
    assertThat(payment.presentment()).isEmpty();
    assertThat(payment.charged()).isEqualTo(Money.of(2500, "EUR"));
    assertThat(payment.toCharged(Money.of(100, "EUR"))).isEqualTo(Money.of(100, "EUR"));
  }

  @Test
  void threeDecimalCurrenciesKeepTheirMinorUnits() {
    Payment payment =
        PaymentFixtures.processing("pay_kwd", Money.of(2500, "EUR"), CaptureMethod.AUTOMATIC);
    payment.presentIn(Presentment.of(quote(Money.of(2500, "EUR"), "KWD")));
    // 25.00 EUR at 0.3291 = 8.2275 KWD -> 8.228 (half-even to 3 decimals)
    assertThat(payment.charged()).isEqualTo(Money.of(8228, "KWD"));
  }

  @Test
  void aRefundIsConvertedAtTheLockedRateHalfEvenOnce() {
    Payment payment = capturedInYen();
    // 10.05 EUR at 171.94 = 1727.997 JPY -> 1728
    assertThat(payment.reserveRefund(Money.of(1005, "EUR"))).contains(Money.of(1728, "JPY"));
    // 0.25 EUR at 171.94 = 42.985 -> 43
    assertThat(payment.reserveRefund(Money.of(25, "EUR"))).contains(Money.of(43, "JPY"));
  }

  @Test
  void refundingAllGivesBackExactlyWhatWasChargedWhateverTheSteps() {
    Payment payment = capturedInYen();
    long refundedYen = 0;
    PaymentStatus after = null;
    // 8.33 EUR three times = 24.99 EUR: each 1432.2602 JPY -> 1432; the last cent takes the rest
    for (long eur : new long[] {833, 833, 833, 1}) {
      Optional<Money> yen = payment.reserveRefund(Money.of(eur, "EUR"));
      after = payment.settleRefund(Money.of(eur, "EUR"), yen, true);
      refundedYen += yen.orElseThrow().minorUnits();
    }
    assertThat(payment.amountRefunded()).isEqualTo(Money.of(2500, "EUR"));
    assertThat(refundedYen).isEqualTo(4298);
    assertThat(payment.presentmentRefunded()).contains(Money.of(4298, "JPY"));
    assertThat(after).isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  void theRefundedPresentmentAmountsNeverExceedWhatWasCharged() {
    // 1.00 EUR presented as 172 JPY, refunded a cent at a time: each 1.7194 -> 2 JPY; 100 of
    // them would be 200 JPY, but only 172 were charged
    Payment payment =
        PaymentFixtures.processing("pay_small", Money.of(100, "EUR"), CaptureMethod.AUTOMATIC);
    payment.presentIn(Presentment.of(quote(Money.of(100, "EUR"), "JPY")));
    PaymentFixtures.answer(payment, GatewayResult.captured("ref", 172));
    long refundedYen = 0;
    int refunds = 0;
    while (payment.refundable().isPositive()) {
      Optional<Money> yen;
      try {
        yen = payment.reserveRefund(Money.of(1, "EUR"));
      } catch (RefundNotAllowedException nothingLeftInYen) {
        break;
      }
      payment.settleRefund(Money.of(1, "EUR"), yen, true);
      refundedYen += yen.orElseThrow().minorUnits();
      refunds++;
      assertThat(refundedYen).isLessThanOrEqualTo(172);
    }
    assertThat(refundedYen).isEqualTo(172);
    assertThat(refunds).isLessThan(100);
  }

  @Test
  void aFailedRefundReleasesBothReservations() {
    Payment payment = capturedInYen();
    Optional<Money> yen = payment.reserveRefund(Money.of(1000, "EUR"));
    payment.settleRefund(Money.of(1000, "EUR"), yen, false);
    assertThat(payment.refundable()).isEqualTo(Money.of(2500, "EUR"));
    assertThat(payment.reserveRefund(Money.of(2500, "EUR"))).contains(Money.of(4298, "JPY"));
  }

  @Test
  void aPresentedPaymentIsCapturedWholeOnly() {
    Payment payment =
        PaymentFixtures.processing("pay_auth", Money.of(2500, "EUR"), CaptureMethod.MANUAL);
    payment.presentIn(Presentment.of(quote(Money.of(2500, "EUR"), "JPY")));
    PaymentFixtures.answer(payment, GatewayResult.authorized("ref"));
    assertThatThrownBy(() -> payment.captureAmount(1000L))
        .isInstanceOf(CaptureNotAllowedException.class)
        .hasMessageContaining("capture all");
    assertThat(payment.captureAmount(null)).isEqualTo(Money.of(2500, "EUR"));
    assertThat(payment.toCharged(Money.of(2500, "EUR"))).isEqualTo(Money.of(4298, "JPY"));
  }

  @Test
  void aGatewaysAmountInThePresentmentCurrencyComesBackInTheMerchants() {
    Payment payment = capturedInYen();
    assertThat(payment.fromCharged(Money.of(4298, "JPY"))).isEqualTo(Money.of(2500, "EUR"));
    // 1719 JPY / 171.94 = 9.9977 EUR -> 10.00
    assertThat(payment.fromCharged(Money.of(1719, "JPY"))).isEqualTo(Money.of(1000, "EUR"));
  }

  @Test
  void onlyANewPaymentIsPresentedAndInAnotherCurrency() {
    Payment captured = PaymentFixtures.captured(2500);
    Presentment yen = Presentment.of(quote(Money.of(2500, "EUR"), "JPY"));
    assertThatThrownBy(() -> captured.presentIn(yen)).isInstanceOf(IllegalStateException.class);
    Payment inYen =
        PaymentFixtures.processing("pay_jpy", Money.of(4298, "JPY"), CaptureMethod.AUTOMATIC);
    assertThatThrownBy(() -> inYen.presentIn(yen)).isInstanceOf(IllegalArgumentException.class);
  }
}
