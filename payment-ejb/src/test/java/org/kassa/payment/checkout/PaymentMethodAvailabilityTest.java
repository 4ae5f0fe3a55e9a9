package org.kassa.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kassa.payment.gateway.PaymentMethodType.ALIPAY;
import static org.kassa.payment.gateway.PaymentMethodType.CARD;
import static org.kassa.payment.gateway.PaymentMethodType.PAYPAL;
import static org.kassa.payment.gateway.PaymentMethodType.SEPA_CREDIT_TRANSFER;
import static org.kassa.payment.gateway.PaymentMethodType.WECHAT_PAY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.IsoCurrencies;

class PaymentMethodAvailabilityTest {

  private static final CurrencyCode EUR = CurrencyCode.of("EUR");
  private static final CurrencyCode JPY = CurrencyCode.of("JPY");
  private static final CurrencyCode KWD = CurrencyCode.of("KWD");
  private static final CurrencyCode CNY = CurrencyCode.of("CNY");

  @Test
  void everyMethodHasARule() {
    for (PaymentMethodType type : PaymentMethodType.values()) {
      assertThat(PaymentMethodAvailability.rule(type)).as(type.apiName()).isNotNull();
    }
  }

  @Test
  void cardsTakeEveryActiveCurrencyAndCountry() {
    for (String code : IsoCurrencies.all().keySet()) {
      assertThat(PaymentMethodAvailability.allows(CARD, CurrencyCode.of(code), "KW")).isTrue();
    }
  }

  @Test
  void theDefaultsAreWhatTheCurrencyAllowsCardFirst() {
    assertThat(PaymentMethodAvailability.defaultsFor(EUR))
        .containsExactly(CARD, PAYPAL, ALIPAY, WECHAT_PAY, SEPA_CREDIT_TRANSFER);
    assertThat(PaymentMethodAvailability.defaultsFor(JPY))
        .containsExactly(CARD, PAYPAL, ALIPAY, WECHAT_PAY);
    // Kuwaiti dinars: neither PayPal nor the QR wallets take them.
    assertThat(PaymentMethodAvailability.defaultsFor(KWD)).containsExactly(CARD);
    // PayPal takes Brazilian reais, the QR wallets do not.
    assertThat(PaymentMethodAvailability.defaultsFor(CurrencyCode.of("BRL")))
        .containsExactly(CARD, PAYPAL);
    // The QR wallets take Korean won, PayPal does not.
    assertThat(PaymentMethodAvailability.defaultsFor(CurrencyCode.of("KRW")))
        .containsExactly(CARD, ALIPAY, WECHAT_PAY);
  }

  @Test
  void theShoppersCountryHidesQrWalletsItsShoppersDoNotHave() {
    List<PaymentMethodType> offered = List.of(CARD, PAYPAL, ALIPAY, WECHAT_PAY);
    assertThat(PaymentMethodAvailability.shown(offered, EUR, "DE")).containsExactly(CARD, PAYPAL);
    assertThat(PaymentMethodAvailability.shown(offered, EUR, "TW"))
        .containsExactly(CARD, PAYPAL, ALIPAY);
    assertThat(PaymentMethodAvailability.shown(offered, CNY, "cn"))
        .containsExactly(CARD, PAYPAL, ALIPAY, WECHAT_PAY);
    // Unknown country: only the currency counts.
    assertThat(PaymentMethodAvailability.shown(offered, EUR, null)).isEqualTo(offered);
  }

  @Test
  void theMerchantsOrderIsKeptAndTheCurrencyStillFilters() {
    assertThat(PaymentMethodAvailability.shown(List.of(ALIPAY, CARD), EUR, null))
        .containsExactly(ALIPAY, CARD);
    assertThat(PaymentMethodAvailability.shown(List.of(PAYPAL, CARD), KWD, null))
        .containsExactly(CARD);
  }

  @Test
  void resolveReadsNamesKeepsOrderAndDropsRepeats() {
    assertThat(PaymentMethodAvailability.resolve(List.of("wechat_pay", "card", "card"), JPY))
        .containsExactly(WECHAT_PAY, CARD);
    assertThat(PaymentMethodAvailability.resolve(null, KWD)).containsExactly(CARD);
    assertThat(PaymentMethodAvailability.resolve(List.of(), KWD)).containsExactly(CARD);
  }

  @Test
  void resolveRefusesAnUnknownTypeAndOneTheCurrencyNeverAllows() {
    assertThatThrownBy(() -> PaymentMethodAvailability.resolve(List.of("card", "bitcoin"), EUR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bitcoin");
    assertThatThrownBy(() -> PaymentMethodAvailability.resolve(List.of("CARD"), EUR))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaymentMethodAvailability.resolve(List.of("paypal"), KWD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KWD");
    assertThat(PaymentMethodAvailability.firstUnknown(List.of("card", "iDeal", "x")))
        .contains("iDeal");
    assertThat(PaymentMethodAvailability.firstNotInCurrency(List.of("card", "alipay"), KWD))
        .contains("alipay");
    assertThat(PaymentMethodAvailability.firstNotInCurrency(List.of("card", "alipay"), EUR))
        .isEmpty();
  }

  @Test
  void apiNamesAreLowercaseAndRoundTrip() {
    assertThat(WECHAT_PAY.apiName()).isEqualTo("wechat_pay");
    for (PaymentMethodType type : PaymentMethodType.values()) {
      assertThat(PaymentMethodType.fromApiName(type.apiName())).contains(type);
    }
  }

  @Test
  void sepaCreditTransfersAreInEurosForShoppersOfSepaCountries() {
    assertThat(PaymentMethodAvailability.allows(SEPA_CREDIT_TRANSFER, EUR, "DE")).isTrue();
    assertThat(PaymentMethodAvailability.allows(SEPA_CREDIT_TRANSFER, EUR, "ch")).isTrue();
    assertThat(PaymentMethodAvailability.allows(SEPA_CREDIT_TRANSFER, EUR, "GB")).isTrue();
    assertThat(PaymentMethodAvailability.allows(SEPA_CREDIT_TRANSFER, EUR, "US")).isFalse();
    assertThat(PaymentMethodAvailability.allows(SEPA_CREDIT_TRANSFER, EUR, "CN")).isFalse();
    // Euros only, even for a Swiss or Swedish shopper paying in their own currency.
    assertThat(PaymentMethodAvailability.allowsCurrency(SEPA_CREDIT_TRANSFER, JPY)).isFalse();
    assertThat(PaymentMethodAvailability.allows(SEPA_CREDIT_TRANSFER, CurrencyCode.of("SEK"), "SE"))
        .isFalse();
    assertThat(PaymentMethodAvailability.SEPA_COUNTRIES).hasSize(49);
    for (String country : PaymentMethodAvailability.SEPA_COUNTRIES) {
      assertThat(java.util.Locale.getISOCountries()).as(country).contains(country);
    }
  }
}
