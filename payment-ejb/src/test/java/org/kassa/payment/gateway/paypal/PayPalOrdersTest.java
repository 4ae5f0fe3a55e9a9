package org.kassa.payment.gateway.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.APPROVE_URL;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.ORDER_ID;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.authorizations;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.captures;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.error;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.errorResponse;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.json;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.order;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.orderAwaitingPayer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.GatewayRejectedException;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.PaymentMethod;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.gateway.PaymentReference;
import org.kassa.payment.money.Money;

/** Creating orders ({@code authorize}) and reading and completing them ({@code retrieve}). */
class PayPalOrdersTest {

  @RegisterExtension static WireMockExtension paypal = PayPalFixtures.paypal();

  private static final String RETURN_URL = "https://kassa.example/pay/cs_1/return";
  private static final String ORDERS = "/v2/checkout/orders";
  private static final String ORDER_PATH = ORDERS + "/" + ORDER_ID;
  private static final PaymentReference PAYMENT = new PaymentReference("pay_1", ORDER_ID);

  private PayPalGateway gateway;

  @BeforeEach
  void setUp() {
    PayPalFixtures.stubToken(paypal);
    gateway = PayPalFixtures.gateway(paypal);
  }

  private static AuthorizationRequest wallet(Money amount, boolean capture) {
    return new AuthorizationRequest(
        "pay_1", amount, new PaymentMethod.Wallet(PaymentMethodType.PAYPAL), capture, RETURN_URL);
  }

  private static AuthorizationRequest vault(boolean capture) {
    return new AuthorizationRequest(
        "pay_1",
        Money.of(1000, "EUR"),
        new PaymentMethod.Saved("8kk8451t", PaymentMethodType.PAYPAL),
        capture,
        null);
  }

  @Test
  void aWalletPaymentCreatesACaptureOrderAndSendsTheShopperToPayPal() {
    paypal.stubFor(
        post(urlEqualTo(ORDERS))
            .willReturn(json(200, orderAwaitingPayer("PAYER_ACTION_REQUIRED", "payer-action"))));

    GatewayResult result = gateway.authorize(wallet(Money.of(1000, "EUR"), true));

    assertThat(result).isEqualTo(GatewayResult.requiresAction(ORDER_ID, APPROVE_URL));
    paypal.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(ORDERS))
            .withHeader("PayPal-Request-Id", equalTo("pay_1"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Prefer", equalTo("return=representation"))
            .withRequestBody(
                equalToJson(
                    """
                    {"intent":"CAPTURE",
                     "purchase_units":[{"reference_id":"pay_1","custom_id":"pay_1",
                       "amount":{"currency_code":"EUR","value":"10.00"}}],
                     "payment_source":{"paypal":{"experience_context":{
                       "return_url":"%s","cancel_url":"%s","user_action":"PAY_NOW"}}}}"""
                        .formatted(RETURN_URL, RETURN_URL))));
  }

  @Test
  void manualCaptureCreatesAnAuthorizeOrderAndFollowsItsApproveLink() {
    paypal.stubFor(
        post(urlEqualTo(ORDERS)).willReturn(json(201, orderAwaitingPayer("CREATED", "approve"))));

    GatewayResult result = gateway.authorize(wallet(Money.of(1000, "EUR"), false));

    assertThat(result).isEqualTo(GatewayResult.requiresAction(ORDER_ID, APPROVE_URL));
    paypal.verify(
        postRequestedFor(urlEqualTo(ORDERS))
            .withRequestBody(matchingJsonPath("$.intent", equalTo("AUTHORIZE"))));
  }

  @ParameterizedTest
  @CsvSource({
    "1000, EUR, 10.00",
    "5, USD, 0.05",
    "123456, USD, 1234.56",
    "1000, JPY, 1000",
    "7, JPY, 7",
    "123400, HUF, 1234",
    "99900, TWD, 999",
  })
  void amountsAreWrittenInTheCurrencysMinorUnitsAsPayPalTakesThem(
      long minor, String currency, String value) {
    paypal.stubFor(
        post(urlEqualTo(ORDERS)).willReturn(json(201, orderAwaitingPayer("CREATED", "approve"))));

    gateway.authorize(wallet(Money.of(minor, currency), true));

    paypal.verify(
        postRequestedFor(urlEqualTo(ORDERS))
            .withRequestBody(
                matchingJsonPath("$.purchase_units[0].amount.currency_code", equalTo(currency)))
            .withRequestBody(matchingJsonPath("$.purchase_units[0].amount.value", equalTo(value))));
    // A JSON string, never a number: "10.00" must not become 10.0.
    assertThat(paypal.getAllServeEvents().get(0).getRequest().getBodyAsString())
        .contains("\"value\":\"" + value + "\"");
  }

  @Test
  void aFractionOfAForintIsRefusedBeforeAnythingIsSent() {
    GatewayRejectedException e =
        catchThrowableOfType(
            () -> gateway.authorize(wallet(Money.of(123450, "HUF"), true)),
            GatewayRejectedException.class);

    assertThat(e.code()).isEqualTo("DECIMALS_NOT_SUPPORTED");
    paypal.verify(exactly(0), postRequestedFor(anyUrl()));
  }

  @Test
  void aThreeDecimalCurrencyIsNotOfferedAndNotSent() {
    // PayPal takes no currency with three decimals (KWD, BHD, JOD, OMR, TND...).
    assertThat(
            gateway
                .capabilities()
                .supports(PaymentMethodType.PAYPAL, Money.of(1, "KWD").currency(), null))
        .isFalse();

    GatewayRejectedException e =
        catchThrowableOfType(
            () -> gateway.authorize(wallet(Money.of(10_500, "KWD"), true)),
            GatewayRejectedException.class);

    assertThat(e.code()).isEqualTo("CURRENCY_NOT_SUPPORTED");
    paypal.verify(exactly(0), postRequestedFor(anyUrl()));
  }

  @Test
  void aSavedPayPalAccountIsChargedWithoutTheShopper() {
    paypal.stubFor(
        post(urlEqualTo(ORDERS))
            .willReturn(json(201, order("CAPTURE", "COMPLETED", captures("COMPLETED", "10.00")))));

    GatewayResult result = gateway.authorize(vault(true));

    assertThat(result).isEqualTo(GatewayResult.captured(ORDER_ID, 1000));
    paypal.verify(
        postRequestedFor(urlEqualTo(ORDERS))
            .withRequestBody(
                equalToJson(
                    """
                    {"intent":"CAPTURE",
                     "purchase_units":[{"reference_id":"pay_1","custom_id":"pay_1",
                       "amount":{"currency_code":"EUR","value":"10.00"}}],
                     "payment_source":{"paypal":{"vault_id":"8kk8451t"}}}""")));
  }

  @Test
  void aSavedPayPalAccountCanBeOnlyAuthorized() {
    paypal.stubFor(
        post(urlEqualTo(ORDERS))
            .willReturn(json(201, order("AUTHORIZE", "COMPLETED", authorizations("CREATED")))));

    assertThat(gateway.authorize(vault(false))).isEqualTo(GatewayResult.authorized(ORDER_ID));
  }

  @ParameterizedTest
  @CsvSource({"DECLINED, GENERIC_DECLINE", "FAILED, PROCESSING_ERROR"})
  void aCaptureThatDidNotGoThroughIsADecline(String status, DeclineReason reason) {
    paypal.stubFor(
        post(urlEqualTo(ORDERS))
            .willReturn(json(201, order("CAPTURE", "COMPLETED", captures(status, "10.00")))));

    assertThat(gateway.authorize(vault(true))).isEqualTo(GatewayResult.declined(ORDER_ID, reason));
  }

  @Test
  void aPendingCaptureIsStillProcessing() {
    paypal.stubFor(
        post(urlEqualTo(ORDERS))
            .willReturn(json(201, order("CAPTURE", "COMPLETED", captures("PENDING", "10.00")))));

    assertThat(gateway.authorize(vault(true))).isEqualTo(GatewayResult.processing(ORDER_ID));
  }

  @ParameterizedTest
  @CsvSource({
    "INSTRUMENT_DECLINED, GENERIC_DECLINE",
    "PAYER_CANNOT_PAY, GENERIC_DECLINE",
    "TRANSACTION_BLOCKED_BY_PAYEE, FRAUDULENT",
    "PAYER_ACTION_REQUIRED, AUTHENTICATION_FAILED",
  })
  void withoutTheShopperPayPalsRefusalsAreDeclines(String issue, DeclineReason reason) {
    paypal.stubFor(
        post(urlEqualTo(ORDERS)).willReturn(errorResponse(422, "UNPROCESSABLE_ENTITY", issue)));

    GatewayResult result = gateway.authorize(vault(true));

    assertThat(result.outcome()).isEqualTo(GatewayResult.Outcome.DECLINED);
    assertThat(result.declineReason()).isEqualTo(reason);
  }

  @Test
  void cardsAreRefusedWithoutCallingPayPal() {
    CardDetails card =
        CardDetails.check("Ann", "4242424242424242", 12, 2030, "123", YearMonth.of(2026, 1)).card();

    GatewayRejectedException e =
        catchThrowableOfType(
            () ->
                gateway.authorize(
                    new AuthorizationRequest(
                        "pay_1",
                        Money.of(1000, "EUR"),
                        new PaymentMethod.Card(card),
                        true,
                        RETURN_URL)),
            GatewayRejectedException.class);

    assertThat(e.code()).isEqualTo("payment_method_not_supported");
    assertThat(e.getMessage()).contains("PayPal wallets only");
    paypal.verify(exactly(0), postRequestedFor(anyUrl()));
  }

  @Test
  void aSavedCardTokenIsRefusedToo() {
    assertThat(
            catchThrowableOfType(
                    () ->
                        gateway.authorize(
                            new AuthorizationRequest(
                                "pay_1",
                                Money.of(1000, "EUR"),
                                new PaymentMethod.Saved("pm_card_visa", PaymentMethodType.CARD),
                                true,
                                null)),
                    GatewayRejectedException.class)
                .code())
        .isEqualTo("payment_method_not_supported");
  }

  @Test
  void aWalletWithoutTheShopperIsRefused() {
    assertThat(
            catchThrowableOfType(
                    () ->
                        gateway.authorize(
                            new AuthorizationRequest(
                                "pay_1",
                                Money.of(1000, "EUR"),
                                new PaymentMethod.Wallet(PaymentMethodType.PAYPAL),
                                true,
                                null)),
                    GatewayRejectedException.class)
                .code())
        .isEqualTo("return_url_required");
    paypal.verify(exactly(0), postRequestedFor(anyUrl()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/pay/cs_1/return", "javascript:alert(1)", "ftp://kassa.example/x"})
  void aReturnUrlPayPalCannotUseIsRefusedBeforeAnythingIsSent(String returnUrl) {
    assertThat(
            catchThrowableOfType(
                    () ->
                        gateway.authorize(
                            new AuthorizationRequest(
                                "pay_1",
                                Money.of(1000, "EUR"),
                                new PaymentMethod.Wallet(PaymentMethodType.PAYPAL),
                                true,
                                returnUrl)),
                    GatewayRejectedException.class)
                .code())
        .isEqualTo("return_url_invalid");
    paypal.verify(exactly(0), postRequestedFor(anyUrl()));
  }

  @Test
  void withoutAnOrderIdThereIsNothingToAskPayPal() {
    assertThat(gateway.retrieve(new PaymentReference("pay_1", null))).isEqualTo(Optional.empty());
    paypal.verify(exactly(0), getRequestedFor(anyUrl()));
    paypal.verify(exactly(0), postRequestedFor(anyUrl()));
  }

  @Test
  void retrievingAnApprovedCaptureOrderCapturesIt() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH)).willReturn(okJson(order("CAPTURE", "APPROVED", null))));
    paypal.stubFor(
        post(urlEqualTo(ORDER_PATH + "/capture"))
            .willReturn(json(201, order("CAPTURE", "COMPLETED", captures("COMPLETED", "10.00")))));

    assertThat(gateway.retrieve(PAYMENT)).contains(GatewayResult.captured(ORDER_ID, 1000));
    paypal.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(ORDER_PATH + "/capture"))
            .withHeader("PayPal-Request-Id", equalTo("pay_1:complete")));
  }

  @Test
  void retrievingAnApprovedAuthorizeOrderAuthorizesIt() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH)).willReturn(okJson(order("AUTHORIZE", "APPROVED", null))));
    paypal.stubFor(
        post(urlEqualTo(ORDER_PATH + "/authorize"))
            .willReturn(json(201, order("AUTHORIZE", "COMPLETED", authorizations("CREATED")))));

    assertThat(gateway.retrieve(PAYMENT)).contains(GatewayResult.authorized(ORDER_ID));
    paypal.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(ORDER_PATH + "/authorize"))
            .withHeader("PayPal-Request-Id", equalTo("pay_1:complete")));
    paypal.verify(exactly(0), postRequestedFor(urlEqualTo(ORDER_PATH + "/capture")));
  }

  @Test
  void retrievingAnOrderStillWithTheShopperChangesNothing() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .willReturn(okJson(orderAwaitingPayer("PAYER_ACTION_REQUIRED", "payer-action"))));

    assertThat(gateway.retrieve(PAYMENT))
        .contains(GatewayResult.requiresAction(ORDER_ID, APPROVE_URL));
    paypal.verify(exactly(0), postRequestedFor(urlEqualTo(ORDER_PATH + "/capture")));
  }

  @Test
  void aVoidedOrderIsCanceled() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH)).willReturn(okJson(order("CAPTURE", "VOIDED", null))));

    assertThat(gateway.retrieve(PAYMENT)).contains(GatewayResult.canceled(ORDER_ID));
  }

  @Test
  void aCapturedOrderThatWasLaterRefundedStillReadsAsCaptured() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .willReturn(
                okJson(order("CAPTURE", "COMPLETED", captures("PARTIALLY_REFUNDED", "10.00")))));

    assertThat(gateway.retrieve(PAYMENT)).contains(GatewayResult.captured(ORDER_ID, 1000));
  }

  @Test
  void aDeclinedInstrumentWhenCompletingIsADecline() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH)).willReturn(okJson(order("CAPTURE", "APPROVED", null))));
    paypal.stubFor(
        post(urlEqualTo(ORDER_PATH + "/capture"))
            .willReturn(
                json(
                    422,
                    error(
                        "UNPROCESSABLE_ENTITY",
                        "INSTRUMENT_DECLINED",
                        "{\"href\":\""
                            + APPROVE_URL
                            + "\",\"rel\":\"redirect\",\"method\":\"GET\"}"))));

    assertThat(gateway.retrieve(PAYMENT))
        .contains(GatewayResult.declined(ORDER_ID, DeclineReason.GENERIC_DECLINE));
  }

  @Test
  void aPayerActionWhenCompletingSendsTheShopperBack() {
    String action = "https://www.sandbox.paypal.com/webapps/helios?action=verify&token=" + ORDER_ID;
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH)).willReturn(okJson(order("CAPTURE", "APPROVED", null))));
    paypal.stubFor(
        post(urlEqualTo(ORDER_PATH + "/capture"))
            .willReturn(
                json(
                    422,
                    error(
                        "UNPROCESSABLE_ENTITY",
                        "PAYER_ACTION_REQUIRED",
                        "{\"href\":\""
                            + action
                            + "\",\"rel\":\"payer-action\",\"method\":\"GET\"}"))));

    assertThat(gateway.retrieve(PAYMENT)).contains(GatewayResult.requiresAction(ORDER_ID, action));
  }

  @Test
  void anOrderCompletedByAnotherRequestIsReadAgain() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .inScenario("race")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(order("CAPTURE", "APPROVED", null)))
            .willSetStateTo("captured elsewhere"));
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .inScenario("race")
            .whenScenarioStateIs("captured elsewhere")
            .willReturn(okJson(order("CAPTURE", "COMPLETED", captures("COMPLETED", "10.00")))));
    paypal.stubFor(
        post(urlEqualTo(ORDER_PATH + "/capture"))
            .willReturn(errorResponse(422, "UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED")));

    assertThat(gateway.retrieve(PAYMENT)).contains(GatewayResult.captured(ORDER_ID, 1000));
  }

  @Test
  void anOrderPayPalDoesNotKnowIsRejected() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .willReturn(errorResponse(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID")));

    assertThat(
            catchThrowableOfType(() -> gateway.retrieve(PAYMENT), GatewayRejectedException.class)
                .code())
        .isEqualTo("INVALID_RESOURCE_ID");
  }
}
