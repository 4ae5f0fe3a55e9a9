package org.kassa.ear;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.kassa.web.it.ApiClient;
import org.kassa.web.it.PageClient;

/**
 * The deployed kassa.ear as the smoke suite sees it: where it runs, a merchant's API client, and a
 * shopper paying on the hosted page. The HTTP clients are checkout-web's own test clients, so the
 * WAR on Micro and the EAR on Server are driven the same way. Created sessions are the suite's own,
 * so tests do not depend on order.
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

  /** A session paid on the hosted page. */
  record PaidSession(String sessionId, String paymentId, PageClient.Page resultPage) {}

  private final URI base;
  private final ApiClient merchant;
  private final ApiClient anonymous;

  KassaServer() {
    String url = System.getProperty("kassa.baseUrl", "http://localhost:8080");
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    try {
      this.merchant = new ApiClient(base.toURL(), API_KEY);
      this.anonymous = new ApiClient(base.toURL(), null);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("kassa.baseUrl is not a URL: " + url, e);
    }
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  /** The merchant's API client (demo key). */
  ApiClient api() {
    return merchant;
  }

  /** An API client without a key. */
  ApiClient anonymousApi() {
    return anonymous;
  }

  /** A new browser (own cookies), reading pages in English. */
  PageClient browser() {
    return new PageClient("en");
  }

  /** Logs in to the consoles with a new browser; answers it and the page after the login. */
  record SignedIn(PageClient browser, PageClient.Page landing) {}

  SignedIn signIn(String user) {
    PageClient browser = browser();
    return new SignedIn(browser, browser.login(base, user, DEMO_PASSWORD));
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
        ApiClient.Answer ready = anonymous.get("health/ready");
        String server = ready.header("Server") == null ? "" : ready.header("Server");
        if (ready.status() == 200 && ready.body().contains("\"UP\"")) {
          if (!server.contains("Payara Server")) {
            throw new AssertionError(
                base + " is served by '" + server + "', not Payara Server: is the port taken?");
          }
          return;
        }
        last = ready.status() + " " + ready.body();
      } catch (UncheckedIOException e) {
        last = e.getCause().toString();
      }
      sleep(Duration.ofSeconds(1));
    }
    throw new AssertionError(
        "kassa.ear is not ready at " + base + " (" + last + ")\n" + serverLogTail(60));
  }

  /** Creates the suite's standard session (3 mugs, 15.00 EUR) and answers its JSON. */
  JsonObject createSession() {
    ApiClient.Answer created = merchant.post("api/v1/checkout-sessions", SESSION_JSON, null);
    if (created.status() != 201) {
      throw new AssertionError("session not created: " + created.status() + " " + created.body());
    }
    return created.json();
  }

  /** Creates a session and pays it with the Visa test card on the hosted page, as a shopper. */
  PaidSession createAndPaySession() {
    String sessionId = createSession().getString("id");
    URI page = uri("pay/" + sessionId);
    PageClient shopper = browser();
    PageClient.Page form = shopper.get(page);
    if (form.status() != 200 || form.document().getElementById("pay") == null) {
      throw new AssertionError("no payment form at " + page + ": " + form.status());
    }
    PageClient.Page result = shopper.submit(page, form, "pay", cardFields());
    String paymentId =
        merchant.get("api/v1/checkout-sessions/" + sessionId).json().getString("payment_id");
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
