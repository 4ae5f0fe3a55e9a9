package org.kassa.payment.gateway.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A stand-in PayPal for the adapter's tests: WireMock, and request and answer bodies in the shapes
 * PayPal documents for Orders v2, Payments v2, OAuth2 and webhooks.
 */
final class PayPalFixtures {

  static final String CLIENT_ID = "AdN7-client-id";
  static final String CLIENT_SECRET = "EHx-very-secret-0b1d";
  static final String ACCESS_TOKEN = "A21AAFakeAccessToken.0123456789";
  static final String WEBHOOK_ID = "1JE4291016473214C";
  static final String ORDER_ID = "5O190127TN364715T";
  static final String AUTHORIZATION_ID = "0VF52814937998046";
  static final String CAPTURE_ID = "3C679366HH908993F";
  static final String REFUND_ID = "1JU08902781691411";
  static final String APPROVE_URL = "https://www.sandbox.paypal.com/checkoutnow?token=" + ORDER_ID;

  private PayPalFixtures() {}

  static WireMockExtension paypal() {
    return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  }

  static PayPalGateway gateway(WireMockExtension paypal) {
    return gateway(paypal, Clock.systemUTC(), Duration.ofSeconds(2));
  }

  static PayPalGateway gateway(WireMockExtension paypal, Clock clock, Duration timeout) {
    return new PayPalGateway(
        CLIENT_ID, CLIENT_SECRET, WEBHOOK_ID, paypal.baseUrl(), timeout, clock);
  }

  static void stubToken(WireMockExtension paypal) {
    paypal.stubFor(
        post(urlEqualTo("/v1/oauth2/token")).willReturn(okJson(token(ACCESS_TOKEN, 32400))));
  }

  /** PayPal's client-credentials answer. */
  static String token(String value, long expiresIn) {
    return """
        {"scope":"https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/payments/refund",
         "access_token":"%s","token_type":"Bearer","app_id":"APP-80W284485P519543T",
         "expires_in":%d,"nonce":"2026-11-26T10:00:00ZaVbWS3"}"""
        .formatted(value, expiresIn);
  }

  /** An order waiting for the shopper, as created with a PayPal experience context. */
  static String orderAwaitingPayer(String status, String rel) {
    return """
        {"id":"%s","status":"%s","payment_source":{"paypal":{}},
         "links":[{"href":"https://api-m.sandbox.paypal.com/v2/checkout/orders/%s","rel":"self","method":"GET"},
                  {"href":"%s","rel":"%s","method":"GET"}]}"""
        .formatted(ORDER_ID, status, ORDER_ID, APPROVE_URL, rel);
  }

  /** An order in some status, with {@code payments} as the purchase unit's payments (or none). */
  static String order(String intent, String status, String payments) {
    return """
        {"id":"%s","intent":"%s","status":"%s",
         "purchase_units":[{"reference_id":"pay_1","custom_id":"pay_1",
           "amount":{"currency_code":"EUR","value":"10.00"}%s}],
         "links":[{"href":"https://api-m.sandbox.paypal.com/v2/checkout/orders/%s","rel":"self","method":"GET"}]}"""
        .formatted(
            ORDER_ID,
            intent,
            status,
            payments == null ? "" : ",\"payments\":" + payments,
            ORDER_ID);
  }

  static String captures(String status, String value) {
    return """
        {"captures":[%s]}"""
        .formatted(capture(status, value));
  }

  static String capture(String status, String value) {
    return """
        {"id":"%s","status":"%s","amount":{"currency_code":"EUR","value":"%s"},
         "final_capture":true,"custom_id":"pay_1","seller_protection":{"status":"ELIGIBLE"},
         "supplementary_data":{"related_ids":{"order_id":"%s"}},
         "create_time":"2026-11-26T10:00:05Z","update_time":"2026-11-26T10:00:05Z"}"""
        .formatted(CAPTURE_ID, status, value, ORDER_ID);
  }

  static String authorizations(String status) {
    return """
        {"authorizations":[{"id":"%s","status":"%s","amount":{"currency_code":"EUR","value":"10.00"},
          "custom_id":"pay_1","expiration_time":"2026-12-25T10:00:00Z",
          "supplementary_data":{"related_ids":{"order_id":"%s"}}}]}"""
        .formatted(AUTHORIZATION_ID, status, ORDER_ID);
  }

  /** An authorization that was captured: both lists, as PayPal shows the order afterwards. */
  static String authorizedAndCaptured() {
    return """
        {"authorizations":[{"id":"%s","status":"CAPTURED","amount":{"currency_code":"EUR","value":"10.00"}}],
         "captures":[%s]}"""
        .formatted(AUTHORIZATION_ID, capture("COMPLETED", "10.00"));
  }

  static String refund(String status, String reason) {
    return """
        {"id":"%s","status":"%s"%s,"amount":{"currency_code":"EUR","value":"4.00"},
         "custom_id":"pay_1:re_1","invoice_id":"re_1",
         "links":[{"href":"https://api-m.sandbox.paypal.com/v2/payments/refunds/%s","rel":"self","method":"GET"},
                  {"href":"https://api-m.sandbox.paypal.com/v2/payments/captures/%s","rel":"up","method":"GET"}]}"""
        .formatted(
            REFUND_ID,
            status,
            reason == null ? "" : ",\"status_details\":{\"reason\":\"" + reason + "\"}",
            REFUND_ID,
            CAPTURE_ID);
  }

  /** PayPal's error body: name, message, one detail with its issue, debug id and links. */
  static String error(String name, String issue, String extraLinks) {
    return """
        {"name":"%s","message":"The requested action could not be performed, semantically incorrect, or failed business validation.",
         "details":[{"issue":"%s","description":"PayPal's description of %s."}],
         "debug_id":"f1a2b3c4d5e6f",
         "links":[{"href":"https://developer.paypal.com/docs/api/orders/v2/#error-%s","rel":"information_link","method":"GET"}%s]}"""
        .formatted(name, issue, issue, issue, extraLinks == null ? "" : "," + extraLinks);
  }

  static ResponseDefinitionBuilder errorResponse(int status, String name, String issue) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(error(name, issue, null));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** A clock that tests move by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
