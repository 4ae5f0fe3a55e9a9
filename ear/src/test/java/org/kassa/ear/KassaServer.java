package org.kassa.ear;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;

/**
 * The deployed kassa.ear as the smoke suite sees it: where it runs, its merchant API, and a shopper
 * paying on the hosted page. Created sessions are the suite's own, so tests do not depend on order.
 */
final class KassaServer {

  static final String API_KEY = "sk_test_kassa_demo_4eC39HqLyjWDarjtT1zdp7dc";
  static final String MERCHANT_USER = "merchant@kassa.test";
  static final String OFFICER_USER = "officer@kassa.test";
  static final String DEMO_PASSWORD = "kassa-demo";

  static final String SESSION_JSON =
      """
      {"amount":1500,"currency":"EUR",\
      "line_items":[{"name":"Mug","quantity":3,"unit_amount":500}],\
      "locale":"de","success_url":"https://shop.example/ok","cancel_url":"https://shop.example/cancel"}""";

  /** A JSON answer of the API. */
  record Answer(int status, String contentType, String body, HttpResponse<String> response) {

    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }

  /** A session paid on the hosted page. */
  record PaidSession(String sessionId, String paymentId, Browser.Page resultPage) {}

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          // HTTP/1.1: over an h2c upgrade Payara Server sends no Server header (see awaitReady).
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  KassaServer() {
    String url = System.getProperty("kassa.baseUrl", "http://localhost:8080");
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
  }

  URI base() {
    return base;
  }

  Browser browser() {
    return new Browser(base);
  }

  /**
   * Waits until the application answers ready, and checks that the answer comes from Payara Server
   * (not, say, a Payara Micro that a developer left running on the same port).
   */
  void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(base.resolve("health/ready"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        String server = ready.headers().firstValue("Server").orElse("");
        if (ready.statusCode() == 200 && ready.body().contains("\"UP\"")) {
          if (!server.contains("Payara Server")) {
            throw new AssertionError(
                base + " is served by '" + server + "', not Payara Server: is the port taken?");
          }
          return;
        }
        last = ready.statusCode() + " " + ready.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofSeconds(1));
    }
    throw new AssertionError(
        "kassa.ear is not ready at " + base + " (" + last + ")\n" + serverLogTail(60));
  }

  Answer post(String path, String json, String apiKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(withKey(request, apiKey));
  }

  Answer get(String path) {
    return send(withKey(HttpRequest.newBuilder(base.resolve(path)).GET(), API_KEY));
  }

  /** Creates the suite's standard session (3 mugs, 15.00 EUR) and answers its JSON. */
  JsonObject createSession() {
    Answer created = post("api/v1/checkout-sessions", SESSION_JSON, API_KEY);
    if (created.status() != 201) {
      throw new AssertionError("session not created: " + created.status() + " " + created.body());
    }
    return created.json();
  }

  /** Creates a session and pays it with the Visa test card on the hosted page, as a shopper. */
  PaidSession createAndPaySession() {
    String sessionId = createSession().getString("id");
    String path = "pay/" + sessionId;
    Browser shopper = browser();
    Browser.Page form = shopper.get(path);
    if (form.status() != 200 || form.document().getElementById("pay") == null) {
      throw new AssertionError("no payment form at /" + path + ": " + form.status());
    }
    Browser.Page result = shopper.submit(path, form, "pay", cardFields());
    String paymentId = get("api/v1/checkout-sessions/" + sessionId).json().getString("payment_id");
    return new PaidSession(sessionId, paymentId, result);
  }

  /** The hosted page's card form filled with the succeeding Visa test card. */
  static Map<String, String> cardFields() {
    return Map.of(
        "email", "a@b.de",
        "cardholder", "Ann Example",
        "cardnumber", "4242424242424242",
        "expmonth", "12",
        "expyear", Integer.toString(Year.now().getValue() + 3),
        "cvc", "123",
        "pay-button", "x");
  }

  /** The last lines of the domain's server.log, for failure messages. */
  static String serverLogTail(int lines) {
    String log = System.getProperty("payara.serverLog");
    if (log == null || !Files.isReadable(Path.of(log))) {
      return "(no server.log)";
    }
    try {
      List<String> all = Files.readAllLines(Path.of(log));
      return "--- last lines of "
          + log
          + " ---\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(server.log unreadable: " + e + ")";
    }
  }

  private static HttpRequest.Builder withKey(HttpRequest.Builder request, String apiKey) {
    return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
