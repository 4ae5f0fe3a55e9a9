package org.kassa.payment.gateway.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.CAPTURE_ID;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.ORDER_ID;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.REFUND_ID;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.WEBHOOK_ID;
import static org.kassa.payment.gateway.paypal.PayPalFixtures.errorResponse;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.DisputeNotice;
import org.kassa.payment.gateway.GatewayEvent;
import org.kassa.payment.gateway.GatewayRefundResult;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.InvalidCallbackException;
import org.kassa.payment.money.Money;

/** Webhooks: checked, verified by PayPal, then read; anything doubtful changes nothing. */
class PayPalWebhookTest {

  @RegisterExtension static WireMockExtension paypal = PayPalFixtures.paypal();

  private static final String VERIFY = "/v1/notifications/verify-webhook-signature";
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:30Z");
  private static final String SENT = "2026-11-26T10:00:20Z";
  private static final String CERT_URL =
      "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270";
  private static final String SIGNATURE =
      "lmI95Jx3Y9nhR5SJWlHVIWpg4AgFk7n9bCHSRxbrd8A9zrhdu2rMyFrmz==";

  private PayPalGateway gateway;

  @BeforeEach
  void setUp() {
    PayPalFixtures.stubToken(paypal);
    gateway =
        PayPalFixtures.gateway(paypal, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2));
  }

  private static Map<String, List<String>> headers(String transmissionTime) {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Paypal-Transmission-Id", List.of("69cd13f0-d67a-11e5-baa3-778b53f4ae55"));
    headers.put("Paypal-Transmission-Time", List.of(transmissionTime));
    headers.put("Paypal-Transmission-Sig", List.of(SIGNATURE));
    headers.put("Paypal-Cert-Url", List.of(CERT_URL));
    headers.put("Paypal-Auth-Algo", List.of("SHA256withRSA"));
    headers.put("Content-Type", List.of("application/json"));
    return headers;
  }

  private static CallbackRequest callback(String body) {
    return new CallbackRequest(headers(SENT), body.getBytes(StandardCharsets.UTF_8), NOW);
  }

  private void verification(String status) {
    paypal.stubFor(
        post(urlEqualTo(VERIFY))
            .willReturn(okJson("{\"verification_status\":\"" + status + "\"}")));
  }

  private static String event(String type, String resourceType, String resource) {
    return """
        {"id":"WH-58D329510W468432D-8HN650336L201105X","event_version":"1.0",
         "create_time":"2026-11-26T10:00:18.123Z","resource_type":"%s","resource_version":"2.0",
         "event_type":"%s","summary":"An event","resource":%s,
         "links":[{"href":"https://api.sandbox.paypal.com/v1/notifications/webhooks-events/WH-58D329510W468432D-8HN650336L201105X","rel":"self","method":"GET"}]}"""
        .formatted(resourceType, type, resource);
  }

  private static String captureEvent(String type, String status) {
    return event(
        type,
        "capture",
        """
        {"id":"%s","status":"%s","amount":{"currency_code":"EUR","value":"10.00"},
         "final_capture":true,"custom_id":"pay_1",
         "supplementary_data":{"related_ids":{"order_id":"%s"}},
         "create_time":"2026-11-26T10:00:17Z","update_time":"2026-11-26T10:00:17Z"}"""
            .formatted(CAPTURE_ID, status, ORDER_ID));
  }

  private static final Instant EVENT_TIME = Instant.parse("2026-11-26T10:00:18.123Z");

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-26T09:55:29Z", "2026-11-26T10:05:31Z"})
  void aTransmissionTimeOutsideFiveMinutesIsRefusedWithoutAskingPayPal(String sent) {
    CallbackRequest stale =
        new CallbackRequest(
            headers(sent),
            captureEvent("PAYMENT.CAPTURE.COMPLETED", "COMPLETED").getBytes(StandardCharsets.UTF_8),
            NOW);

    assertThatThrownBy(() -> gateway.parseCallback(stale))
        .isInstanceOf(InvalidCallbackException.class)
        .hasMessageContaining("transmission time");
    paypal.verify(exactly(0), postRequestedFor(urlEqualTo(VERIFY)));
    paypal.verify(exactly(0), postRequestedFor(anyUrl()));
  }

  @Test
  void aTransmissionTimeJustWithinFiveMinutesIsVerified() {
    verification("SUCCESS");
    CallbackRequest edge =
        new CallbackRequest(
            headers("2026-11-26T09:55:30Z"),
            captureEvent("PAYMENT.CAPTURE.COMPLETED", "COMPLETED").getBytes(StandardCharsets.UTF_8),
            NOW);

    assertThat(gateway.parseCallback(edge).kind()).isEqualTo(GatewayEvent.Kind.PAYMENT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Paypal-Transmission-Id",
        "Paypal-Transmission-Time",
        "Paypal-Transmission-Sig",
        "Paypal-Cert-Url",
        "Paypal-Auth-Algo"
      })
  void aMissingHeaderIsRefusedWithoutAskingPayPal(String header) {
    Map<String, List<String>> headers = headers(SENT);
    headers.remove(header);
    CallbackRequest incomplete =
        new CallbackRequest(
            headers,
            captureEvent("PAYMENT.CAPTURE.COMPLETED", "COMPLETED").getBytes(StandardCharsets.UTF_8),
            NOW);

    assertThatThrownBy(() -> gateway.parseCallback(incomplete))
        .isInstanceOf(InvalidCallbackException.class);
    paypal.verify(exactly(0), postRequestedFor(anyUrl()));
  }

  @Test
  void aSignaturePayPalDoesNotConfirmIsRefused() {
    verification("FAILURE");

    assertThatThrownBy(
            () ->
                gateway.parseCallback(
                    callback(captureEvent("PAYMENT.CAPTURE.COMPLETED", "COMPLETED"))))
        .isInstanceOf(InvalidCallbackException.class)
        .hasMessageContaining("FAILURE");
    paypal.verify(exactly(1), postRequestedFor(urlEqualTo(VERIFY)));
  }

  @Test
  void aVerificationPayPalDoesNotAnswerIsRefusedForPayPalToDeliverAgain() {
    paypal.stubFor(
        post(urlEqualTo(VERIFY)).willReturn(errorResponse(503, "SERVICE_UNAVAILABLE", "")));

    assertThatThrownBy(
            () ->
                gateway.parseCallback(
                    callback(captureEvent("PAYMENT.CAPTURE.COMPLETED", "COMPLETED"))))
        .isInstanceOf(InvalidCallbackException.class);
  }

  @Test
  void aVerificationPayPalRefusesIsRefused() {
    paypal.stubFor(
        post(urlEqualTo(VERIFY))
            .willReturn(errorResponse(400, "VALIDATION_ERROR", "INVALID_PARAMETER_SYNTAX")));

    assertThatThrownBy(
            () ->
                gateway.parseCallback(
                    callback(captureEvent("PAYMENT.CAPTURE.COMPLETED", "COMPLETED"))))
        .isInstanceOf(InvalidCallbackException.class);
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWithoutAskingPayPal() {
    assertThatThrownBy(() -> gateway.parseCallback(callback("not json")))
        .isInstanceOf(InvalidCallbackException.class);
    paypal.verify(exactly(0), postRequestedFor(anyUrl()));
  }

  @Test
  void withoutAWebhookIdNothingCanBeVerified() {
    PayPalGateway noWebhook =
        new PayPalGateway(
            PayPalFixtures.CLIENT_ID,
            PayPalFixtures.CLIENT_SECRET,
            null,
            paypal.baseUrl(),
            Duration.ofSeconds(2),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(
            () ->
                noWebhook.parseCallback(
                    callback(captureEvent("PAYMENT.CAPTURE.COMPLETED", "COMPLETED"))))
        .isInstanceOf(InvalidCallbackException.class);
    paypal.verify(exactly(0), postRequestedFor(anyUrl()));
  }

  @Test
  void payPalVerifiesTheEventExactlyAsItArrived() {
    verification("SUCCESS");
    // Spacing and a number format a JSON library would not keep: PayPal signed these bytes.
    String raw =
        captureEvent("PAYMENT.CAPTURE.COMPLETED", "COMPLETED")
            .replace("\"event_version\":\"1.0\"", "\"event_version\" :  \"1.0\", \"n\": 1.10");

    gateway.parseCallback(callback(raw));

    paypal.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(VERIFY))
            .withHeader("Authorization", equalTo("Bearer " + PayPalFixtures.ACCESS_TOKEN))
            .withRequestBody(containing("\"webhook_event\":" + raw + "}"))
            .withRequestBody(
                equalToJson(
                    """
                    {"auth_algo":"SHA256withRSA","cert_url":"%s",
                     "transmission_id":"69cd13f0-d67a-11e5-baa3-778b53f4ae55",
                     "transmission_sig":"%s","transmission_time":"%s","webhook_id":"%s",
                     "webhook_event":%s}"""
                        .formatted(CERT_URL, SIGNATURE, SENT, WEBHOOK_ID, raw))));
  }

  @Test
  void aCompletedCaptureIsAPaymentEventOnTheOrder() {
    verification("SUCCESS");

    GatewayEvent event =
        gateway.parseCallback(callback(captureEvent("PAYMENT.CAPTURE.COMPLETED", "COMPLETED")));

    assertThat(event)
        .isEqualTo(
            GatewayEvent.payment(
                "WH-58D329510W468432D-8HN650336L201105X",
                "PAYMENT.CAPTURE.COMPLETED",
                EVENT_TIME,
                "pay_1",
                GatewayResult.captured(ORDER_ID, 1000)));
  }

  @ParameterizedTest
  @CsvSource({
    "PAYMENT.CAPTURE.DENIED, DECLINED",
    "PAYMENT.CAPTURE.PENDING, PROCESSING",
  })
  void otherCaptureEventsAreReadByTheirType(String type, GatewayResult.Outcome outcome) {
    verification("SUCCESS");

    GatewayEvent event = gateway.parseCallback(callback(captureEvent(type, "PENDING")));

    assertThat(event.paymentId()).isEqualTo("pay_1");
    assertThat(event.payment().outcome()).isEqualTo(outcome);
    assertThat(event.payment().gatewayReference()).isEqualTo(ORDER_ID);
    if (outcome == GatewayResult.Outcome.DECLINED) {
      assertThat(event.payment().declineReason()).isEqualTo(DeclineReason.GENERIC_DECLINE);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "PAYMENT.AUTHORIZATION.CREATED, CREATED, AUTHORIZED",
    "PAYMENT.AUTHORIZATION.VOIDED, VOIDED, CANCELED",
  })
  void authorizationEventsArePaymentEvents(
      String type, String status, GatewayResult.Outcome outcome) {
    verification("SUCCESS");
    String body =
        event(
            type,
            "authorization",
            """
            {"id":"0VF52814937998046","status":"%s","amount":{"currency_code":"EUR","value":"10.00"},
             "custom_id":"pay_1","supplementary_data":{"related_ids":{"order_id":"%s"}}}"""
                .formatted(status, ORDER_ID));

    GatewayEvent event = gateway.parseCallback(callback(body));

    assertThat(event.kind()).isEqualTo(GatewayEvent.Kind.PAYMENT);
    assertThat(event.paymentId()).isEqualTo("pay_1");
    assertThat(event.payment()).isEqualTo(new GatewayResult(outcome, ORDER_ID, null, null, 0));
  }

  @Test
  void anApprovedOrderIsProcessingUntilKassaCompletesIt() {
    verification("SUCCESS");
    String body =
        event(
            "CHECKOUT.ORDER.APPROVED",
            "checkout-order",
            PayPalFixtures.order("CAPTURE", "APPROVED", null));

    GatewayEvent event = gateway.parseCallback(callback(body));

    assertThat(event.paymentId()).isEqualTo("pay_1");
    assertThat(event.payment()).isEqualTo(GatewayResult.processing(ORDER_ID));
  }

  @Test
  void aCompletedRefundSettlesKassasRefund() {
    verification("SUCCESS");
    String body =
        event("PAYMENT.CAPTURE.REFUNDED", "refund", PayPalFixtures.refund("COMPLETED", null));

    GatewayEvent event = gateway.parseCallback(callback(body));

    assertThat(event)
        .isEqualTo(
            GatewayEvent.refund(
                "WH-58D329510W468432D-8HN650336L201105X",
                "PAYMENT.CAPTURE.REFUNDED",
                EVENT_TIME,
                "pay_1",
                "re_1",
                GatewayRefundResult.succeeded(REFUND_ID)));
  }

  @Test
  void aFailedRefundFailsKassasRefund() {
    verification("SUCCESS");
    String body =
        event("PAYMENT.REFUND.FAILED", "refund", PayPalFixtures.refund("FAILED", "ECHECK"));

    GatewayEvent event = gateway.parseCallback(callback(body));

    assertThat(event.kind()).isEqualTo(GatewayEvent.Kind.REFUND);
    assertThat(event.refundId()).isEqualTo("re_1");
    assertThat(event.refund()).isEqualTo(GatewayRefundResult.failed(REFUND_ID, "ECHECK"));
  }

  @Test
  void aPendingRefundOrOneKassaDidNotMakeIsIgnored() {
    verification("SUCCESS");

    assertThat(
            gateway
                .parseCallback(
                    callback(
                        event(
                            "PAYMENT.REFUND.PENDING",
                            "refund",
                            PayPalFixtures.refund("PENDING", "ECHECK"))))
                .kind())
        .isEqualTo(GatewayEvent.Kind.IGNORED);
    assertThat(
            gateway
                .parseCallback(
                    callback(
                        event(
                            "PAYMENT.CAPTURE.REFUNDED",
                            "refund",
                            PayPalFixtures.refund("COMPLETED", null)
                                .replace("\"custom_id\":\"pay_1:re_1\",", ""))))
                .kind())
        .isEqualTo(GatewayEvent.Kind.IGNORED);
  }

  private static String dispute(String status, String outcome) {
    return """
        {"dispute_id":"PP-D-27803","create_time":"2026-11-26T10:00:00.000Z",
         "update_time":"2026-11-26T10:00:10.000Z",
         "disputed_transactions":[{"seller_transaction_id":"%s","create_time":"2026-11-20T09:00:00.000Z",
           "transaction_status":"COMPLETED","gross_amount":{"currency_code":"EUR","value":"10.00"},
           "custom":"pay_1"}],
         "reason":"MERCHANDISE_OR_SERVICE_NOT_RECEIVED","status":"%s",
         "dispute_amount":{"currency_code":"EUR","value":"10.00"},
         "seller_response_due_date":"2026-12-06T10:00:00.000Z",
         %s"dispute_life_cycle_stage":"CHARGEBACK","dispute_channel":"INTERNAL"}"""
        .formatted(
            CAPTURE_ID,
            status,
            outcome == null ? "" : "\"dispute_outcome\":{\"outcome_code\":\"" + outcome + "\"},");
  }

  @Test
  void aNewDisputeNeedsTheMerchantsResponseByPayPalsDeadline() {
    verification("SUCCESS");
    String body =
        event("CUSTOMER.DISPUTE.CREATED", "dispute", dispute("WAITING_FOR_SELLER_RESPONSE", null));

    GatewayEvent event = gateway.parseCallback(callback(body));

    assertThat(event)
        .isEqualTo(
            GatewayEvent.dispute(
                "WH-58D329510W468432D-8HN650336L201105X",
                "CUSTOMER.DISPUTE.CREATED",
                EVENT_TIME,
                "pay_1",
                new DisputeNotice(
                    "PP-D-27803",
                    "needs_response",
                    Money.of(1000, "EUR"),
                    "merchandise_or_service_not_received",
                    Instant.parse("2026-12-06T10:00:00Z"))));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "CUSTOMER.DISPUTE.UPDATED, OPEN, -, needs_response",
        "CUSTOMER.DISPUTE.UPDATED, UNDER_REVIEW, -, under_review",
        "CUSTOMER.DISPUTE.UPDATED, WAITING_FOR_BUYER_RESPONSE, -, under_review",
        "CUSTOMER.DISPUTE.RESOLVED, RESOLVED, RESOLVED_SELLER_FAVOUR, won",
        "CUSTOMER.DISPUTE.RESOLVED, RESOLVED, CANCELED_BY_BUYER, won",
        "CUSTOMER.DISPUTE.RESOLVED, RESOLVED, RESOLVED_BUYER_FAVOUR, lost",
        "CUSTOMER.DISPUTE.RESOLVED, RESOLVED, ACCEPTED, lost",
      })
  void disputeStatusesInKassasWords(String type, String status, String outcome, String kassa) {
    verification("SUCCESS");

    GatewayEvent event =
        gateway.parseCallback(callback(event(type, "dispute", dispute(status, outcome))));

    assertThat(event.kind()).isEqualTo(GatewayEvent.Kind.DISPUTE);
    assertThat(event.dispute().status()).isEqualTo(kassa);
    // A deadline only while the merchant has to answer.
    assertThat(event.dispute().evidenceDueBy() != null).isEqualTo(kassa.equals("needs_response"));
  }

  @Test
  void aDisputeAboutAPaymentKassaDidNotMakeIsIgnored() {
    verification("SUCCESS");
    String body =
        event(
            "CUSTOMER.DISPUTE.CREATED",
            "dispute",
            dispute("WAITING_FOR_SELLER_RESPONSE", null)
                .replace("\"custom\":\"pay_1\"", "\"x\":1"));

    assertThat(gateway.parseCallback(callback(body)).kind()).isEqualTo(GatewayEvent.Kind.IGNORED);
  }

  @Test
  void otherEventTypesAreIgnored() {
    verification("SUCCESS");
    String body =
        event("BILLING.SUBSCRIPTION.CREATED", "subscription", "{\"id\":\"I-BW452GLLEP1G\"}");

    GatewayEvent event = gateway.parseCallback(callback(body));

    assertThat(event)
        .isEqualTo(
            GatewayEvent.ignored(
                "WH-58D329510W468432D-8HN650336L201105X",
                "BILLING.SUBSCRIPTION.CREATED",
                EVENT_TIME));
  }
}
