package org.kassa.payment.gateway.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.AUTHORIZATION_ID;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.CAPTURE_ID;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.ORDER_ID;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.REFUND_ID;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.authorizations;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.authorizedAndCaptured;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.capture;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.captures;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.errorResponse;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.json;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.order;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.orderAwaitingPayer;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.refund;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kassa.payment.gateway.CaptureRequest;
import org.kassa.payment.gateway.GatewayRefundResult;
import org.kassa.payment.gateway.GatewayRejectedException;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.GatewayUnavailableException;
import org.kassa.payment.gateway.PaymentReference;
import org.kassa.payment.gateway.RefundRequest;
import org.kassa.payment.money.Money;

/** Manual capture and void of an authorization (Payments v2), and refunds of a capture. */
class PayPalPaymentsTest {

  @RegisterExtension static WireMockExtension paypal = PayPalFixtures.paypal();

  private static final String ORDER_PATH = "/v2/checkout/orders/" + ORDER_ID;
  private static final String AUTHORIZATION = "/v2/payments/authorizations/" + AUTHORIZATION_ID;
  private static final String REFUNDS = "/v2/payments/captures/" + CAPTURE_ID + "/refund";
  private static final PaymentReference PAYMENT = new PaymentReference("pay_1", ORDER_ID);
  private static final RefundRequest REFUND =
      new RefundRequest("re_1", "pay_1", ORDER_ID, Money.of(400, "EUR"));

  private PayPalGateway gateway;

  @BeforeEach
  void setUp() {
    PayPalFixtures.stubToken(paypal);
    gateway = PayPalFixtures.gateway(paypal);
  }

  private void stubAuthorizedOrder(String authorizationStatus) {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .willReturn(
                okJson(order("AUTHORIZE", "COMPLETED", authorizations(authorizationStatus)))));
  }

  private void stubCapturedOrder() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .willReturn(okJson(order("CAPTURE", "COMPLETED", captures("COMPLETED", "10.00")))));
  }

  @Test
  void capturesPartOfTheOrdersAuthorizationAndReleasesTheRest() {
    stubAuthorizedOrder("CREATED");
    paypal.stubFor(
        post(urlEqualTo(AUTHORIZATION + "/capture"))
            .willReturn(json(201, capture("COMPLETED", "7.50"))));

    GatewayResult result = gateway.capture(new CaptureRequest(PAYMENT, Money.of(750, "EUR")));

    assertThat(result).isEqualTo(GatewayResult.captured(ORDER_ID, 750));
    paypal.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(AUTHORIZATION + "/capture"))
            .withHeader("PayPal-Request-Id", equalTo("pay_1:capture"))
            .withRequestBody(
                equalToJson(
                    """
                    {"amount":{"currency_code":"EUR","value":"7.50"},"final_capture":true}""")));
  }

  @Test
  void anAuthorizationCapturedBeforeIsAnsweredWithoutCapturingAgain() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .willReturn(okJson(order("AUTHORIZE", "COMPLETED", authorizedAndCaptured()))));

    GatewayResult result = gateway.capture(new CaptureRequest(PAYMENT, Money.of(1000, "EUR")));

    assertThat(result).isEqualTo(GatewayResult.captured(ORDER_ID, 1000));
    paypal.verify(exactly(0), postRequestedFor(urlEqualTo(AUTHORIZATION + "/capture")));
  }

  @Test
  void aPendingCaptureIsStillProcessing() {
    stubAuthorizedOrder("CREATED");
    paypal.stubFor(
        post(urlEqualTo(AUTHORIZATION + "/capture"))
            .willReturn(json(201, capture("PENDING", "10.00"))));

    assertThat(gateway.capture(new CaptureRequest(PAYMENT, Money.of(1000, "EUR"))))
        .isEqualTo(GatewayResult.processing(ORDER_ID));
  }

  @ParameterizedTest
  @ValueSource(strings = {"AUTHORIZATION_VOIDED", "AUTHORIZATION_EXPIRED"})
  void capturingAnAuthorizationThatIsGoneAnswersCanceled(String issue) {
    stubAuthorizedOrder("CREATED");
    paypal.stubFor(
        post(urlEqualTo(AUTHORIZATION + "/capture"))
            .willReturn(errorResponse(422, "UNPROCESSABLE_ENTITY", issue)));

    assertThat(gateway.capture(new CaptureRequest(PAYMENT, Money.of(1000, "EUR"))))
        .isEqualTo(GatewayResult.canceled(ORDER_ID));
  }

  @Test
  void capturingMoreThanAuthorizedIsRejected() {
    stubAuthorizedOrder("CREATED");
    paypal.stubFor(
        post(urlEqualTo(AUTHORIZATION + "/capture"))
            .willReturn(errorResponse(422, "UNPROCESSABLE_ENTITY", "MAX_CAPTURE_AMOUNT_EXCEEDED")));

    assertThat(
            catchThrowableOfType(
                    () -> gateway.capture(new CaptureRequest(PAYMENT, Money.of(5000, "EUR"))),
                    GatewayRejectedException.class)
                .code())
        .isEqualTo("MAX_CAPTURE_AMOUNT_EXCEEDED");
  }

  @Test
  void capturingAnOrderWithoutAnAuthorizationIsRejectedWithoutPosting() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH)).willReturn(okJson(orderAwaitingPayer("CREATED", "approve"))));

    assertThat(
            catchThrowableOfType(
                    () -> gateway.capture(new CaptureRequest(PAYMENT, Money.of(1000, "EUR"))),
                    GatewayRejectedException.class)
                .code())
        .isEqualTo("authorization_missing");
    paypal.verify(exactly(0), postRequestedFor(urlEqualTo(AUTHORIZATION + "/capture")));
  }

  @Test
  void aCaptureWithoutAnOrderIdIsRejected() {
    assertThat(
            catchThrowableOfType(
                    () ->
                        gateway.capture(
                            new CaptureRequest(
                                new PaymentReference("pay_1", null), Money.of(1000, "EUR"))),
                    GatewayRejectedException.class)
                .code())
        .isEqualTo("order_missing");
  }

  @Test
  void voidsTheOrdersAuthorization() {
    stubAuthorizedOrder("CREATED");
    paypal.stubFor(
        post(urlEqualTo(AUTHORIZATION + "/void")).willReturn(aResponse().withStatus(204)));

    assertThat(gateway.voidAuthorization(PAYMENT)).isEqualTo(GatewayResult.canceled(ORDER_ID));
    paypal.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(AUTHORIZATION + "/void"))
            .withHeader("PayPal-Request-Id", equalTo("pay_1:void")));
  }

  @Test
  void anAuthorizationVoidedBeforeIsAnsweredWithoutVoidingAgain() {
    stubAuthorizedOrder("VOIDED");

    assertThat(gateway.voidAuthorization(PAYMENT)).isEqualTo(GatewayResult.canceled(ORDER_ID));
    paypal.verify(exactly(0), postRequestedFor(urlEqualTo(AUTHORIZATION + "/void")));
  }

  @Test
  void voidingACapturedAuthorizationIsRejected() {
    stubAuthorizedOrder("CAPTURED");
    paypal.stubFor(
        post(urlEqualTo(AUTHORIZATION + "/void"))
            .willReturn(errorResponse(422, "UNPROCESSABLE_ENTITY", "CANNOT_BE_VOIDED")));

    assertThat(
            catchThrowableOfType(
                    () -> gateway.voidAuthorization(PAYMENT), GatewayRejectedException.class)
                .code())
        .isEqualTo("CANNOT_BE_VOIDED");
  }

  @Test
  void anOrderTheShopperHasNotApprovedCannotBeVoided() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .willReturn(okJson(orderAwaitingPayer("PAYER_ACTION_REQUIRED", "payer-action"))));

    assertThatThrownBy(() -> gateway.voidAuthorization(PAYMENT))
        .isInstanceOf(GatewayRejectedException.class)
        .hasMessageContaining("no authorization");
  }

  @Test
  void refundsTheOrdersCaptureWithTheRefundIdAsIdempotencyKey() {
    stubCapturedOrder();
    paypal.stubFor(post(urlEqualTo(REFUNDS)).willReturn(json(201, refund("COMPLETED", null))));

    assertThat(gateway.refund(REFUND)).isEqualTo(GatewayRefundResult.succeeded(REFUND_ID));
    paypal.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(REFUNDS))
            .withHeader("PayPal-Request-Id", equalTo("re_1"))
            .withRequestBody(
                equalToJson(
                    """
                    {"amount":{"currency_code":"EUR","value":"4.00"},
                     "custom_id":"pay_1:re_1","invoice_id":"re_1"}""")));
  }

  @Test
  void aPendingRefundLeavesItsOutcomeToTheCallback() {
    stubCapturedOrder();
    paypal.stubFor(post(urlEqualTo(REFUNDS)).willReturn(json(201, refund("PENDING", "ECHECK"))));

    assertThatThrownBy(() -> gateway.refund(REFUND))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessageContaining("re_1")
        .hasMessageContaining("PENDING")
        .hasMessageContaining("callback");
  }

  @ParameterizedTest
  @ValueSource(strings = {"FAILED", "CANCELLED"})
  void aFailedOrCancelledRefundFailed(String status) {
    stubCapturedOrder();
    paypal.stubFor(post(urlEqualTo(REFUNDS)).willReturn(json(201, refund(status, null))));

    assertThat(gateway.refund(REFUND)).isEqualTo(GatewayRefundResult.failed(REFUND_ID, status));
  }

  @Test
  void aRefundPayPalRefusesFailsForGood() {
    stubCapturedOrder();
    paypal.stubFor(
        post(urlEqualTo(REFUNDS))
            .willReturn(errorResponse(422, "UNPROCESSABLE_ENTITY", "REFUND_AMOUNT_EXCEEDED")));

    assertThat(gateway.refund(REFUND))
        .isEqualTo(GatewayRefundResult.failed(null, "REFUND_AMOUNT_EXCEEDED"));
  }

  @Test
  void aMalformedRefundIsRejected() {
    stubCapturedOrder();
    paypal.stubFor(
        post(urlEqualTo(REFUNDS))
            .willReturn(errorResponse(400, "INVALID_REQUEST", "INVALID_PARAMETER_SYNTAX")));

    assertThat(
            catchThrowableOfType(() -> gateway.refund(REFUND), GatewayRejectedException.class)
                .code())
        .isEqualTo("INVALID_PARAMETER_SYNTAX");
  }

  @Test
  void aRefundPayPalDidNotAnswerIsUnknown() {
    stubCapturedOrder();
    paypal.stubFor(
        post(urlEqualTo(REFUNDS)).willReturn(errorResponse(503, "SERVICE_UNAVAILABLE", "")));

    assertThatThrownBy(() -> gateway.refund(REFUND))
        .isInstanceOf(GatewayUnavailableException.class);
  }

  @Test
  void refundingAnOrderWithoutACaptureIsRejectedWithoutPosting() {
    stubAuthorizedOrder("CREATED");

    assertThat(
            catchThrowableOfType(() -> gateway.refund(REFUND), GatewayRejectedException.class)
                .code())
        .isEqualTo("capture_missing");
    paypal.verify(exactly(0), postRequestedFor(urlEqualTo(REFUNDS)));
  }
}
