package org.kassa.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small merchant-side client of the REST API, as a shop's backend would call it. */
public final class ApiClient {

  private final HttpClient http =
      HttpClient.newBuilder()
          // HTTP/1.1, as browsers and most shop backends speak plain http (no h2c upgrade).
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;
  private final String apiKey;

  public ApiClient(URL deployment, String apiKey) {
    this.base =
        URI.create(deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/");
    this.apiKey = apiKey;
  }

  /** The answer of one call: status, content type and body. */
  public record Answer(int status, String contentType, String body, HttpHeaders headers) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** Whether the API answered an earlier call's result again (same Idempotency-Key). */
    public boolean replayed() {
      return header("Idempotent-Replayed") != null;
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }

  /**
   * A valid session request of {@code amount} minor units of {@code currency}, in {@code locale}.
   */
  public static String sessionJson(long amount, String currency, String locale) {
    return "{\"amount\":"
        + amount
        + ",\"currency\":\""
        + currency
        + "\",\"line_items\":[{\"name\":\"Mug\",\"quantity\":1,\"unit_amount\":"
        + amount
        + "}],\"locale\":\""
        + locale
        + "\",\"customer_email\":\"ann@example.com\",\"success_url\":\"https://shop.example/ok\","
        + "\"cancel_url\":\"https://shop.example/cancel\"}";
  }

  public Answer post(String path, String json, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  /** A POST with exactly these headers and no API key: what a gateway's callback looks like. */
  public Answer postUnauthenticated(
      String path, String body, java.util.Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  public Answer put(String path, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return send(request.build());
  }

  /** A JSON PATCH of a resource's fields (not a JSON Patch document). */
  public Answer patch(String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return send(request.build());
  }

  public Answer delete(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).DELETE();
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return send(request.build());
  }

  public Answer get(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return send(request.build());
  }

  /** Creates a session and answers its JSON; fails the test if the API refuses. */
  public JsonObject createSession(long amount, String currency, String locale) {
    Answer answer = post("api/v1/checkout-sessions", sessionJson(amount, currency, locale), null);
    if (answer.status() != 201) {
      throw new AssertionError("session not created: " + answer.status() + " " + answer.body());
    }
    return answer.json();
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The latest payment attempt of a checkout session, paid or not (the session names only the one
   * that paid it), from the merchant's payment list, newest first.
   */
  public JsonObject latestPaymentOfSession(String sessionId) {
    for (JsonObject p :
        get("api/v1/payments?limit=100")
            .json()
            .getJsonArray("data")
            .getValuesAs(JsonObject.class)) {
      if (sessionId.equals(p.getString("checkout_session", null))) {
        return p;
      }
    }
    throw new AssertionError("no payment for " + sessionId);
  }
}
