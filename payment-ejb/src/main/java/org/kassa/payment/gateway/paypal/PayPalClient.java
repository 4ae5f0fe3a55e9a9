package org.kassa.payment.gateway.paypal;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.logging.Logger;
import org.kassa.payment.gateway.GatewayRejectedException;
import org.kassa.payment.gateway.GatewayUnavailableException;

/**
 * PayPal's REST API over the JDK's HTTP client: an OAuth2 client-credentials token, cached until
 * shortly before it expires and fetched again once when PayPal answers 401; JSON in and out; and
 * PayPal's answers sorted as Kassa needs them.
 *
 * <ul>
 *   <li>2xx: the body.
 *   <li>401 twice (the second time with a fresh token): {@link GatewayRejectedException} {@code
 *       authentication_error}; the credentials are wrong, asking again will not help.
 *   <li>429, 5xx, a timeout or any I/O failure: {@link GatewayUnavailableException}, the outcome is
 *       unknown.
 *   <li>any other 4xx: {@link PayPalApiException}, for the gateway to read.
 * </ul>
 *
 * <p>Neither the client secret nor a token is ever logged or put into an exception.
 */
final class PayPalClient {

  private static final Logger LOG = Logger.getLogger(PayPalClient.class.getName());

  /** A token is dropped this long before PayPal says it expires, so it never expires in flight. */
  static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);

  /** Without a trailing slash; a path prefix (a proxy) is kept. */
  private final String baseUrl;

  private final String basicAuth;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;

  private final Object tokenLock = new Object();
  private AccessToken token;

  private record AccessToken(String value, Instant refreshAt) {}

  PayPalClient(URI baseUrl, String clientId, String clientSecret, Duration timeout, Clock clock) {
    String url = baseUrl.toString();
    this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.basicAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A path segment, encoded: ids come from PayPal and callbacks, never trusted as path syntax. */
  static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  JsonObject get(String path) {
    return call("GET", path, null, null);
  }

  /**
   * POSTs JSON.
   *
   * @param json the body, or null for none
   * @param requestId the {@code PayPal-Request-Id}: PayPal answers a repeated id with the first
   *     outcome instead of acting twice
   */
  JsonObject post(String path, String json, String requestId) {
    return call("POST", path, json, requestId);
  }

  private JsonObject call(String method, String path, String json, String requestId) {
    String used = accessToken();
    HttpResponse<String> response = send(request(method, path, json, requestId, used));
    if (response.statusCode() == 401) {
      // An expired or revoked token: fetch a new one and try once more; the request was refused,
      // so sending it again cannot do anything twice.
      invalidate(used);
      LOG.info(() -> "event=paypal.token_refused method=" + method + " path=" + path);
      response = send(request(method, path, json, requestId, accessToken()));
      if (response.statusCode() == 401) {
        throw new GatewayRejectedException(
            "authentication_error",
            "PayPal refused Kassa's access token twice; check the credentials.");
      }
    }
    return answer(method, path, response);
  }

  private HttpRequest request(
      String method, String path, String json, String requestId, String accessToken) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "application/json");
    if (requestId != null) {
      builder.header("PayPal-Request-Id", requestId);
    }
    if (method.equals("GET")) {
      return builder.GET().build();
    }
    // The full resource in every answer: Kassa reads the captures out of it.
    builder.header("Prefer", "return=representation");
    if (json == null) {
      return builder.POST(HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
  }

  private JsonObject answer(String method, String path, HttpResponse<String> response) {
    int status = response.statusCode();
    JsonObject body = readBody(method, path, response);
    if (status >= 200 && status < 300) {
      return body;
    }
    String debugId = body.getString("debug_id", "-");
    LOG.warning(
        () ->
            "event=paypal.error method="
                + method
                + " path="
                + path
                + " status="
                + status
                + " name="
                + body.getString("name", "-")
                + " debug_id="
                + debugId);
    if (status == 429 || status >= 500) {
      throw new GatewayUnavailableException(
          "PayPal answered HTTP "
              + status
              + " to "
              + method
              + " "
              + path
              + " (debug_id "
              + debugId
              + ")",
          null);
    }
    throw new PayPalApiException(status, body);
  }

  private static JsonObject readBody(String method, String path, HttpResponse<String> response) {
    try {
      return PayPalJson.parse(response.body());
    } catch (JsonException e) {
      if (response.statusCode() >= 200 && response.statusCode() < 300) {
        // PayPal acted, or not: an answer Kassa cannot read leaves the outcome unknown.
        throw new GatewayUnavailableException(
            "PayPal answered " + method + " " + path + " with a body that is not JSON", e);
      }
      return JsonValue.EMPTY_JSON_OBJECT; // an error page from a proxy, say
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Includes HttpTimeoutException: PayPal may or may not have acted.
      throw new GatewayUnavailableException(
          "PayPal did not answer " + request.method() + " " + request.uri().getPath() + ": " + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayUnavailableException("interrupted while waiting for PayPal", e);
    }
  }

  /** The cached token, or a new one when there is none or it is about to expire. */
  private String accessToken() {
    synchronized (tokenLock) {
      if (token == null || !clock.instant().isBefore(token.refreshAt())) {
        token = fetchToken();
      }
      return token.value();
    }
  }

  /** Forgets {@code used}, unless another thread already replaced it. */
  private void invalidate(String used) {
    synchronized (tokenLock) {
      if (token != null && token.value().equals(used)) {
        token = null;
      }
    }
  }

  private AccessToken fetchToken() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/oauth2/token"))
            .timeout(timeout)
            .header("Authorization", basicAuth)
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    HttpResponse<String> response = send(request);
    int status = response.statusCode();
    if (status == 401) {
      throw new GatewayRejectedException(
          "authentication_error", "PayPal refused Kassa's client id and secret.");
    }
    JsonObject body;
    try {
      body = answer("POST", "/v1/oauth2/token", response);
    } catch (PayPalApiException e) {
      throw e.rejected();
    }
    String value = PayPalJson.string(body, "access_token").orElse(null);
    if (value == null || !(body.get("expires_in") instanceof JsonNumber expiresIn)) {
      throw new GatewayUnavailableException("PayPal's token answer has no access_token", null);
    }
    Duration lifetime = Duration.ofSeconds(expiresIn.longValue());
    // Short-lived tokens (tests, odd configurations) are kept for half their life instead.
    Duration margin =
        lifetime.compareTo(TOKEN_MARGIN.multipliedBy(2)) > 0 ? TOKEN_MARGIN : lifetime.dividedBy(2);
    LOG.fine(() -> "event=paypal.token_fetched expires_in=" + lifetime.toSeconds());
    return new AccessToken(value, clock.instant().plus(lifetime).minus(margin));
  }
}
