package org.kassa.payment.gateway.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kassa.payment.gateway.GatewayCapabilities;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/** What the PayPal gateway declares for routing, and its configuration defaults. */
class PayPalCapabilitiesTest {

  private final GatewayCapabilities capabilities =
      new PayPalGateway(
              null, null, null, PayPalGateway.SANDBOX_URL, Duration.ofSeconds(1), Clock.systemUTC())
          .capabilities();

  @Test
  void takesPayPalWalletsOnlyWithManualCaptureAndPartialRefunds() {
    assertThat(capabilities.methods()).containsExactly(PaymentMethodType.PAYPAL);
    assertThat(capabilities.manualCapture()).isTrue();
    assertThat(capabilities.partialRefunds()).isTrue();
    assertThat(capabilities.countries()).isEmpty();
  }

  @Test
  void takesExactlyPayPalsCurrencies() {
    assertThat(capabilities.currencies())
        .extracting(CurrencyCode::code)
        .containsExactlyInAnyOrder(
            "AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF", "ILS", "JPY", "MYR",
            "MXN", "TWD", "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD");
  }

  @Test
  void theCheckoutOffersPayPalInExactlyTheCurrenciesThisGatewayTakes() {
    assertThat(
            org.kassa.payment.checkout.PaymentMethodAvailability.rule(PaymentMethodType.PAYPAL)
                .currencies())
        .isEqualTo(capabilities.currencies());
  }

  @ParameterizedTest
  @ValueSource(strings = {"KWD", "BHD", "JOD", "OMR", "TND", "INR", "RUB"})
  void doesNotOfferCurrenciesPayPalDoesNotTake(String code) {
    assertThat(capabilities.supports(PaymentMethodType.PAYPAL, CurrencyCode.of(code), null))
        .isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    // 3.49 % rounded half-even to the minor unit, once, plus the fixed fee.
    "10000, USD, 398",
    "1000, EUR, 74",
    "1000, JPY, 84",
    "1000000, HUF, 49800",
    "10000, GBP, 388",
  })
  void pricesPaymentsAtPayPalsListPrices(long amount, String currency, long fee) {
    assertThat(capabilities.fees().transactionFee(Money.of(amount, currency)))
        .contains(Money.of(fee, currency));
  }

  @Test
  void leavesCnyUnpricedRatherThanGuess() {
    assertThat(capabilities.fees().transactionFee(Money.of(1000, "CNY"))).isEmpty();
  }

  @Test
  void isConfiguredOnlyWithBothClientIdAndSecret() {
    assertThat(gateway("id", "secret").configured()).isTrue();
    assertThat(gateway("id", null).configured()).isFalse();
    assertThat(gateway(null, "secret").configured()).isFalse();
    assertThat(gateway("id", " ").configured()).isFalse();
  }

  @Test
  void defaultsToPayPalsSandboxSoAForgottenSettingNeverTakesLiveMoney() throws Exception {
    ConfigProperty baseUrl =
        PayPalGateway.class.getDeclaredField("baseUrl").getAnnotation(ConfigProperty.class);
    ConfigProperty timeout =
        PayPalGateway.class.getDeclaredField("timeout").getAnnotation(ConfigProperty.class);

    assertThat(baseUrl.name()).isEqualTo("kassa.paypal.base-url");
    assertThat(baseUrl.defaultValue()).isEqualTo("https://api-m.sandbox.paypal.com");
    assertThat(timeout.name()).isEqualTo("kassa.paypal.timeout");
    assertThat(Duration.parse(timeout.defaultValue())).isEqualTo(Duration.ofSeconds(10));
  }

  private static PayPalGateway gateway(String id, String secret) {
    return new PayPalGateway(
        id, secret, null, PayPalGateway.SANDBOX_URL, Duration.ofSeconds(1), Clock.systemUTC());
  }
}
