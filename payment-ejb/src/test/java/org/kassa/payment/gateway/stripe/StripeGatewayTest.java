package org.kassa.payment.gateway.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.CaptureRequest;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.GatewayRefundResult;
import org.kassa.payment.gateway.GatewayRejectedException;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.GatewayResult.Outcome;
import org.kassa.payment.gateway.GatewayUnavailableException;
import org.kassa.payment.gateway.PaymentMethod;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.gateway.PaymentReference;
import org.kassa.payment.gateway.RefundRequest;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

class StripeGatewayTest extends StripeFixtures {

  private static final String RETURN_URL = "https://kassa.example/pay/cs_1/return";

  private static AuthorizationRequest cardPayment(boolean capture) {
    return new AuthorizationRequest(
        "pay_1", Money.of(1000, "EUR"), new PaymentMethod.Card(card()), capture, RETURN_URL);
  }

  private static AuthorizationRequest savedPaymentOffSession() {
    return new AuthorizationRequest(
        "pay_1",
        Money.of(1000, "EUR"),
        new PaymentMethod.Saved("pm_card_visa", PaymentMethodType.CARD),
        false,
        null);
  }

  private static void answerCreate(int status, String body) {
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_kassa1")
                    .withBody(body)));
  }

  // --- authorize ------------------------------------------------------------------------------

  @Test
  void authorizeSendsACardAsStripesFormWithKeyVersionAndIdempotencyKey() {
    answerCreate(200, intent("pi_1", "succeeded"));

    GatewayResult result = gateway.authorize(cardPayment(true));

    assertThat(result).isEqualTo(GatewayResult.captured("pi_1", 1000));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
            .withHeader("Stripe-Version", equalTo(StripeApi.API_VERSION))
            .withHeader("Idempotency-Key", equalTo("pay_1"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withFormParam("amount", equalTo("1000"))
            .withFormParam("currency", equalTo("eur"))
            .withFormParam("confirm", equalTo("true"))
            .withFormParam("capture_method", equalTo("automatic"))
            .withFormParam("payment_method_types[0]", equalTo("card"))
            .withFormParam("metadata[kassa_payment_id]", equalTo("pay_1"))
            .withFormParam("payment_method_data[type]", equalTo("card"))
            .withFormParam("payment_method_data[card][number]", equalTo(NUMBER))
            .withFormParam("payment_method_data[card][exp_month]", equalTo("12"))
            .withFormParam("payment_method_data[card][exp_year]", equalTo("2030"))
            .withFormParam("payment_method_data[card][cvc]", equalTo(CVC))
            .withFormParam("payment_method_data[billing_details][name]", equalTo("Ann Example"))
            .withFormParam("return_url", equalTo(RETURN_URL))
            .withoutFormParam("off_session")
            .withoutFormParam("payment_method")
            // Brackets are sent literally, as Stripe's own libraries send them.
            .withRequestBody(containing("metadata[kassa_payment_id]=pay_1")));
    assertThat(logLines).anyMatch(l -> l.contains("event=stripe.authorize payment=pay_1"));
  }

  @Test
  void authorizeOffSessionWithASavedMethodAndManualCapture() {
    answerCreate(200, intent("pi_1", "requires_capture"));

    GatewayResult result = gateway.authorize(savedPaymentOffSession());

    assertThat(result).isEqualTo(GatewayResult.authorized("pi_1"));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withFormParam("payment_method", equalTo("pm_card_visa"))
            .withFormParam("capture_method", equalTo("manual"))
            .withFormParam("off_session", equalTo("true"))
            .withoutFormParam("return_url")
            .withoutFormParam("payment_method_data[type]")
            .withoutFormParam("payment_method_data[card][number]"));
  }

  @Test
  void processingIsNotFinal() {
    answerCreate(200, intent("pi_1", "processing"));
    assertThat(gateway.authorize(cardPayment(true))).isEqualTo(GatewayResult.processing("pi_1"));
  }

  @Test
  void requiresActionSendsTheShopperToStripesRedirect() {
    String url = "https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1&payment_intent=pi_1";
    answerCreate(
        200,
        intent(
            "pi_1",
            "requires_action",
            1000,
            0,
            ",\"last_payment_error\":null,\"next_action\":{\"type\":\"redirect_to_url\","
                + "\"redirect_to_url\":{\"return_url\":\""
                + RETURN_URL
                + "\",\"url\":\""
                + url
                + "\"}}"));

    GatewayResult result = gateway.authorize(cardPayment(true));

    assertThat(result.outcome()).isEqualTo(Outcome.REQUIRES_ACTION);
    assertThat(result.actionUrl()).isEqualTo(url);
    assertThat(result.gatewayReference()).isEqualTo("pi_1");
  }

  @Test
  void requiresActionWithoutARedirectWaitsAsProcessing() {
    answerCreate(
        200,
        intent(
            "pi_1",
            "requires_action",
            1000,
            0,
            ",\"next_action\":{\"type\":\"use_stripe_sdk\",\"use_stripe_sdk\":{}}"));
    assertThat(gateway.authorize(cardPayment(true))).isEqualTo(GatewayResult.processing("pi_1"));
  }

  @Test
  void canceledIsCanceled() {
    answerCreate(200, intent("pi_1", "canceled"));
    assertThat(gateway.authorize(cardPayment(true))).isEqualTo(GatewayResult.canceled("pi_1"));
  }

  @Test
  void requiresPaymentMethodWithAnErrorIsADecline() {
    answerCreate(
        200,
        intent(
            "pi_1",
            "requires_payment_method",
            1000,
            0,
            ",\"last_payment_error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
                + "\"decline_code\":\"lost_card\",\"message\":\"Your card was declined.\"}"));
    assertThat(gateway.authorize(cardPayment(true)))
        .isEqualTo(GatewayResult.declined("pi_1", DeclineReason.LOST_CARD));
  }

  @ParameterizedTest(name = "code={0} decline_code={1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "card_declined, insufficient_funds, INSUFFICIENT_FUNDS",
        "card_declined, lost_card, LOST_CARD",
        "card_declined, stolen_card, STOLEN_CARD",
        "expired_card, expired_card, EXPIRED_CARD",
        "incorrect_cvc, incorrect_cvc, INCORRECT_CVC",
        "processing_error, processing_error, PROCESSING_ERROR",
        "card_declined, fraudulent, FRAUDULENT",
        "incorrect_number, -, INCORRECT_NUMBER",
        "authentication_required, authentication_required, AUTHENTICATION_FAILED",
        "card_declined, do_not_honor, GENERIC_DECLINE",
        "card_declined, -, GENERIC_DECLINE",
      })
  void a402CardErrorIsADeclineWithTheIssuersReason(
      String code, String declineCode, DeclineReason reason) {
    answerCreate(
        402,
        error(
            "card_error",
            code,
            declineCode,
            "Your card was declined.",
            intent(
                "pi_declined",
                "requires_payment_method",
                1000,
                0,
                ",\"last_payment_error\":{\"type\":\"card_error\",\"code\":\"" + code + "\"}")));

    GatewayResult result = gateway.authorize(cardPayment(true));

    assertThat(result).isEqualTo(GatewayResult.declined("pi_declined", reason));
  }

  @Test
  void a402WithoutAPaymentIntentIsStillADecline() {
    answerCreate(
        402,
        error(
            "card_error", "incorrect_cvc", null, "Your card's security code is incorrect.", null));
    assertThat(gateway.authorize(cardPayment(true)))
        .isEqualTo(GatewayResult.declined(null, DeclineReason.INCORRECT_CVC));
  }

  @Test
  void anInvalidRequestIsRejectedWithStripesCodeAndNoCardDataInTheMessage() {
    // Stripe's messages may echo a parameter; this one echoes the number and the CVC.
    answerCreate(
        400,
        error(
            "invalid_request_error",
            "parameter_invalid_integer",
            null,
            "Invalid integer: " + NUMBER + " near cvc " + CVC + " (4242 4242 4242 4242)",
            null));

    GatewayRejectedException e =
        catchThrowableOfType(
            GatewayRejectedException.class, () -> gateway.authorize(cardPayment(true)));

    assertThat(e.code()).isEqualTo("parameter_invalid_integer");
    assertThat(e.getMessage())
        .startsWith("Invalid integer: ")
        .doesNotContain(NUMBER)
        .doesNotContain(CVC)
        .doesNotContain("4242 4242 4242 4242");
  }

  @Test
  void aReusedIdempotencyKeyIsRejected() {
    answerCreate(
        400,
        error(
            "idempotency_error",
            null,
            null,
            "Keys for idempotent requests can only be used with the same parameters they were first used with.",
            null));
    assertThatThrownBy(() -> gateway.authorize(cardPayment(true)))
        .isInstanceOfSatisfying(
            GatewayRejectedException.class,
            e -> assertThat(e.code()).isEqualTo("idempotency_error"));
  }

  @Test
  void aRefusedKeyIsRejectedWithoutStripesMessageWhichNamesTheKey() {
    answerCreate(
        401,
        error(
            "invalid_request_error",
            null,
            null,
            "Invalid API Key provided: " + SECRET_KEY.substring(0, 8) + "****0000",
            null));

    GatewayRejectedException e =
        catchThrowableOfType(
            GatewayRejectedException.class, () -> gateway.authorize(cardPayment(true)));

    assertThat(e.code()).isEqualTo("authentication_error");
    assertThat(e.getMessage()).doesNotContain("sk_test").doesNotContain("0000");
  }

  @ParameterizedTest(name = "HTTP {0} means the outcome is unknown")
  @CsvSource({
    "409, idempotency_error",
    "429, rate_limit_error",
    "500, api_error",
    "502, api_error",
  })
  void conflictsRateLimitsAndServerErrorsAreUnavailable(int status, String type) {
    answerCreate(status, error(type, null, null, "Try again later.", null));
    assertThatThrownBy(() -> gateway.authorize(cardPayment(true)))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessageContaining("HTTP " + status);
  }

  @Test
  void aNonJsonServerErrorIsUnavailable() {
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));
    assertThatThrownBy(() -> gateway.authorize(cardPayment(true)))
        .isInstanceOf(GatewayUnavailableException.class);
  }

  @Test
  void aSuccessThatIsNotJsonIsUnavailableNotAGuess() {
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .willReturn(aResponse().withStatus(200).withBody("OK")));
    assertThatThrownBy(() -> gateway.authorize(cardPayment(true)))
        .isInstanceOf(GatewayUnavailableException.class);
  }

  @Test
  void aSuccessWithoutTheFieldsKassaNeedsIsUnavailableNotAGuess() {
    answerCreate(200, "{\"id\":\"pi_1\",\"object\":\"payment_intent\"}");
    assertThatThrownBy(() -> gateway.authorize(cardPayment(true)))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessageContaining("unreadable");
  }

  @Test
  void aBaseUrlWithAPathKeepsIt() {
    stripe.stubFor(
        post(urlEqualTo("/proxy/stripe/v1/payment_intents"))
            .willReturn(okJson(intent("pi_1", "requires_capture"))));
    StripeGateway proxied =
        new StripeGateway(
            URI.create(stripe.baseUrl() + "/proxy/stripe/"), SECRET_KEY, WEBHOOK_SECRET, TIMEOUT);

    assertThat(proxied.authorize(savedPaymentOffSession()))
        .isEqualTo(GatewayResult.authorized("pi_1"));
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsUnavailable() {
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .willReturn(okJson(intent("pi_1", "succeeded")).withFixedDelay(SLOW)));

    StripeGateway impatient =
        new StripeGateway(URI.create(stripe.baseUrl()), SECRET_KEY, WEBHOOK_SECRET, SHORT_TIMEOUT);

    assertThatThrownBy(() -> impatient.authorize(cardPayment(true)))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasCauseInstanceOf(HttpTimeoutException.class)
        .message()
        .doesNotContain(NUMBER)
        .doesNotContain(SECRET_KEY);
  }

  @Test
  void aDroppedConnectionIsUnavailable() {
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> gateway.authorize(cardPayment(true)))
        .isInstanceOf(GatewayUnavailableException.class);
  }

  @Test
  void aRefusedConnectionIsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    StripeGateway nowhere =
        new StripeGateway(
            URI.create("http://127.0.0.1:" + closedPort), SECRET_KEY, WEBHOOK_SECRET, TIMEOUT);
    assertThatThrownBy(() -> nowhere.authorize(cardPayment(true)))
        .isInstanceOf(GatewayUnavailableException.class);
  }

  @Test
  void withoutASecretKeyItIsNotConfiguredAndCallsNothing() {
    StripeGateway unconfigured = gateway(null, WEBHOOK_SECRET);

    assertThat(unconfigured.configured()).isFalse();
    assertThat(gateway.configured()).isTrue();
    assertThatThrownBy(() -> unconfigured.authorize(cardPayment(true)))
        .isInstanceOfSatisfying(
            GatewayRejectedException.class, e -> assertThat(e.code()).isEqualTo("not_configured"));
    assertThat(stripe.getAllServeEvents()).isEmpty();
  }

  @Test
  void aWalletOrAnUnpricedCurrencyIsRejectedBeforeAnyRequest() {
    assertThatThrownBy(
            () ->
                gateway.authorize(
                    new AuthorizationRequest(
                        "pay_1",
                        Money.of(1000, "EUR"),
                        new PaymentMethod.Wallet(PaymentMethodType.PAYPAL),
                        true,
                        RETURN_URL)))
        .isInstanceOf(GatewayRejectedException.class);
    assertThatThrownBy(
            () ->
                gateway.authorize(
                    new AuthorizationRequest(
                        "pay_1",
                        Money.of(1000, "ISK"),
                        new PaymentMethod.Card(card()),
                        true,
                        RETURN_URL)))
        .isInstanceOfSatisfying(
            GatewayRejectedException.class,
            e -> assertThat(e.code()).isEqualTo("currency_not_supported"));
    assertThat(stripe.getAllServeEvents()).isEmpty();
  }

  @Test
  void capabilitiesDeclareCardsManualCaptureAndListPrices() {
    var capabilities = gateway.capabilities();

    assertThat(capabilities.methods()).containsExactly(PaymentMethodType.CARD);
    assertThat(capabilities.manualCapture()).isTrue();
    assertThat(capabilities.partialRefunds()).isTrue();
    assertThat(capabilities.currencies())
        .containsExactlyInAnyOrder(
            CurrencyCode.of("EUR"), CurrencyCode.of("USD"), CurrencyCode.of("GBP"));
    // EUR 100.00: 1.5 % is 150 cents, plus 25.
    assertThat(capabilities.fees().transactionFee(Money.of(10_000, "EUR")))
        .contains(Money.of(175, "EUR"));
    // USD 10.00: 2.9 % is 29 cents, plus 30.
    assertThat(capabilities.fees().transactionFee(Money.of(1_000, "USD")))
        .contains(Money.of(59, "USD"));
    assertThat(capabilities.fees().in(CurrencyCode.of("GBP")).orElseThrow().perDispute())
        .isEqualTo(2000);
    assertThat(capabilities.fees().in(CurrencyCode.of("USD")).orElseThrow().percent())
        .isEqualByComparingTo(new BigDecimal("2.9"));
  }

  // --- capture and cancel --------------------------------------------------------------------

  @Test
  void captureUsesItsOwnIdempotencyKeyAndAnswersWhatWasCaptured() {
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents/pi_1/capture"))
            .willReturn(okJson(intent("pi_1", "succeeded", 1000, 600, null))));

    GatewayResult result =
        gateway.capture(
            new CaptureRequest(new PaymentReference("pay_1", "pi_1"), Money.of(600, "EUR")));

    assertThat(result).isEqualTo(GatewayResult.captured("pi_1", 600));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/capture"))
            .withHeader("Idempotency-Key", equalTo("pay_1:capture"))
            .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
            .withFormParam("amount_to_capture", equalTo("600")));
  }

  @Test
  void captureOfAnIntentThatCannotBeCapturedIsRejected() {
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents/pi_1/capture"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        error(
                            "invalid_request_error",
                            "payment_intent_unexpected_state",
                            null,
                            "This PaymentIntent could not be captured because it has a status of canceled.",
                            intent("pi_1", "canceled")))));

    assertThatThrownBy(
            () ->
                gateway.capture(
                    new CaptureRequest(
                        new PaymentReference("pay_1", "pi_1"), Money.of(1000, "EUR"))))
        .isInstanceOfSatisfying(
            GatewayRejectedException.class,
            e -> assertThat(e.code()).isEqualTo("payment_intent_unexpected_state"));
  }

  @Test
  void captureWithoutAReferenceFindsTheIntentByKassasId() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search"))
            .willReturn(okJson(searchResult(intent("pi_found", "requires_capture")))));
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents/pi_found/capture"))
            .willReturn(okJson(intent("pi_found", "succeeded"))));

    GatewayResult result =
        gateway.capture(
            new CaptureRequest(new PaymentReference("pay_1", null), Money.of(1000, "EUR")));

    assertThat(result).isEqualTo(GatewayResult.captured("pi_found", 1000));
  }

  @Test
  void voidCancelsWithItsOwnIdempotencyKey() {
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents/pi_1/cancel"))
            .willReturn(okJson(intent("pi_1", "canceled"))));

    GatewayResult result = gateway.voidAuthorization(new PaymentReference("pay_1", "pi_1"));

    assertThat(result).isEqualTo(GatewayResult.canceled("pi_1"));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/cancel"))
            .withHeader("Idempotency-Key", equalTo("pay_1:cancel"))
            .withHeader("Stripe-Version", equalTo(StripeApi.API_VERSION)));
  }

  // --- refunds ---------------------------------------------------------------------------------

  private static final RefundRequest REFUND =
      new RefundRequest("re_k1", "pay_1", "pi_1", Money.of(400, "EUR"));

  private static final String KASSA_REFUND_METADATA =
      "{\"kassa_refund_id\":\"re_k1\",\"kassa_payment_id\":\"pay_1\"}";

  private static void answerRefund(int status, String body, boolean replayed) {
    stripe.stubFor(
        post(urlEqualTo("/v1/refunds"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Idempotent-Replayed", String.valueOf(replayed))
                    .withBody(body)));
  }

  @Test
  void refundSendsBothKassaIdsAndTheRefundIdAsIdempotencyKey() {
    answerRefund(200, refund("re_3Stripe", "succeeded", null, KASSA_REFUND_METADATA), false);

    assertThat(gateway.refund(REFUND)).isEqualTo(GatewayRefundResult.succeeded("re_3Stripe"));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/refunds"))
            .withHeader("Idempotency-Key", equalTo("re_k1"))
            .withFormParam("payment_intent", equalTo("pi_1"))
            .withFormParam("amount", equalTo("400"))
            .withFormParam("metadata[kassa_refund_id]", equalTo("re_k1"))
            .withFormParam("metadata[kassa_payment_id]", equalTo("pay_1")));
  }

  @ParameterizedTest
  @CsvSource({
    "failed, expired_or_canceled_card, expired_or_canceled_card",
    "canceled, -, canceled"
  })
  void aFailedOrCanceledRefundFailsWithStripesReason(
      String status, String failureReason, String expected) {
    answerRefund(
        200,
        refund(
            "re_3Stripe",
            status,
            "-".equals(failureReason) ? null : failureReason,
            KASSA_REFUND_METADATA),
        false);
    assertThat(gateway.refund(REFUND))
        .isEqualTo(GatewayRefundResult.failed("re_3Stripe", expected));
  }

  @Test
  void aPendingRefundIsAnUnknownOutcomeNotAFailure() {
    answerRefund(200, refund("re_3Stripe", "pending", null, KASSA_REFUND_METADATA), false);
    assertThatThrownBy(() -> gateway.refund(REFUND))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessageContaining("re_3Stripe")
        .hasMessageContaining("pending");
    stripe.verify(0, getRequestedFor(urlPathEqualTo("/v1/refunds/re_3Stripe")));
  }

  @Test
  void aReplayedPendingRefundIsAskedForItsCurrentState() {
    answerRefund(200, refund("re_3Stripe", "pending", null, KASSA_REFUND_METADATA), true);
    stripe.stubFor(
        get(urlEqualTo("/v1/refunds/re_3Stripe"))
            .willReturn(okJson(refund("re_3Stripe", "succeeded", null, KASSA_REFUND_METADATA))));

    assertThat(gateway.refund(REFUND)).isEqualTo(GatewayRefundResult.succeeded("re_3Stripe"));
  }

  @Test
  void aRefundStripeRefusesFailsWithItsCode() {
    answerRefund(
        400,
        error(
            "invalid_request_error",
            "amount_too_large",
            null,
            "Refund amount (EUR 20.00) is greater than unrefunded amount on charge (EUR 10.00)",
            null),
        false);
    assertThat(gateway.refund(REFUND))
        .isEqualTo(GatewayRefundResult.failed(null, "amount_too_large"));
  }

  @Test
  void aRefundWithAReusedKeyOrARefusedSecretIsRejectedNotFailed() {
    answerRefund(
        400, error("idempotency_error", null, null, "Keys for idempotent requests…", null), false);
    assertThatThrownBy(() -> gateway.refund(REFUND)).isInstanceOf(GatewayRejectedException.class);

    answerRefund(
        401, error("invalid_request_error", null, null, "Invalid API Key provided", null), false);
    assertThatThrownBy(() -> gateway.refund(REFUND))
        .isInstanceOfSatisfying(
            GatewayRejectedException.class,
            e -> assertThat(e.code()).isEqualTo("authentication_error"));
  }

  @Test
  void aRefundThatTimesOutIsUnavailable() {
    stripe.stubFor(
        post(urlEqualTo("/v1/refunds"))
            .willReturn(
                okJson(refund("re_3Stripe", "succeeded", null, KASSA_REFUND_METADATA))
                    .withFixedDelay(SLOW)));
    StripeGateway impatient =
        new StripeGateway(URI.create(stripe.baseUrl()), SECRET_KEY, WEBHOOK_SECRET, SHORT_TIMEOUT);

    assertThatThrownBy(() -> impatient.refund(REFUND))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasCauseInstanceOf(HttpTimeoutException.class);
  }

  // --- retrieve --------------------------------------------------------------------------------

  static String searchResult(String... intents) {
    return "{\"object\":\"search_result\",\"data\":["
        + String.join(",", intents)
        + "],\"has_more\":false,\"next_page\":null,\"url\":\"/v1/payment_intents/search\"}";
  }

  @Test
  void retrieveByReferenceGetsTheIntent() {
    stripe.stubFor(
        get(urlEqualTo("/v1/payment_intents/pi_1"))
            .willReturn(okJson(intent("pi_1", "requires_capture"))));

    assertThat(gateway.retrieve(new PaymentReference("pay_1", "pi_1")))
        .contains(GatewayResult.authorized("pi_1"));
    stripe.verify(
        getRequestedFor(urlEqualTo("/v1/payment_intents/pi_1"))
            .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
            .withHeader("Idempotency-Key", absent()));
  }

  @Test
  void retrieveRefusesAnIntentThatBelongsToAnotherPayment() {
    stripe.stubFor(
        get(urlEqualTo("/v1/payment_intents/pi_1"))
            .willReturn(okJson(intent("pi_1", "succeeded"))));
    assertThatThrownBy(() -> gateway.retrieve(new PaymentReference("pay_other", "pi_1")))
        .isInstanceOf(GatewayRejectedException.class);
  }

  @Test
  void retrieveOfAnUnknownReferenceIsRejectedNotEmpty() {
    // Empty would tell Kassa to send the payment again; a missing reference is a set-up error.
    stripe.stubFor(
        get(urlEqualTo("/v1/payment_intents/pi_gone"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        error(
                            "invalid_request_error",
                            "resource_missing",
                            null,
                            "No such payment_intent: 'pi_gone'",
                            null))));
    assertThatThrownBy(() -> gateway.retrieve(new PaymentReference("pay_1", "pi_gone")))
        .isInstanceOfSatisfying(
            GatewayRejectedException.class,
            e -> assertThat(e.code()).isEqualTo("resource_missing"));
  }

  @Test
  void retrieveWithoutAReferenceSearchesKassasIdInTheMetadata() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search"))
            .willReturn(okJson(searchResult(intent("pi_1", "succeeded")))));

    assertThat(gateway.retrieve(new PaymentReference("pay_1", null)))
        .contains(GatewayResult.captured("pi_1", 1000));
    stripe.verify(
        getRequestedFor(urlPathEqualTo("/v1/payment_intents/search"))
            .withQueryParam("query", equalTo("metadata['kassa_payment_id']:'pay_1'")));
  }

  @Test
  void anEmptySearchMeansStripeNeverGotThePayment() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search")).willReturn(okJson(searchResult())));
    assertThat(gateway.retrieve(new PaymentReference("pay_1", null))).isEqualTo(Optional.empty());
  }

  @Test
  void twoIntentsForOnePaymentAnswerTheMostAdvancedAndWarn() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search"))
            .willReturn(
                okJson(
                    searchResult(
                        intent("pi_old", "canceled"), intent("pi_new", "requires_capture")))));

    assertThat(gateway.retrieve(new PaymentReference("pay_1", null)))
        .contains(GatewayResult.authorized("pi_new"));
    assertThat(logLines).anyMatch(l -> l.contains("event=stripe.duplicate_intents payment=pay_1"));
  }

  @Test
  void retrieveWhileStripeIsDownIsUnavailable() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search"))
            .willReturn(
                aResponse().withStatus(500).withBody(error("api_error", null, null, "x", null))));
    assertThatThrownBy(() -> gateway.retrieve(new PaymentReference("pay_1", null)))
        .isInstanceOf(GatewayUnavailableException.class);
  }
}
