package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The merchant console as a merchant admin uses it: the payments search and its URL, a payment's
 * timeline, refunds typed in the currency's units with the four-eyes rule, and the dashboard.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MerchantConsoleIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war();
  }

  @ArquillianResource private URL base;

  private URI uri(String path) {
    return URI.create(base.toString()).resolve(path);
  }

  private ApiClient api() {
    return new ApiClient(base, KassaDeployment.DEMO_API_KEY);
  }

  /** A server-side payment of the demo merchant; answers its id. */
  private String pay(long amount, String currency, String token, String customer, String capture) {
    ApiClient.Answer answer =
        api()
            .post(
                "api/v1/payments",
                "{\"amount\":"
                    + amount
                    + ",\"currency\":\""
                    + currency
                    + "\",\"payment_method\":\""
                    + token
                    + "\",\"customer\":\""
                    + customer
                    + "\",\"capture_method\":\""
                    + capture
                    + "\"}",
                null);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().getString("id");
  }

  private PageClient merchant(String language) {
    PageClient admin = new PageClient(language);
    admin.login(uri(""), KassaDeployment.DEMO_MERCHANT_USER, KassaDeployment.DEMO_PASSWORD);
    return admin;
  }

  private static List<String> ids(PageClient.Page page) {
    return page.document().select("#payments .payment-id").eachText();
  }

  private URI action(PageClient.Page page, String formId) {
    return uri("").resolve(page.document().select("form#" + formId).attr("action"));
  }

  @Test
  void eachFilterNarrowsTheSearchAndTheSearchLivesInTheUrl() {
    String customer = "cus_search_" + System.nanoTime();
    String eur15 = pay(1500, "EUR", "pm_card_visa", customer, "automatic");
    String eur42 = pay(4200, "EUR", "pm_card_visa", customer, "manual");
    String jpy = pay(1500, "JPY", "pm_card_visa", customer, "automatic");
    String declined = pay(990, "EUR", "pm_card_chargeDeclined", customer, "automatic");
    PageClient admin = merchant("en");
    String c = "console/payments?customer=" + customer;

    assertThat(ids(admin.get(uri(c)))).containsExactlyInAnyOrder(eur15, eur42, jpy, declined);
    assertThat(admin.get(uri(c)).document().select("#matches").text())
        .isEqualTo("4 payments match.");
    assertThat(ids(admin.get(uri(c + "&status=captured")))).containsExactlyInAnyOrder(eur15, jpy);
    assertThat(ids(admin.get(uri(c + "&status=failed")))).containsExactly(declined);
    assertThat(ids(admin.get(uri(c + "&method=card")))).hasSize(4);
    assertThat(ids(admin.get(uri(c + "&currency=JPY")))).containsExactly(jpy);
    assertThat(ids(admin.get(uri(c + "&currency=eur&min=15&max=15.00")))).containsExactly(eur15);
    assertThat(ids(admin.get(uri(c + "&currency=EUR&min=15.01")))).containsExactly(eur42);
    assertThat(ids(admin.get(uri(c + "&currency=JPY&min=1500&max=1500")))).containsExactly(jpy);
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    assertThat(ids(admin.get(uri(c + "&from=" + today + "&to=" + today)))).hasSize(4);
    assertThat(ids(admin.get(uri(c + "&to=" + yesterday)))).isEmpty();
    assertThat(ids(admin.get(uri(c + "&currency=EUR&sort=smallest"))))
        .containsExactly(declined, eur15, eur42);
    assertThat(ids(admin.get(uri(c + "&currency=EUR&sort=largest"))))
        .containsExactly(eur42, eur15, declined);

    PageClient.Page byCustomer = admin.get(uri(c + "&currency=EUR&status=authorized"));
    assertThat(byCustomer.document().select("#search\\:customer").val()).isEqualTo(customer);
    assertThat(byCustomer.document().select("#search\\:currency").val()).isEqualTo("EUR");
    assertThat(byCustomer.document().select("#search\\:status option[selected]").val())
        .isEqualTo("authorized");
    assertThat(ids(byCustomer)).containsExactly(eur42);
  }

  @Test
  void aPayerIsFoundByTheirEmailInAnyCaseThoughItIsStoredSealed() {
    String email = "search." + System.nanoTime() + "@example.org";
    JsonObject session = api().createSession(3100, "EUR", "en");
    PageClient shopper = new PageClient("en");
    URI page = URI.create(session.getString("url"));
    Map<String, String> form =
        new HashMap<>(MerchantApiIT.HostedPageForms.card("4242424242424242", "123"));
    form.put("email", email);
    shopper.submit(page, shopper.get(page), "pay", form);
    String paymentId =
        api()
            .get("api/v1/checkout-sessions/" + session.getString("id"))
            .json()
            .getString("payment_id");

    PageClient.Page found =
        merchant("en")
            .get(uri("console/payments?email=" + email.toUpperCase(java.util.Locale.ROOT)));

    assertThat(ids(found)).containsExactly(paymentId);
    assertThat(found.document().select("#payments").text()).contains(email);
  }

  @Test
  void aWrongFilterGivesAMessageByItsFieldAndNoPayments() {
    PageClient admin = merchant("en");

    PageClient.Page page =
        admin.get(uri("console/payments?currency=EURO&min=abc&from=26.11.2026&status=paid"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select("#search-invalid").text()).contains("not right");
    assertThat(page.document().select("#currency-error").text())
        .isEqualTo("“EURO” is not an active ISO 4217 currency code (e.g. EUR).");
    assertThat(page.document().select("#from-error").text()).contains("write it as 2026-11-26");
    assertThat(page.document().select("#status-error").text())
        .isEqualTo("“paid” is not a payment status.");
    assertThat(page.document().select("#search\\:currency").attr("aria-invalid")).isEqualTo("true");
    assertThat(ids(page)).isEmpty();

    PageClient.Page decimals = admin.get(uri("console/payments?currency=JPY&max=10.5"));
    assertThat(decimals.document().select("#max-error").text())
        .isEqualTo("“10.5” has too many decimals: JPY has 0 at most.");
    PageClient.Page german = merchant("de").get(uri("console/payments?min=10"));
    assertThat(german.document().select("#min-error").text())
        .isEqualTo("Wählen Sie eine Währung, um nach Betrag zu filtern.");
  }

  @Test
  void theSearchFormSendsTheUserToTheSearchsUrlOrShowsWhatIsWrong() {
    PageClient admin = merchant("de");
    PageClient.Page form = admin.get(uri("console/payments"));
    Map<String, String> fields = new HashMap<>();
    for (String f :
        new String[] {
          "status", "method", "currency", "min", "max", "from", "to", "customer", "email"
        }) {
      fields.put("search:" + f, "");
    }
    fields.put("search:sort", "newest");
    fields.put("search:search-button", "x");

    fields.put("search:currency", "eur");
    fields.put("search:min", "12,5");
    PageClient.Page searched = admin.submit(action(form, "search"), form, "search", fields);
    assertThat(searched.status()).isEqualTo(302);
    assertThat(searched.location()).endsWith("console/payments?currency=EUR&min=12.50&sort=newest");

    fields.put("search:min", "1.234,50");
    PageClient.Page wrong = admin.submit(action(form, "search"), form, "search", fields);
    assertThat(wrong.status()).isEqualTo(200);
    assertThat(wrong.document().select("#min-error").text())
        .isEqualTo(
            "„1.234,50“ ist kein Betrag: schreiben Sie Ziffern mit höchstens einem"
                + " Dezimaltrennzeichen und ohne Tausendertrennzeichen, z. B. 12,50.");
  }

  /** A merchant's webhook receiver in the test: answers 200 and keeps what arrives. */
  private static final class Receiver implements AutoCloseable {
    final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
    final HttpServer server;

    Receiver() throws java.io.IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            bodies.add(
                new String(
                    exchange.getRequestBody().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Waits (up to a minute: deliveries run on a 5-second timer) for an event about {@code id}. */
    void awaitAbout(String id) throws InterruptedException {
      Instant deadline = Instant.now().plusSeconds(60);
      while (bodies.stream().noneMatch(b -> b.contains("\"" + id + "\""))) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("no webhook about " + id + " within a minute");
        }
        Thread.sleep(200);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void theTimelineShowsStateChangesWebhooksAndTheirDeliveriesInTimeOrder() throws Exception {
    try (Receiver receiver = new Receiver()) {
      ApiClient.Answer endpoint =
          api()
              .post(
                  "api/v1/webhook-endpoints",
                  "{\"url\":\"" + receiver.url() + "\",\"enabled_events\":[\"payment.captured\"]}",
                  null);
      assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
      try {
        String id = pay(2750, "EUR", "pm_card_visa", "cus_timeline", "automatic");
        receiver.awaitAbout(id);
        PageClient admin = merchant("de");
        // The attempt is recorded once the receiver has answered: wait for it too.
        Document doc = admin.get(uri("console/payment?id=" + id)).document();
        Instant deadline = Instant.now().plusSeconds(30);
        while (!doc.select("#timeline .timeline-what")
                .eachText()
                .contains("payment.captured #1 delivered")
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(200);
          doc = admin.get(uri("console/payment?id=" + id)).document();
        }

        List<String> kinds = doc.select("#timeline .timeline-kind").eachText();
        List<String> what = doc.select("#timeline .timeline-what").eachText();
        List<String> entries = new java.util.ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
          entries.add(kinds.get(k) + " | " + what.get(k));
        }
        assertThat(entries)
            .contains("Status | payment.processing", "Status | payment.captured")
            .contains(
                "Webhook-Ereignis | payment.processing", "Webhook-Ereignis | payment.captured");
        int event = entries.indexOf("Webhook-Ereignis | payment.captured");
        int delivery = entries.indexOf("Webhook-Zustellung | payment.captured #1 delivered");
        assertThat(delivery).as(entries.toString()).isGreaterThan(event);
        assertThat(doc.select("#timeline .timeline-who").get(delivery).text())
            .isEqualTo(receiver.url());
        assertThat(doc.select("#timeline .timeline-detail").get(delivery).text())
            .startsWith("HTTP 200");
        List<Instant> times =
            doc.select("#timeline time").eachAttr("datetime").stream().map(Instant::parse).toList();
        assertThat(times).isSorted();
        // German date and time, in UTC and saying so
        assertThat(doc.select("#timeline time").first().text())
            .matches("\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}:\\d{2} UTC");
      } finally {
        api().delete("api/v1/webhook-endpoints/" + endpoint.json().getString("id"));
      }
    }
  }

  private PageClient.Page refund(PageClient admin, PageClient.Page page, String amount) {
    return admin.submit(
        action(page, "refund-form"),
        page,
        "refund-form",
        Map.of("refund-form:refund-amount", amount, "refund-form:refund-button", "x"));
  }

  @Test
  void aPartialRefundIsTypedInTheCurrencysUnitsWithMistakesShownOnTheField() {
    String id = pay(4200, "EUR", "pm_card_visa", "cus_refund", "automatic");
    PageClient admin = merchant("en");
    PageClient.Page detail = admin.get(uri("console/payment?id=" + id));
    assertThat(detail.document().select("label[for$=refund-amount]").text()).contains("(EUR)");

    PageClient.Page comma = refund(admin, detail, "12,34");
    assertThat(comma.document().select("#refund-amount-error").text())
        .isEqualTo(
            "“12,34” is not an amount: write digits with at most one decimal separator and no"
                + " thousands separators, e.g. 12.50.");
    assertThat(comma.document().select("#refund-form\\:refund-amount").attr("aria-invalid"))
        .isEqualTo("true");
    PageClient.Page decimals = refund(admin, comma, "12.345");
    assertThat(decimals.document().select("#refund-amount-error").text())
        .isEqualTo("“12.345” has too many decimals: EUR has 2 at most.");
    PageClient.Page tooMuch = refund(admin, decimals, "42.01");
    assertThat(tooMuch.document().select("#refund-amount-error").text())
        .isEqualTo("At most €42.00 can still be refunded.");
    assertThat(tooMuch.document().select(".refund-id")).isEmpty();
    assertThat(api().get("api/v1/payments/" + id).json().getString("status")).isEqualTo("captured");

    PageClient.Page refunded = refund(admin, tooMuch, "12.34");

    assertThat(refunded.document().select("#refund-amount-error").text()).isEmpty();
    assertThat(refunded.document().select(".refund-status").eachText())
        .containsExactly("succeeded");
    assertThat(refunded.document().select("#detail-refunded").text()).isEqualTo("€12.34");
    assertThat(refunded.document().select("#detail-refundable").text()).isEqualTo("€29.66");
    JsonObject payment = api().get("api/v1/payments/" + id).json();
    assertThat(payment.getString("status")).isEqualTo("partially_refunded");
    assertThat(payment.getJsonNumber("amount_refunded").longValue()).isEqualTo(1234);
  }

  @Test
  void aLargePartialRefundIsPendingApprovalUntilASecondAdminApprovesIt() {
    String id = pay(300_000, "EUR", "pm_card_visa", "cus_four_eyes", "automatic");
    PageClient requester = merchant("en");
    PageClient.Page detail = requester.get(uri("console/payment?id=" + id));

    PageClient.Page asked = refund(requester, detail, "1500.00"); // above 1000.00: four eyes

    assertThat(asked.document().select(".refund-status").eachText())
        .containsExactly("requires_approval");
    assertThat(asked.document().select(".refund-pending").text()).isEqualTo("Pending approval");
    assertThat(asked.document().select(".refund-waits").text())
        .isEqualTo("Another merchant admin must approve it.");
    assertThat(asked.document().select("input[value=Approve]")).isEmpty();
    assertThat(asked.document().select("#detail-refundable").text())
        .as("the amount is set aside while it waits")
        .isEqualTo("€1,500.00");

    PageClient approver = new PageClient("en");
    approver.login(uri(""), "approver@kassa.test", KassaDeployment.DEMO_PASSWORD);
    PageClient.Page review = approver.get(uri("console/payment?id=" + id));
    assertThat(review.document().select(".refund-pending").text()).isEqualTo("Pending approval");
    assertThat(review.document().select(".refund-waits")).isEmpty();
    String approve = review.document().select("input[value=Approve]").attr("name");
    PageClient.Page approved =
        approver.submit(
            action(review, "refund-form"), review, "refund-form", Map.of(approve, "Approve"));

    assertThat(approved.document().select(".refund-status").eachText())
        .containsExactly("succeeded");
    assertThat(approved.document().select(".refund-pending")).isEmpty();
    assertThat(approved.document().select("#detail-refunded").text()).isEqualTo("€1,500.00");
    assertThat(approved.document().select("#timeline .timeline-what").eachText())
        .contains("refund.requires_approval", "refund.approved", "payment.partially_refunded");
    assertThat(api().get("api/v1/payments/" + id).json().getString("status"))
        .isEqualTo("partially_refunded");
  }

  private static long minor(Document dashboard, String currency) {
    String v = dashboard.select(".volume-total[data-currency=" + currency + "]").attr("data-minor");
    return v.isEmpty() ? 0 : Long.parseLong(v);
  }

  private static long declines(Document dashboard, String reason) {
    String v = dashboard.select(".decline-count[data-reason=" + reason + "]").attr("data-count");
    return v.isEmpty() ? 0 : Long.parseLong(v);
  }

  @Test
  void theDashboardIsTheLandingPageAndCountsKnownPaymentsPerCurrencyAndReason() {
    PageClient admin = new PageClient("en");
    PageClient.Page landing =
        admin.login(uri(""), KassaDeployment.DEMO_MERCHANT_USER, KassaDeployment.DEMO_PASSWORD);
    assertThat(landing.document().select("h1").text()).isEqualTo("Dashboard");
    assertThat(landing.document().select("#period").attr("data-days")).isEqualTo("30");
    // ISK and expired cards: no other test pays with them, so the differences are this test's
    Document before = admin.get(uri("console/dashboard?days=7")).document();

    pay(1500, "ISK", "pm_card_visa", "cus_dash", "automatic");
    pay(2499, "ISK", "pm_card_visa", "cus_dash", "automatic");
    pay(700, "ISK", "pm_card_visa", "cus_dash", "manual"); // authorized: nothing captured yet
    pay(1200, "EUR", "pm_card_chargeDeclinedExpiredCard", "cus_dash", "automatic");
    pay(1300, "ISK", "pm_card_chargeDeclinedExpiredCard", "cus_dash", "automatic");
    PageClient.Page after = admin.get(uri("console/dashboard?days=7"));

    Document doc = after.document();
    assertThat(minor(doc, "ISK") - minor(before, "ISK")).isEqualTo(3999);
    assertThat(doc.select(".volume-total[data-currency=ISK]").text())
        .as("no decimals in ISK")
        .startsWith("ISK")
        .endsWith(String.format(java.util.Locale.ENGLISH, "%,d", minor(doc, "ISK")));
    assertThat(declines(doc, "expired_card") - declines(before, "expired_card")).isEqualTo(2);
    assertThat(doc.select("#success-rate").text()).matches("\\d{1,3}\\.\\d%");
    assertThat(doc.select("#period").attr("data-days")).isEqualTo("7");
    assertThat(doc.select(".periods a.current").text()).isEqualTo("7 days");
    assertThat(doc.select("canvas[role=img]").size())
        .as("a success chart, one volume chart per currency, a declines chart")
        .isEqualTo(2 + doc.select(".volume-total").size());
    assertThat(after.body()).contains("PrimeFaces.cw(\"Chart\"");

    PageClient.Page wrongPeriod = admin.get(uri("console/dashboard?days=13"));
    assertThat(wrongPeriod.status()).isEqualTo(200);
    assertThat(wrongPeriod.document().select("#period-error").text())
        .isEqualTo("“13” is not a period on offer; showing 30 days.");
    assertThat(wrongPeriod.document().select("#period").attr("data-days")).isEqualTo("30");
  }

  @Test
  void theDashboardsChartsDrawInABrowser() throws Exception {
    java.nio.file.Path chromium = java.nio.file.Path.of("/usr/bin/chromium");
    java.nio.file.Path chromedriver = java.nio.file.Path.of("/usr/bin/chromedriver");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isExecutable(chromium)
            && java.nio.file.Files.isExecutable(chromedriver),
        "Browser check skipped: install Debian's chromium and chromium-driver");
    pay(1000, "EUR", "pm_card_visa", "cus_chart", "automatic");
    pay(1000, "EUR", "pm_card_chargeDeclinedLostCard", "cus_chart", "automatic");
    org.openqa.selenium.chrome.ChromeOptions options =
        new org.openqa.selenium.chrome.ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,2400",
        "--lang=en-US",
        "--user-data-dir=" + java.nio.file.Files.createTempDirectory("kassa-chromium"));
    org.openqa.selenium.WebDriver browser =
        new org.openqa.selenium.chrome.ChromeDriver(
            new org.openqa.selenium.chrome.ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .build(),
            options);
    try {
      org.openqa.selenium.support.ui.WebDriverWait wait =
          new org.openqa.selenium.support.ui.WebDriverWait(
              browser, java.time.Duration.ofSeconds(30));
      browser.get(uri("login").toString());
      browser
          .findElement(org.openqa.selenium.By.id("username"))
          .sendKeys(KassaDeployment.DEMO_MERCHANT_USER);
      browser
          .findElement(org.openqa.selenium.By.id("password"))
          .sendKeys(KassaDeployment.DEMO_PASSWORD);
      browser.findElement(org.openqa.selenium.By.id("sign-in")).click();
      wait.ignoring(org.openqa.selenium.WebDriverException.class)
          .until(d -> d.getCurrentUrl().contains("console/dashboard"));
      browser.get(uri("console/dashboard?days=7").toString());
      org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
      long canvases =
          browser.findElements(org.openqa.selenium.By.cssSelector("canvas[role=img]")).size();
      // Every canvas has a Chart.js chart with data: the JSON configurations were accepted.
      wait.ignoring(org.openqa.selenium.WebDriverException.class)
          .until(
              d ->
                  ((Number)
                              js.executeScript(
                                  "return Object.values(PrimeFaces.widgets).filter(w =>"
                                      + " w instanceof PrimeFaces.widget.Chart && w.chart"
                                      + " && w.chart.data.datasets.length > 0).length"))
                          .longValue()
                      == canvases);
      assertThat(canvases).isGreaterThanOrEqualTo(3);
      java.nio.file.Files.write(
          java.nio.file.Path.of("target", "dashboard.png"),
          ((org.openqa.selenium.TakesScreenshot) browser)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } finally {
      browser.quit();
    }
  }
}
