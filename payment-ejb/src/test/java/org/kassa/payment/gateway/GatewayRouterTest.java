package org.kassa.payment.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

class GatewayRouterTest {

  private static final CurrencyCode EUR = CurrencyCode.of("EUR");
  private static final CurrencyCode USD = CurrencyCode.of("USD");
  private static final CurrencyCode JPY = CurrencyCode.of("JPY");

  /** A gateway that only declares; routing never calls it. */
  private record Declared(String name, boolean configured, GatewayCapabilities capabilities)
      implements PaymentGateway {
    @Override
    public GatewayResult authorize(AuthorizationRequest request) {
      throw new AssertionError("routing must not call the gateway");
    }

    @Override
    public GatewayResult capture(CaptureRequest request) {
      throw new AssertionError();
    }

    @Override
    public GatewayResult voidAuthorization(PaymentReference payment) {
      throw new AssertionError();
    }

    @Override
    public GatewayRefundResult refund(RefundRequest request) {
      throw new AssertionError();
    }

    @Override
    public Optional<GatewayResult> retrieve(PaymentReference payment) {
      throw new AssertionError();
    }

    @Override
    public GatewayEvent parseCallback(CallbackRequest callback) {
      throw new AssertionError();
    }
  }

  private static FeeSchedule.Fees fees(String percent, long fixed) {
    return new FeeSchedule.Fees(new BigDecimal(percent), fixed, 0, 1500, 0);
  }

  private static Declared card(String name, Set<CurrencyCode> currencies, FeeSchedule fees) {
    return new Declared(
        name,
        true,
        new GatewayCapabilities(
            Set.of(PaymentMethodType.CARD), currencies, Set.of(), true, true, fees));
  }

  private final Declared percentHeavy =
      card("percent", Set.of(), new FeeSchedule(Map.of(EUR, fees("2.9", 0), USD, fees("2.9", 30))));
  private final Declared fixedHeavy =
      card("fixed", Set.of(EUR), new FeeSchedule(Map.of(EUR, fees("1.4", 25))));
  private final Declared free = card("sandbox", Set.of(), FeeSchedule.unpriced());

  @Test
  void theCheapestGatewayForThisAmountWins() {
    // 10.00 EUR: 2.9 % = 29 cents against 1.4 % + 25 = 39 cents.
    Route small =
        GatewayRouter.choose(
            List.of(percentHeavy, fixedHeavy),
            null,
            null,
            PaymentMethodType.CARD,
            Money.of(1000, "EUR"),
            null);
    assertThat(small.gateway()).isEqualTo("percent");
    assertThat(small.feeEstimate()).contains(Money.of(29, "EUR"));
    // 100.00 EUR: 290 against 165.
    Route large =
        GatewayRouter.choose(
            List.of(percentHeavy, fixedHeavy),
            null,
            null,
            PaymentMethodType.CARD,
            Money.of(10000, "EUR"),
            null);
    assertThat(large.gateway()).isEqualTo("fixed");
    assertThat(large.feeEstimate()).contains(Money.of(165, "EUR"));
  }

  @Test
  void aGatewayThatDoesNotTakeTheCurrencyMethodOrCountryIsSkipped() {
    Route usd =
        GatewayRouter.choose(
            List.of(percentHeavy, fixedHeavy),
            null,
            null,
            PaymentMethodType.CARD,
            Money.of(10000, "USD"),
            null);
    assertThat(usd.gateway()).isEqualTo("percent");
    Declared germanOnly =
        new Declared(
            "de",
            true,
            new GatewayCapabilities(
                Set.of(PaymentMethodType.CARD),
                Set.of(),
                Set.of("DE"),
                true,
                true,
                new FeeSchedule(Map.of(EUR, fees("0.1", 0)))));
    assertThat(
            GatewayRouter.choose(
                    List.of(percentHeavy, germanOnly),
                    null,
                    null,
                    PaymentMethodType.CARD,
                    Money.of(10000, "EUR"),
                    "FR")
                .gateway())
        .isEqualTo("percent");
    assertThat(
            GatewayRouter.choose(
                    List.of(percentHeavy, germanOnly),
                    null,
                    null,
                    PaymentMethodType.CARD,
                    Money.of(10000, "EUR"),
                    "de")
                .gateway())
        .isEqualTo("de");
    assertThatThrownBy(
            () ->
                GatewayRouter.choose(
                    List.of(fixedHeavy),
                    null,
                    null,
                    PaymentMethodType.PAYPAL,
                    Money.of(100, "EUR"),
                    null))
        .isInstanceOf(NoRouteException.class);
  }

  @Test
  void anUnpricedGatewayComesAfterEveryPricedOneAndAnUnconfiguredOneNever() {
    assertThat(
            GatewayRouter.choose(
                    List.of(free, percentHeavy),
                    null,
                    null,
                    PaymentMethodType.CARD,
                    Money.of(1000, "EUR"),
                    null)
                .gateway())
        .isEqualTo("percent");
    Route onlyFree =
        GatewayRouter.choose(
            List.of(free, fixedHeavy),
            null,
            null,
            PaymentMethodType.CARD,
            Money.of(500, "JPY"),
            null);
    assertThat(onlyFree.gateway()).isEqualTo("sandbox");
    assertThat(onlyFree.feeEstimate()).isEmpty();
    Declared off = new Declared("off", false, percentHeavy.capabilities());
    assertThatThrownBy(
            () ->
                GatewayRouter.choose(
                    List.of(off), null, null, PaymentMethodType.CARD, Money.of(1000, "EUR"), null))
        .isInstanceOf(NoRouteException.class);
  }

  @Test
  void aMerchantsPreferenceWinsOnlyWhenThatGatewayCanTakeThePayment() {
    assertThat(
            GatewayRouter.choose(
                    List.of(percentHeavy, fixedHeavy),
                    "fixed",
                    null,
                    PaymentMethodType.CARD,
                    Money.of(1000, "EUR"),
                    null)
                .gateway())
        .isEqualTo("fixed");
    assertThat(
            GatewayRouter.choose(
                    List.of(percentHeavy, fixedHeavy),
                    "fixed",
                    null,
                    PaymentMethodType.CARD,
                    Money.of(1000, "USD"),
                    null)
                .gateway())
        .isEqualTo("percent");
  }

  @Test
  void thePercentageIsRoundedHalfEvenOnceInTheCurrencysMinorUnit() {
    FeeSchedule schedule = new FeeSchedule(Map.of(EUR, fees("2.5", 0), JPY, fees("3.6", 0)));
    assertThat(schedule.transactionFee(Money.of(1010, "EUR")))
        .contains(Money.of(25, "EUR")); // 25.25
    assertThat(schedule.transactionFee(Money.of(1020, "EUR")))
        .contains(Money.of(26, "EUR")); // 25.5 -> 26
    assertThat(schedule.transactionFee(Money.of(1100, "EUR")))
        .contains(Money.of(28, "EUR")); // 27.5 -> 28
    assertThat(schedule.transactionFee(Money.of(1300, "EUR")))
        .contains(Money.of(32, "EUR")); // 32.5 -> 32
    assertThat(schedule.transactionFee(Money.of(1250, "JPY"))).contains(Money.of(45, "JPY"));
    assertThat(schedule.transactionFee(Money.of(1250, "USD"))).isEmpty();
  }

  @Test
  void aSavedMethodIsPaidAtTheGatewayHoldingItEvenWhenAnotherIsCheaperOrPreferred() {
    Route held =
        GatewayRouter.choose(
            List.of(percentHeavy, fixedHeavy),
            "fixed",
            "percent",
            PaymentMethodType.CARD,
            Money.of(10000, "EUR"),
            null);
    assertThat(held.gateway()).isEqualTo("percent");
    // The holder cannot take it (fixed prices EUR only): no other gateway is tried.
    assertThatThrownBy(
            () ->
                GatewayRouter.choose(
                    List.of(percentHeavy, fixedHeavy),
                    null,
                    "fixed",
                    PaymentMethodType.CARD,
                    Money.of(10000, "USD"),
                    null))
        .isInstanceOf(NoRouteException.class);
  }
}
