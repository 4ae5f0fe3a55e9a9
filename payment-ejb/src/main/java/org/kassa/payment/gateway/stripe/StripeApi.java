package org.kassa.payment.gateway.stripe;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kassa.payment.gateway.GatewayRejectedException;
import org.kassa.payment.gateway.GatewayUnavailableException;

/**
 * Stripe's HTTP API as the adapter uses it: one request, one JSON answer, and the error classes
 * sorted by what they mean for the outcome.
 *
 * <ul>
 *   <li>No answer (connect or read timeout, any {@link IOException}), {@code 409} (a request with
 *       the same idempotency key is still running, or the object is locked), {@code 429}, {@code
 *       5xx}, or a {@code 2xx} that is not JSON: the outcome is unknown, {@link
 *       GatewayUnavailableException}.
 *   <li>Any other {@code 4xx}: {@link StripeError}, a {@link GatewayRejectedException} that the
 *       gateway may turn into a decline or a failed refund, depending on the call.
 * </ul>
 *
 * <p>Error messages are scrubbed before they go anywhere: the request's sensitive values, the
 * secret key, anything shaped like a card number or a Stripe key. Log lines carry the method, the
 * path, the status and Stripe's request id, never a body.
 */
final class StripeApi {

  /**
   * The API version every request pins, so that an upgrade of the account's default version cannot
   * change the shapes this adapter reads. Webhook endpoints must be created with the same version:
   * Stripe renders events in the endpoint's version, not in the request header's.
   */
  static final String API_VERSION = "2024-06-20";

  private static final Logger LOG = Logger.getLogger(StripeApi.class.getName());
  private static final String REDACTED = "[redacted]";
  private static final Pattern CARD_LIKE = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){11,18}(?!\\d)");
  private static final Pattern KEY_LIKE = Pattern.compile("\\b(?:sk|rk|pk|whsec)_[A-Za-z0-9_*]+");

  private final HttpClient http;
  private final String baseUrl;
  private final String secretKey;
  private final Duration timeout;

  /** A 2xx answer, and whether Stripe replayed it from an earlier request with the same key. */
  record Answer(JsonObject body, boolean replayed) {}

  /**
   * A 4xx answer that is Stripe's final word on this request (so not 409 or 429), as the SPI's
   * refusal. The gateway turns a card error into a decline and a refused refund into a failed one;
   * anything it does not handle reaches Kassa as the {@link GatewayRejectedException} it is. The
   * message is scrubbed; for 401 and 403 it is Kassa's own, since Stripe's names part of the key.
   */
  static final class StripeError extends GatewayRejectedException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String type;
    final String declineCode;
    final String paymentIntentId;

    StripeError(
        int status,
        String type,
        String code,
        String declineCode,
        String paymentIntentId,
        String message) {
      super(codeOf(status, type, code), messageOf(status, message));
      this.status = status;
      this.type = type;
      this.declineCode = declineCode;
      this.paymentIntentId = paymentIntentId;
    }

    /** A card was declined or its details refused: Stripe's 402 {@code card_error}. */
    boolean isCardError() {
      return status == 402 && "card_error".equals(type);
    }

    /** The idempotency key was used before on another endpoint or with other parameters. */
    boolean isIdempotencyError() {
      return "idempotency_error".equals(type);
    }

    private static String codeOf(int status, String type, String code) {
      if (status == 401) {
        return "authentication_error";
      }
      if (status == 403) {
        return "permission_error";
      }
      return code != null ? code : type != null ? type : "http_" + status;
    }

    private static String messageOf(int status, String message) {
      if (status == 401) {
        return "Stripe refused the configured secret key (HTTP 401).";
      }
      if (status == 403) {
        return "The configured Stripe key may not make this request (HTTP 403).";
      }
      return message != null ? message : "Stripe refused the request (HTTP " + status + ").";
    }
  }

  StripeApi(HttpClient http, URI baseUrl, String secretKey, Duration timeout) {
    this.http = http;
    String base = baseUrl.toString();
    this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.secretKey = secretKey;
    this.timeout = timeout;
  }

  /**
   * POSTs a form.
   *
   * @param idempotencyKey Stripe's {@code Idempotency-Key}: one per logical request, since Stripe
   *     refuses a key reused on another endpoint or with other parameters
   */
  Answer post(String path, StripeForm form, String idempotencyKey) {
    HttpRequest request =
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(form.encode()))
            .build();
    return send(request, "POST", path, form.sensitiveValues());
  }

  /** GETs a resource; {@code pathAndQuery} is already encoded. */
  JsonObject get(String pathAndQuery) {
    return send(request(pathAndQuery).GET().build(), "GET", pathAndQuery, List.of()).body();
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    // Appended, not resolved, so that a base URL with a path (a proxy) keeps it.
    return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(timeout)
        .header("Authorization", "Bearer " + secretKey)
        .header("Stripe-Version", API_VERSION)
        .header("Accept", "application/json");
  }

  private Answer send(
      HttpRequest request, String method, String path, Collection<String> sensitive) {
    String what = method + " " + pathOnly(path);
    long started = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // Sent or not, answered or not: nobody knows, so the outcome is unknown.
      LOG.warning(
          () ->
              "event=stripe.no_answer request=\""
                  + what
                  + "\" error="
                  + e.getClass().getSimpleName());
      throw new GatewayUnavailableException(
          "stripe: no answer to " + what + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayUnavailableException("stripe: interrupted waiting for " + what, e);
    }
    int status = response.statusCode();
    boolean replayed =
        response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
    String requestId = response.headers().firstValue("Request-Id").orElse("-");
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.info(
        () ->
            "event=stripe.http request=\""
                + what
                + "\" status="
                + status
                + " ms="
                + millis
                + " replayed="
                + replayed
                + " stripe_request="
                + requestId);
    if (status >= 200 && status < 300) {
      JsonObject body = json(response.body());
      if (body == null) {
        throw new GatewayUnavailableException(
            "stripe: " + what + " answered " + status + " without a JSON object", null);
      }
      return new Answer(body, replayed);
    }
    JsonObject error = errorObject(response.body());
    String type = string(error, "type");
    String code = string(error, "code");
    if (status == 409 || status == 429 || status >= 500) {
      throw new GatewayUnavailableException(
          "stripe: "
              + what
              + " answered HTTP "
              + status
              + (type == null ? "" : " " + type)
              + (code == null ? "" : "/" + code),
          null);
    }
    String intentId = null;
    if (error != null && error.get("payment_intent") instanceof JsonObject intent) {
      intentId = string(intent, "id");
    }
    LOG.info(
        () ->
            "event=stripe.error request=\""
                + what
                + "\" status="
                + status
                + " type="
                + type
                + " code="
                + code);
    throw new StripeError(
        status,
        type,
        code,
        string(error, "decline_code"),
        intentId,
        scrub(string(error, "message"), sensitive));
  }

  /** Removes from a message anything that must not reach a log or an exception. */
  String scrub(String message, Collection<String> sensitive) {
    if (message == null) {
      return null;
    }
    List<String> values = new ArrayList<>(sensitive);
    values.add(secretKey);
    String clean = message;
    for (String value : values) {
      if (value != null && value.length() >= 3) {
        clean =
            clean.replaceAll(
                "(?<![A-Za-z0-9])" + Pattern.quote(value) + "(?![A-Za-z0-9])",
                Matcher.quoteReplacement(REDACTED));
      }
    }
    clean = CARD_LIKE.matcher(clean).replaceAll(REDACTED);
    return KEY_LIKE.matcher(clean).replaceAll(REDACTED);
  }

  private static JsonObject errorObject(String body) {
    JsonObject json = json(body);
    return json != null && json.get("error") instanceof JsonObject error ? error : null;
  }

  private static JsonObject json(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? object : null;
    } catch (JsonException e) {
      return null;
    }
  }

  /** A string field, or null when it is absent, null or not a string. */
  static String string(JsonObject object, String name) {
    if (object == null) {
      return null;
    }
    JsonValue value = object.get(name);
    return value instanceof JsonString s ? s.getString() : null;
  }

  /** The path without its query, to keep log lines short. */
  private static String pathOnly(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }
}
