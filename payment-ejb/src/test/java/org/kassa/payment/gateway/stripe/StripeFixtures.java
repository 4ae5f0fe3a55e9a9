package org.kassa.payment.gateway.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.kassa.payment.card.CardDetails;

/**
 * What the Stripe tests share: a WireMock server standing in for api.stripe.com, a gateway pointed
 * at it, Stripe-shaped JSON, a signer written here (not the production one), and a log capture that
 * fails any test whose log lines carry a card number, a CVC or a key.
 */
abstract class StripeFixtures {

  static final String SECRET_KEY = "sk_test_51KassaTestSecretKey00000000";
  static final String WEBHOOK_SECRET = "whsec_kassa_test_endpoint_secret";
  static final String NUMBER = "4242424242424242";
  static final String CVC = "987";

  /** Generous, so that a loaded build machine never turns a plain answer into a timeout. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** For the timeout tests: far below the delay WireMock is told to add, {@link #SLOW}. */
  static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

  static final int SLOW = 3_000;

  static WireMockServer stripe;

  StripeGateway gateway;
  final List<String> logLines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logLines.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final Logger kassaLogger = Logger.getLogger("org.kassa");
  private Level kassaLevel;

  @BeforeAll
  static void startStripe() {
    stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    stripe.start();
  }

  @AfterAll
  static void stopStripe() {
    stripe.stop();
  }

  @BeforeEach
  void connect() {
    stripe.resetAll();
    capture.setLevel(Level.ALL);
    // Every level, FINEST included: a leak at a level nobody reads is still a leak.
    kassaLevel = kassaLogger.getLevel();
    kassaLogger.setLevel(Level.ALL);
    kassaLogger.addHandler(capture);
    gateway = gateway(SECRET_KEY, WEBHOOK_SECRET);
  }

  @AfterEach
  void noSecretsInLogs() {
    kassaLogger.removeHandler(capture);
    kassaLogger.setLevel(kassaLevel);
    assertThat(String.join("\n", logLines))
        .doesNotContain(NUMBER)
        .doesNotContain(CVC)
        .doesNotContain(SECRET_KEY)
        .doesNotContain(WEBHOOK_SECRET);
  }

  static StripeGateway gateway(String secretKey, String webhookSecret) {
    return new StripeGateway(URI.create(stripe.baseUrl()), secretKey, webhookSecret, TIMEOUT);
  }

  static CardDetails card() {
    CardDetails.Checked checked =
        CardDetails.check("Ann Example", NUMBER, 12, 2030, CVC, YearMonth.of(2026, 1));
    assertThat(checked.valid()).isTrue();
    return checked.card();
  }

  /** A PaymentIntent as Stripe renders it (2024-06-20), trimmed to the fields that vary here. */
  static String intent(String id, String status, long amount, long received, String extra) {
    return """
        {
          "id": "%s",
          "object": "payment_intent",
          "amount": %d,
          "amount_capturable": %d,
          "amount_received": %d,
          "capture_method": "%s",
          "client_secret": "%s_secret_abc",
          "confirmation_method": "automatic",
          "created": 1767225600,
          "currency": "eur",
          "latest_charge": "ch_3Kassa",
          "livemode": false,
          "metadata": {"kassa_payment_id": "pay_1"},
          "payment_method": "pm_1Kassa",
          "payment_method_types": ["card"],
          "status": "%s"%s
        }
        """
        .formatted(
            id,
            amount,
            status.equals("requires_capture") ? amount : 0,
            received,
            status.equals("requires_capture") ? "manual" : "automatic",
            id,
            status,
            extra == null ? ",\n  \"last_payment_error\": null,\n  \"next_action\": null" : extra);
  }

  static String intent(String id, String status) {
    return intent(id, status, 1000, status.equals("succeeded") ? 1000 : 0, null);
  }

  /** Stripe's error envelope. */
  static String error(String type, String code, String declineCode, String message, String intent) {
    StringBuilder e = new StringBuilder("{\"error\":{\"type\":\"").append(type).append('"');
    if (code != null) {
      e.append(",\"code\":\"").append(code).append('"');
    }
    if (declineCode != null) {
      e.append(",\"decline_code\":\"").append(declineCode).append('"');
    }
    e.append(",\"message\":\"").append(message).append('"');
    e.append(",\"doc_url\":\"https://stripe.com/docs/error-codes/").append(code).append('"');
    e.append(",\"request_log_url\":\"https://dashboard.stripe.com/test/logs/req_1\"");
    if (intent != null) {
      e.append(",\"payment_intent\":").append(intent);
    }
    return e.append("}}").toString();
  }

  /** A refund as Stripe renders it. */
  static String refund(String id, String status, String failureReason, String metadata) {
    return """
        {
          "id": "%s",
          "object": "refund",
          "amount": 400,
          "charge": "ch_3Kassa",
          "created": 1767229200,
          "currency": "eur",
          "failure_reason": %s,
          "metadata": %s,
          "payment_intent": "pi_1",
          "reason": null,
          "status": "%s"
        }
        """
        .formatted(
            id, failureReason == null ? "null" : "\"" + failureReason + "\"", metadata, status);
  }

  /**
   * The {@code Stripe-Signature} header for {@code body} at {@code t}, by the documented scheme.
   */
  static String sign(String secret, long t, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(signature);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
