package org.kassa.payment.gateway.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.ACCESS_TOKEN;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.CLIENT_ID;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.CLIENT_SECRET;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.ORDER_ID;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.errorResponse;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.json;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.orderAwaitingPayer;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.token;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.GatewayRejectedException;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.GatewayUnavailableException;
import org.kassa.payment.gateway.PaymentMethod;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.gateway.PaymentReference;
import org.kassa.payment.money.Money;

/** The OAuth2 token, its cache and refresh, and how PayPal's failures reach Kassa. */
class PayPalAuthenticationAndErrorsTest {

  @RegisterExtension static WireMockExtension paypal = PayPalFixtures.paypal();

  private static final PaymentReference PAYMENT = new PaymentReference("pay_1", ORDER_ID);
  private static final String ORDER_PATH = "/v2/checkout/orders/" + ORDER_ID;

  private final Logger packageLogger = Logger.getLogger("org.kassa.payment.gateway.paypal");
  private final List<LogRecord> logs = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logs.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    packageLogger.setLevel(Level.ALL);
    packageLogger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    packageLogger.removeHandler(capture);
    packageLogger.setLevel(null);
  }

  private void stubOrder() {
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .willReturn(okJson(orderAwaitingPayer("PAYER_ACTION_REQUIRED", "payer-action"))));
  }

  @Test
  void fetchesOneTokenWithTheClientCredentialsAndUsesItForSeveralCalls() {
    PayPalFixtures.stubToken(paypal);
    stubOrder();
    PayPalGateway gateway = PayPalFixtures.gateway(paypal);

    for (int i = 0; i < 3; i++) {
      assertThat(gateway.retrieve(PAYMENT).orElseThrow().outcome())
          .isEqualTo(GatewayResult.Outcome.REQUIRES_ACTION);
    }

    String basic =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    paypal.verify(
        exactly(1),
        postRequestedFor(urlEqualTo("/v1/oauth2/token"))
            .withHeader("Authorization", equalTo("Basic " + basic))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(equalTo("grant_type=client_credentials")));
    paypal.verify(
        exactly(3),
        getRequestedFor(urlEqualTo(ORDER_PATH))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
  }

  @Test
  void fetchesANewTokenShortlyBeforeTheOldOneExpires() {
    paypal.stubFor(post(urlEqualTo("/v1/oauth2/token")).willReturn(okJson(token("T1", 3600))));
    stubOrder();
    PayPalFixtures.MutableClock clock =
        new PayPalFixtures.MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    PayPalGateway gateway = PayPalFixtures.gateway(paypal, clock, Duration.ofSeconds(2));

    gateway.retrieve(PAYMENT);
    clock.advance(Duration.ofSeconds(3600 - 61));
    gateway.retrieve(PAYMENT);
    paypal.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/oauth2/token")));

    clock.advance(Duration.ofSeconds(2)); // within a minute of expiry: not used any more
    gateway.retrieve(PAYMENT);
    paypal.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/oauth2/token")));
  }

  @Test
  void aRefusedTokenIsReplacedOnceAndTheCallSentAgain() {
    paypal.stubFor(
        post(urlEqualTo("/v1/oauth2/token"))
            .inScenario("token")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(token("REVOKED", 32400)))
            .willSetStateTo("second"));
    paypal.stubFor(
        post(urlEqualTo("/v1/oauth2/token"))
            .inScenario("token")
            .whenScenarioStateIs("second")
            .willReturn(okJson(token("FRESH", 32400))));
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .withHeader("Authorization", equalTo("Bearer REVOKED"))
            .willReturn(
                json(
                    401,
                    """
                    {"error":"invalid_token","error_description":"Token signature verification failed"}""")));
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .withHeader("Authorization", equalTo("Bearer FRESH"))
            .willReturn(okJson(orderAwaitingPayer("PAYER_ACTION_REQUIRED", "payer-action"))));
    PayPalGateway gateway = PayPalFixtures.gateway(paypal);

    assertThat(gateway.retrieve(PAYMENT).orElseThrow().outcome())
        .isEqualTo(GatewayResult.Outcome.REQUIRES_ACTION);
    assertThat(gateway.retrieve(PAYMENT).orElseThrow().outcome())
        .isEqualTo(GatewayResult.Outcome.REQUIRES_ACTION);

    paypal.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/oauth2/token")));
    paypal.verify(exactly(3), getRequestedFor(urlEqualTo(ORDER_PATH)));
  }

  @Test
  void a401AfterTheRefreshIsAnAuthenticationErrorWithoutRetryingForever() {
    PayPalFixtures.stubToken(paypal);
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH)).willReturn(json(401, "{\"error\":\"invalid_token\"}")));

    GatewayRejectedException e =
        catchThrowableOfType(
            () -> PayPalFixtures.gateway(paypal).retrieve(PAYMENT), GatewayRejectedException.class);

    assertThat(e.code()).isEqualTo("authentication_error");
    paypal.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/oauth2/token")));
    paypal.verify(exactly(2), getRequestedFor(urlEqualTo(ORDER_PATH)));
  }

  @Test
  void refusedClientCredentialsAreAnAuthenticationErrorThatNamesNoSecret() {
    paypal.stubFor(
        post(urlEqualTo("/v1/oauth2/token"))
            .willReturn(
                json(
                    401,
                    """
                    {"error":"invalid_client","error_description":"Client Authentication failed"}""")));

    GatewayRejectedException e =
        catchThrowableOfType(
            () -> PayPalFixtures.gateway(paypal).retrieve(PAYMENT), GatewayRejectedException.class);

    assertThat(e.code()).isEqualTo("authentication_error");
    assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET).doesNotContain(CLIENT_ID);
    paypal.verify(exactly(0), getRequestedFor(urlEqualTo(ORDER_PATH)));
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503})
  void rateLimitsAndServerErrorsLeaveTheOutcomeUnknown(int status) {
    PayPalFixtures.stubToken(paypal);
    paypal.stubFor(
        post(urlEqualTo("/v2/checkout/orders"))
            .willReturn(
                errorResponse(
                    status, status == 429 ? "RATE_LIMIT_REACHED" : "INTERNAL_SERVER_ERROR", "")));

    assertThatThrownBy(() -> PayPalFixtures.gateway(paypal).authorize(walletPayment()))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessageContaining(String.valueOf(status));
  }

  @Test
  void aTimeoutLeavesTheOutcomeUnknown() {
    PayPalFixtures.stubToken(paypal);
    paypal.stubFor(
        post(urlEqualTo("/v2/checkout/orders"))
            .willReturn(
                okJson(orderAwaitingPayer("PAYER_ACTION_REQUIRED", "payer-action"))
                    .withFixedDelay(1500)));

    assertThatThrownBy(
            () ->
                PayPalFixtures.gateway(paypal, Clock.systemUTC(), Duration.ofMillis(300))
                    .authorize(walletPayment()))
        .isInstanceOf(GatewayUnavailableException.class);
  }

  @Test
  void aDroppedConnectionLeavesTheOutcomeUnknown() {
    PayPalFixtures.stubToken(paypal);
    paypal.stubFor(
        post(urlEqualTo("/v2/checkout/orders"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> PayPalFixtures.gateway(paypal).authorize(walletPayment()))
        .isInstanceOf(GatewayUnavailableException.class);
  }

  @Test
  void anUnreadableSuccessLeavesTheOutcomeUnknown() {
    PayPalFixtures.stubToken(paypal);
    paypal.stubFor(
        post(urlEqualTo("/v2/checkout/orders"))
            .willReturn(aResponse().withStatus(201).withBody("<html>proxy</html>")));

    assertThatThrownBy(() -> PayPalFixtures.gateway(paypal).authorize(walletPayment()))
        .isInstanceOf(GatewayUnavailableException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "422, UNPROCESSABLE_ENTITY, PAYEE_ACCOUNT_RESTRICTED",
    "422, UNPROCESSABLE_ENTITY, DUPLICATE_INVOICE_ID",
    "400, INVALID_REQUEST, INVALID_PARAMETER_VALUE",
    "403, NOT_AUTHORIZED, PERMISSION_DENIED",
  })
  void requestsPayPalRefusesAreRejectedWithTheIssueAndTheDebugId(
      int status, String name, String issue) {
    PayPalFixtures.stubToken(paypal);
    paypal.stubFor(
        post(urlEqualTo("/v2/checkout/orders")).willReturn(errorResponse(status, name, issue)));

    GatewayRejectedException e =
        catchThrowableOfType(
            () -> PayPalFixtures.gateway(paypal).authorize(walletPayment()),
            GatewayRejectedException.class);

    assertThat(e.code()).isEqualTo(issue);
    assertThat(e.getMessage())
        .contains("PayPal's description of " + issue)
        .contains("debug_id f1a2b3c4d5e6f");
  }

  @Test
  void anErrorWithoutDetailsIsRejectedByItsName() {
    PayPalFixtures.stubToken(paypal);
    paypal.stubFor(
        get(urlEqualTo(ORDER_PATH))
            .willReturn(
                json(
                    404,
                    """
                    {"name":"RESOURCE_NOT_FOUND","message":"The specified resource does not exist.","debug_id":"9a8b7c"}""")));

    GatewayRejectedException e =
        catchThrowableOfType(
            () -> PayPalFixtures.gateway(paypal).retrieve(PAYMENT), GatewayRejectedException.class);

    assertThat(e.code()).isEqualTo("RESOURCE_NOT_FOUND");
  }

  @Test
  void neitherTheSecretNorATokenIsEverLogged() {
    paypal.stubFor(
        post(urlEqualTo("/v1/oauth2/token"))
            .inScenario("token")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(token(ACCESS_TOKEN, 32400)))
            .willSetStateTo("second"));
    paypal.stubFor(
        post(urlEqualTo("/v1/oauth2/token"))
            .inScenario("token")
            .whenScenarioStateIs("second")
            .willReturn(json(401, "{\"error\":\"invalid_client\"}")));
    paypal.stubFor(
        post(urlEqualTo("/v2/checkout/orders"))
            .willReturn(errorResponse(422, "UNPROCESSABLE_ENTITY", "PAYEE_ACCOUNT_RESTRICTED")));
    paypal.stubFor(get(urlEqualTo(ORDER_PATH)).willReturn(json(401, "{}")));
    PayPalGateway gateway = PayPalFixtures.gateway(paypal);

    catchThrowableOfType(() -> gateway.authorize(walletPayment()), RuntimeException.class);
    catchThrowableOfType(() -> gateway.retrieve(PAYMENT), RuntimeException.class);

    assertThat(logs).isNotEmpty();
    assertThat(logs)
        .allSatisfy(
            r ->
                assertThat(r.getMessage())
                    .doesNotContain(CLIENT_SECRET)
                    .doesNotContain(ACCESS_TOKEN)
                    .doesNotContain(
                        Base64.getEncoder()
                            .encodeToString(
                                (CLIENT_ID + ":" + CLIENT_SECRET)
                                    .getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void withoutCredentialsItIsNotConfiguredAndCallsNothing() {
    PayPalGateway gateway =
        new PayPalGateway(
            CLIENT_ID, null, null, paypal.baseUrl(), Duration.ofSeconds(2), Clock.systemUTC());

    assertThat(gateway.configured()).isFalse();
    assertThatThrownBy(() -> gateway.authorize(walletPayment()))
        .isInstanceOf(GatewayRejectedException.class)
        .hasMessageContaining("client id and secret");
    paypal.verify(exactly(0), postRequestedFor(anyUrl()));
    assertThat(PayPalFixtures.gateway(paypal).configured()).isTrue();
  }

  static AuthorizationRequest walletPayment() {
    return new AuthorizationRequest(
        "pay_1",
        Money.of(1000, "EUR"),
        new PaymentMethod.Wallet(PaymentMethodType.PAYPAL),
        true,
        "https://kassa.example/pay/cs_1/return");
  }
}
