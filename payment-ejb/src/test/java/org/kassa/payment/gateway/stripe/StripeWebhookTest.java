package org.kassa.payment.gateway.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.DisputeNotice;
import org.kassa.payment.gateway.GatewayEvent;
import org.kassa.payment.gateway.GatewayEvent.Kind;
import org.kassa.payment.gateway.GatewayRefundResult;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.GatewayUnavailableException;
import org.kassa.payment.gateway.InvalidCallbackException;
import org.kassa.payment.money.Money;

/**
 * {@link StripeGateway#parseCallback}: headers are signed here with javax.crypto, by Stripe's
 * documented scheme, so a fault in the production signer cannot hide behind a matching fault in the
 * test.
 */
class StripeWebhookTest extends StripeFixtures {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final long T = NOW.getEpochSecond();

  static String event(String id, String type, String object) {
    return """
        {
          "id": "%s",
          "object": "event",
          "api_version": "2024-06-20",
          "created": 1767268800,
          "data": {"object": %s},
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": "req_1", "idempotency_key": "pay_1"},
          "type": "%s"
        }
        """
        .formatted(id, object, type);
  }

  private static CallbackRequest callback(String body, String signature, Instant receivedAt) {
    return new CallbackRequest(
        Map.of("Stripe-Signature", List.of(signature), "Content-Type", List.of("application/json")),
        body.getBytes(StandardCharsets.UTF_8),
        receivedAt);
  }

  private static CallbackRequest signed(String body) {
    return callback(body, sign(WEBHOOK_SECRET, T, body), NOW);
  }

  private GatewayEvent parse(String body) {
    return gateway.parseCallback(signed(body));
  }

  // --- verification ----------------------------------------------------------------------------

  @Test
  void aValidPaymentIntentSucceededEventSettlesThePayment() {
    GatewayEvent event =
        parse(event("evt_1", "payment_intent.succeeded", intent("pi_1", "succeeded")));

    assertThat(event.kind()).isEqualTo(Kind.PAYMENT);
    assertThat(event.eventId()).isEqualTo("evt_1");
    assertThat(event.type()).isEqualTo("payment_intent.succeeded");
    assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1767268800));
    assertThat(event.paymentId()).isEqualTo("pay_1");
    assertThat(event.payment()).isEqualTo(GatewayResult.captured("pi_1", 1000));
  }

  @Test
  void aTamperedBodyIsRefused() {
    String body = event("evt_1", "payment_intent.succeeded", intent("pi_1", "succeeded"));
    String header = sign(WEBHOOK_SECRET, T, body);
    String tampered = body.replace("\"amount_received\": 1000", "\"amount_received\": 100000");
    assertThat(tampered).isNotEqualTo(body);

    assertThatThrownBy(() -> gateway.parseCallback(callback(tampered, header, NOW)))
        .isInstanceOf(InvalidCallbackException.class)
        .hasMessageContaining("mismatch");
    assertThat(logLines).anyMatch(l -> l.contains("event=stripe.callback_refused reason=mismatch"));
  }

  @Test
  void aBodySignedWithAnotherSecretIsRefused() {
    String body = event("evt_1", "payment_intent.succeeded", intent("pi_1", "succeeded"));
    assertThatThrownBy(
            () -> gateway.parseCallback(callback(body, sign("whsec_someone_else", T, body), NOW)))
        .isInstanceOf(InvalidCallbackException.class);
  }

  @ParameterizedTest(name = "signed {0} s before it arrived: valid={1}")
  @CsvSource({"299, true", "300, true", "301, false", "3600, false", "-301, false"})
  void theTimestampMustBeWithinFiveMinutesOfArrival(long age, boolean valid) {
    String body = event("evt_1", "payment_intent.succeeded", intent("pi_1", "succeeded"));
    CallbackRequest callback = callback(body, sign(WEBHOOK_SECRET, T - age, body), NOW);
    if (valid) {
      assertThat(gateway.parseCallback(callback).kind()).isEqualTo(Kind.PAYMENT);
    } else {
      assertThatThrownBy(() -> gateway.parseCallback(callback))
          .isInstanceOf(InvalidCallbackException.class)
          .hasMessageContaining("timestamp_outside_tolerance");
    }
  }

  @Test
  void aCallbackWithoutASignatureHeaderIsRefused() {
    String body = event("evt_1", "payment_intent.succeeded", intent("pi_1", "succeeded"));
    assertThatThrownBy(
            () ->
                gateway.parseCallback(
                    new CallbackRequest(Map.of(), body.getBytes(StandardCharsets.UTF_8), NOW)))
        .isInstanceOf(InvalidCallbackException.class);
  }

  @Test
  void withoutAWebhookSecretEveryCallbackIsRefused() {
    StripeGateway noSecret = gateway(SECRET_KEY, null);
    String body = event("evt_1", "payment_intent.succeeded", intent("pi_1", "succeeded"));
    assertThatThrownBy(() -> noSecret.parseCallback(signed(body)))
        .isInstanceOf(InvalidCallbackException.class)
        .hasMessageContaining("no webhook secret");
  }

  @Test
  void duringARotationEitherSecretVerifies() {
    StripeGateway rotating = gateway(SECRET_KEY, "whsec_old_one, " + WEBHOOK_SECRET);
    String body = event("evt_1", "payment_intent.succeeded", intent("pi_1", "succeeded"));

    assertThat(rotating.parseCallback(signed(body)).kind()).isEqualTo(Kind.PAYMENT);
    assertThat(rotating.parseCallback(callback(body, sign("whsec_old_one", T, body), NOW)).kind())
        .isEqualTo(Kind.PAYMENT);
  }

  @Test
  void aSignedBodyThatIsNotJsonIsRefused() {
    assertThatThrownBy(() -> parse("this is not valid JSON"))
        .isInstanceOf(InvalidCallbackException.class);
    assertThatThrownBy(() -> parse("[\"an\", \"array\"]"))
        .isInstanceOf(InvalidCallbackException.class);
  }

  @Test
  void aSignedEventWithoutIdOrTypeIsRefused() {
    assertThatThrownBy(() -> parse("{\"type\":\"payment_intent.succeeded\",\"data\":{}}"))
        .isInstanceOf(InvalidCallbackException.class);
    assertThatThrownBy(() -> parse("{\"id\":\"evt_1\",\"data\":{}}"))
        .isInstanceOf(InvalidCallbackException.class);
  }

  @Test
  void aPaymentEventWithoutItsObjectIsRefused() {
    assertThatThrownBy(
            () -> parse("{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\",\"data\":{}}"))
        .isInstanceOf(InvalidCallbackException.class);
    assertThatThrownBy(
            () ->
                parse(
                    event(
                        "evt_1",
                        "payment_intent.succeeded",
                        refund("re_1", "succeeded", null, "{}"))))
        .isInstanceOf(InvalidCallbackException.class);
  }

  // --- reading ---------------------------------------------------------------------------------

  @Test
  void aFailedPaymentIsADeclineWithTheIssuersReason() {
    String intent =
        intent(
            "pi_1",
            "requires_payment_method",
            1000,
            0,
            ",\"last_payment_error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
                + "\"decline_code\":\"insufficient_funds\"},\"next_action\":null");

    GatewayEvent event = parse(event("evt_2", "payment_intent.payment_failed", intent));

    assertThat(event.payment())
        .isEqualTo(GatewayResult.declined("pi_1", DeclineReason.INSUFFICIENT_FUNDS));
  }

  @Test
  void anAuthorizationIsReadFromAmountCapturableUpdated() {
    GatewayEvent event =
        parse(
            event(
                "evt_3",
                "payment_intent.amount_capturable_updated",
                intent("pi_1", "requires_capture")));
    assertThat(event.payment()).isEqualTo(GatewayResult.authorized("pi_1"));
  }

  @Test
  void anIntentKassaDidNotCreateIsIgnored() {
    String foreign = intent("pi_9", "succeeded").replace("{\"kassa_payment_id\": \"pay_1\"}", "{}");
    assertThat(foreign).doesNotContain("kassa_payment_id");

    GatewayEvent event = parse(event("evt_4", "payment_intent.succeeded", foreign));

    assertThat(event.kind()).isEqualTo(Kind.IGNORED);
    assertThat(event.eventId()).isEqualTo("evt_4");
  }

  @Test
  void anEventTypeKassaDoesNotActOnIsIgnored() {
    GatewayEvent event =
        parse(event("evt_5", "customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}"));
    assertThat(event.kind()).isEqualTo(Kind.IGNORED);
    assertThat(event.type()).isEqualTo("customer.created");
  }

  @Test
  void aSucceededRefundSettlesKassasRefundOfKassasPayment() {
    GatewayEvent event =
        parse(
            event(
                "evt_6",
                "refund.updated",
                refund(
                    "re_3Stripe",
                    "succeeded",
                    null,
                    "{\"kassa_refund_id\":\"re_k1\",\"kassa_payment_id\":\"pay_1\"}")));

    assertThat(event.kind()).isEqualTo(Kind.REFUND);
    assertThat(event.refundId()).isEqualTo("re_k1");
    assertThat(event.paymentId()).isEqualTo("pay_1");
    assertThat(event.refund()).isEqualTo(GatewayRefundResult.succeeded("re_3Stripe"));
    assertThat(stripe.getAllServeEvents()).isEmpty(); // the metadata was enough
  }

  @Test
  void aFailedRefundCarriesStripesReason() {
    GatewayEvent event =
        parse(
            event(
                "evt_7",
                "charge.refund.updated",
                refund(
                    "re_3Stripe",
                    "failed",
                    "lost_or_stolen_card",
                    "{\"kassa_refund_id\":\"re_k1\",\"kassa_payment_id\":\"pay_1\"}")));
    assertThat(event.refund())
        .isEqualTo(GatewayRefundResult.failed("re_3Stripe", "lost_or_stolen_card"));
  }

  @Test
  void aPendingRefundEventIsIgnoredUntilItsOutcome() {
    GatewayEvent event =
        parse(
            event(
                "evt_8",
                "refund.created",
                refund("re_3Stripe", "pending", null, "{\"kassa_refund_id\":\"re_k1\"}")));
    assertThat(event.kind()).isEqualTo(Kind.IGNORED);
  }

  @Test
  void aRefundWithoutKassasPaymentIdFindsItThroughItsIntent() {
    stripe.stubFor(
        get(urlEqualTo("/v1/payment_intents/pi_1"))
            .willReturn(okJson(intent("pi_1", "succeeded"))));

    GatewayEvent event =
        parse(
            event(
                "evt_9",
                "refund.updated",
                refund("re_3Stripe", "succeeded", null, "{\"kassa_refund_id\":\"re_k1\"}")));

    assertThat(event.paymentId()).isEqualTo("pay_1");
    assertThat(event.refundId()).isEqualTo("re_k1");
  }

  private static String dispute(String status, String evidenceDetails) {
    return """
        {
          "id": "du_1Kassa",
          "object": "dispute",
          "amount": 1000,
          "charge": "ch_3Kassa",
          "created": 1767268000,
          "currency": "eur",
          "evidence_details": %s,
          "is_charge_refundable": false,
          "livemode": false,
          "metadata": {},
          "payment_intent": "pi_1",
          "reason": "fraudulent",
          "status": "%s"
        }
        """
        .formatted(evidenceDetails, status);
  }

  @Test
  void aNewDisputeIsReadWithKassasPaymentFromItsIntent() {
    stripe.stubFor(
        get(urlEqualTo("/v1/payment_intents/pi_1"))
            .willReturn(okJson(intent("pi_1", "succeeded"))));

    GatewayEvent event =
        parse(
            event(
                "evt_10",
                "charge.dispute.created",
                dispute(
                    "warning_needs_response",
                    "{\"due_by\": 1768435199, \"has_evidence\": false, \"past_due\": false,"
                        + " \"submission_count\": 0}")));

    assertThat(event.kind()).isEqualTo(Kind.DISPUTE);
    assertThat(event.paymentId()).isEqualTo("pay_1");
    assertThat(event.dispute())
        .isEqualTo(
            new DisputeNotice(
                "du_1Kassa",
                "needs_response",
                Money.of(1000, "EUR"),
                "fraudulent",
                Instant.ofEpochSecond(1768435199)));
    stripe.verify(
        getRequestedFor(urlEqualTo("/v1/payment_intents/pi_1"))
            .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
  }

  @Test
  void aClosedDisputeHasNoEvidenceDeadline() {
    stripe.stubFor(
        get(urlEqualTo("/v1/payment_intents/pi_1"))
            .willReturn(okJson(intent("pi_1", "succeeded"))));

    GatewayEvent event =
        parse(
            event(
                "evt_11",
                "charge.dispute.closed",
                dispute(
                    "lost",
                    "{\"due_by\": 1768435199, \"has_evidence\": true, \"past_due\": false}")));

    assertThat(event.dispute().status()).isEqualTo("lost");
    assertThat(event.dispute().evidenceDueBy()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "warning_under_review, under_review",
    "under_review, under_review",
    "needs_response, needs_response",
    "won, won",
    "warning_closed, won"
  })
  void disputeStatusesAreReadInKassasWords(String stripeStatus, String kassaStatus) {
    stripe.stubFor(
        get(urlEqualTo("/v1/payment_intents/pi_1"))
            .willReturn(okJson(intent("pi_1", "succeeded"))));
    GatewayEvent event =
        parse(
            event("evt_12", "charge.dispute.updated", dispute(stripeStatus, "{\"due_by\": null}")));
    assertThat(event.dispute().status()).isEqualTo(kassaStatus);
  }

  @Test
  void aDisputeOnAnIntentKassaDidNotCreateIsIgnored() {
    stripe.stubFor(
        get(urlEqualTo("/v1/payment_intents/pi_1"))
            .willReturn(
                okJson(
                    intent("pi_1", "succeeded")
                        .replace("\"kassa_payment_id\": \"pay_1\"", "\"order\": \"42\""))));
    GatewayEvent event =
        parse(event("evt_13", "charge.dispute.created", dispute("needs_response", "null")));
    assertThat(event.kind()).isEqualTo(Kind.IGNORED);
  }

  @Test
  void whenTheIntentCannotBeFetchedTheDisputeIsLeftForStripesRedelivery() {
    stripe.stubFor(
        get(urlEqualTo("/v1/payment_intents/pi_1"))
            .willReturn(
                aResponse().withStatus(500).withBody(error("api_error", null, null, "x", null))));
    assertThatThrownBy(
            () ->
                parse(event("evt_14", "charge.dispute.created", dispute("needs_response", "null"))))
        .isInstanceOf(GatewayUnavailableException.class);
  }
}
