package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The merchant API over HTTP, as a shop's backend calls it: happy path, bad inputs, keys. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MerchantApiIT {

  private static final String SESSIONS = "api/v1/checkout-sessions";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war();
  }

  @ArquillianResource private URL base;

  private ApiClient api() {
    return new ApiClient(base, KassaDeployment.DEMO_API_KEY);
  }

  @Test
  void createsAnOpenSessionWithItsHostedPage() {
    ApiClient.Answer answer = api().post(SESSIONS, ApiClient.sessionJson(2500, "EUR", "de"), null);

    assertThat(answer.status()).isEqualTo(201);
    JsonObject session = answer.json();
    assertThat(session.getString("id")).startsWith("cs_");
    assertThat(session.getString("url")).endsWith("/pay/" + session.getString("id"));
    assertThat(session.getString("status")).isEqualTo("open");
    assertThat(session.getString("payment_status")).isEqualTo("unpaid");
    assertThat(session.getJsonNumber("amount").longValue()).isEqualTo(2500);
    assertThat(session.getString("currency")).isEqualTo("EUR");
    Instant expires = Instant.parse(session.getString("expires_at"));
    assertThat(Duration.between(Instant.now(), expires))
        .isBetween(Duration.ofHours(23), Duration.ofHours(24));

    JsonObject readBack = api().get(SESSIONS + "/" + session.getString("id")).json();
    assertThat(readBack.getString("status")).isEqualTo("open");
    assertThat(readBack.isNull("payment_id")).isTrue();
  }

  @Test
  void theSameIdempotencyKeyAnswersTheSameSessionAndRefusesAnotherBody() {
    String key = "order-" + System.nanoTime();
    ApiClient.Answer first = api().post(SESSIONS, ApiClient.sessionJson(1000, "EUR", "en"), key);
    ApiClient.Answer again = api().post(SESSIONS, ApiClient.sessionJson(1000, "EUR", "en"), key);
    ApiClient.Answer other = api().post(SESSIONS, ApiClient.sessionJson(2000, "EUR", "en"), key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.replayed()).isTrue();
    assertThat(first.replayed()).isFalse();
    assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(other.json().getString("type")).endsWith("/idempotency-key-reused");
  }

  @Test
  void honoursExpiryAndZeroAndThreeDecimalCurrencies() {
    String json =
        ApiClient.sessionJson(1234, "KWD", "en").replace("}],", "}],\"expires_in_seconds\":1800,");
    JsonObject kwd = api().post(SESSIONS, json, null).json();
    assertThat(Duration.between(Instant.now(), Instant.parse(kwd.getString("expires_at"))))
        .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
    assertThat(api().post(SESSIONS, ApiClient.sessionJson(500, "JPY", "ja"), null).status())
        .isEqualTo(201);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing amount        | {\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | amount",
        "unknown currency      | {\"amount\":100,\"currency\":\"XYZ\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | currency",
        "lower-case currency   | {\"amount\":100,\"currency\":\"eur\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | currency",
        "zero amount           | {\"amount\":0,\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | amount",
        "negative amount       | {\"amount\":-5,\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | amount",
        "amount above maximum  | {\"amount\":100000000,\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100000000}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | amount",
        "decimal amount        | {\"amount\":10.5,\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | amount",
        "amount as string      | {\"amount\":\"100\",\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | amount",
        "items do not add up   | {\"amount\":300,\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":2,\"unit_amount\":100}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | line_items",
        "no line items         | {\"amount\":100,\"currency\":\"EUR\",\"line_items\":[],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | line_items",
        "item without name     | {\"amount\":100,\"currency\":\"EUR\",\"line_items\":[{\"quantity\":1,\"unit_amount\":100}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | line_items[0].name",
        "ftp success url       | {\"amount\":100,\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"success_url\":\"ftp://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | success_url",
        "relative cancel url   | {\"amount\":100,\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"/cancel\"} | cancel_url",
        "bad email             | {\"amount\":100,\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"customer_email\":\"not-an-email\",\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | customer_email",
        "expiry too short      | {\"amount\":100,\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"expires_in_seconds\":60,\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | expires_in_seconds",
        "unknown field         | {\"amount\":100,\"amonut\":1,\"currency\":\"EUR\",\"line_items\":[{\"name\":\"A\",\"quantity\":1,\"unit_amount\":100}],\"success_url\":\"https://s.example/ok\",\"cancel_url\":\"https://s.example/c\"} | amonut",
      })
  void refusesBadFieldsWithAProblemNamingTheField(String what, String body, String field) {
    ApiClient.Answer answer = api().post(SESSIONS, body, null);

    assertThat(answer.status()).as(what).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonObject problem = answer.json();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(problem.getJsonObject("errors").keySet()).as(answer.body()).contains(field);
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void malformedJsonIsA400Problem() {
    ApiClient.Answer answer = api().post(SESSIONS, "{\"amount\": 100,", null);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getString("type")).endsWith("/malformed-json");
  }

  @Test
  void aBodyOver64KiBIsRefused() {
    String huge = "{\"amount\":100,\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
    ApiClient.Answer answer = api().post(SESSIONS, huge, null);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void noKeyOrAWrongKeyIsA401() {
    ApiClient.Answer none =
        new ApiClient(base, null).post(SESSIONS, ApiClient.sessionJson(100, "EUR", "en"), null);
    ApiClient.Answer wrong =
        new ApiClient(base, "sk_test_wrong_key_000000000000").get(SESSIONS + "/cs_x");

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.contentType()).startsWith("application/problem+json");
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void unknownObjectsAre404Problems() {
    assertThat(api().get(SESSIONS + "/cs_doesnotexist").status()).isEqualTo(404);
    ApiClient.Answer payment = api().get("api/v1/payments/pay_doesnotexist");
    assertThat(payment.status()).isEqualTo(404);
    assertThat(payment.json().getString("type")).endsWith("/not-found");
  }

  @Test
  void aSessionPaidOnTheHostedPageIsCompleteWithACapturedPayment() {
    JsonObject session = api().createSession(1999, "EUR", "en");
    PageClient browser = new PageClient("en");
    java.net.URI page = java.net.URI.create(session.getString("url"));

    PageClient.Page form = browser.get(page);
    assertThat(form.document().select("#order-total").text()).isEqualTo("€19.99");
    assertThat(form.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(form.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(form.header("Cache-Control")).isEqualTo("no-store");
    PageClient.Page result =
        browser.submit(page, form, "pay", HostedPageForms.card("4242424242424242", "123"));

    assertThat(result.document().select("#result h1").text()).isEqualTo("Payment successful");
    JsonObject paid = api().get(SESSIONS + "/" + session.getString("id")).json();
    assertThat(paid.getString("status")).isEqualTo("complete");
    assertThat(paid.getString("payment_status")).isEqualTo("paid");
    JsonObject payment = api().get("api/v1/payments/" + paid.getString("payment_id")).json();
    assertThat(payment.getString("status")).isEqualTo("captured");
    assertThat(payment.getJsonObject("card").getString("brand")).isEqualTo("visa");
    assertThat(payment.getJsonObject("card").getString("last4")).isEqualTo("4242");
    assertThat(payment.toString()).doesNotContain("4242424242424242");
    assertThat(payment.getJsonObject("billing_details").getString("name")).isEqualTo("Ann Example");
    assertThat(payment.getJsonObject("billing_details").getString("email"))
        .isEqualTo("ann@example.com");

    // The browser that paid sees its result again; anyone else opening the link, that it is paid.
    assertThat(browser.get(page).document().select("#result h1").text())
        .isEqualTo("Payment successful");
    PageClient.Page again = new PageClient("en").get(page);
    assertThat(again.document().select("#already-paid")).isNotEmpty();
    assertThat(new ApiClient(base, null).get("/metrics").body()).contains("kassa_payments_total");
  }

  @Test
  void aPaymentIsRefundedInPartsUpToWhatWasCapturedAndNoMore() {
    JsonObject session = api().createSession(1000, "EUR", "en");
    PageClient browser = new PageClient("en");
    java.net.URI page = java.net.URI.create(session.getString("url"));
    browser.submit(page, browser.get(page), "pay", HostedPageForms.card("4242424242424242", "123"));
    String paymentId =
        api().get(SESSIONS + "/" + session.getString("id")).json().getString("payment_id");
    String refunds = "api/v1/payments/" + paymentId + "/refunds";

    ApiClient.Answer partial =
        api()
            .post(
                refunds,
                "{\"amount\":400,\"reason\":\"requested_by_customer\"}",
                "rf-" + paymentId);
    ApiClient.Answer replay =
        api()
            .post(
                refunds,
                "{\"amount\":400,\"reason\":\"requested_by_customer\"}",
                "rf-" + paymentId);
    ApiClient.Answer tooMuch = api().post(refunds, "{\"amount\":601}", null);
    ApiClient.Answer otherCurrency =
        api().post(refunds, "{\"amount\":100,\"currency\":\"USD\"}", null);
    ApiClient.Answer badReason =
        api().post(refunds, "{\"amount\":100,\"reason\":\"because\"}", null);
    ApiClient.Answer rest = api().post(refunds, "{}", null);
    ApiClient.Answer more = api().post(refunds, "{\"amount\":1}", null);

    assertThat(partial.status()).isEqualTo(201);
    assertThat(partial.json().getString("status")).isEqualTo("succeeded");
    assertThat(replay.json().getString("id")).isEqualTo(partial.json().getString("id"));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.json().getString("type")).endsWith("/refund-exceeds-captured");
    assertThat(tooMuch.json().getJsonObject("errors").getString("amount")).contains("600");
    assertThat(otherCurrency.status()).isEqualTo(400);
    assertThat(otherCurrency.json().getJsonObject("errors").keySet()).contains("currency");
    assertThat(badReason.json().getJsonObject("errors").keySet()).contains("reason");
    assertThat(rest.status()).isEqualTo(201);
    assertThat(rest.json().getJsonNumber("amount").longValue()).isEqualTo(600);
    assertThat(more.status()).isEqualTo(400);
    JsonObject payment = api().get("api/v1/payments/" + paymentId).json();
    assertThat(payment.getString("status")).isEqualTo("refunded");
    assertThat(payment.getJsonNumber("amount_refunded").longValue()).isEqualTo(1000);
    assertThat(api().get(refunds).json().getJsonArray("data")).hasSize(2);
    assertThat(api().get("api/v1/payments/pay_nope/refunds").status()).isEqualTo(404);
  }

  @Test
  void aDeclineKeepsTheSessionOpenAndSaysWhy() {
    JsonObject session = api().createSession(500, "EUR", "de");
    PageClient browser = new PageClient("en");
    java.net.URI page = java.net.URI.create(session.getString("url"));

    PageClient.Page form = browser.get(page);
    PageClient.Page result =
        browser.submit(page, form, "pay", HostedPageForms.card("4000000000009995", "123"));

    assertThat(result.document().select("ul.errors").text()).contains("nicht ausreichend gedeckt");
    assertThat(api().get(SESSIONS + "/" + session.getString("id")).json().getString("status"))
        .isEqualTo("open");
  }

  @Test
  void aFormPostedAfterItsViewExpiredReloadsThePageInsteadOfFailing() {
    JsonObject session = api().createSession(600, "EUR", "en");
    java.net.URI page = java.net.URI.create(session.getString("url"));
    PageClient browser = new PageClient("en");
    PageClient.Page form = browser.get(page);
    form.document().select("input[name=jakarta.faces.ViewState]").val("stale-view-state");

    PageClient.Page answer =
        browser.submit(page, form, "pay", HostedPageForms.card("4242424242424242", "123"));

    assertThat(answer.status()).isEqualTo(302);
    PageClient.Page reloaded = browser.get(page.resolve(answer.location()));
    assertThat(reloaded.status()).isEqualTo(200);
    assertThat(reloaded.document().select("#view-expired").text()).contains("Nothing was charged");
    assertThat(api().get(SESSIONS + "/" + session.getString("id")).json().getString("status"))
        .isEqualTo("open");
  }

  @Test
  void healthAndMetricsAnswer() {
    ApiClient anonymous = new ApiClient(base, null);
    ApiClient.Answer ready = anonymous.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("kassa-database").contains("\"UP\"");
    assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
  }

  @Test
  void everyResourceMethodIsInTheOpenApiDocument() throws Exception {
    ApiClient.Answer document = new ApiClient(base, null).get("/openapi?format=JSON");
    assertThat(document.status()).isEqualTo(200);
    JsonObject paths = document.json().getJsonObject("paths");
    java.nio.file.Path api = java.nio.file.Path.of("target/classes/org/kassa/web/api");
    int checked = 0;
    try (var files = java.nio.file.Files.list(api)) {
      for (java.nio.file.Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type = Class.forName("org.kassa.web.api." + name.replace(".class", ""));
        jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
        if (root == null) {
          continue;
        }
        for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
          String verb = httpMethod(m);
          if (verb == null) {
            continue;
          }
          jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
          String path = "/api/" + root.value() + (sub == null ? "" : "/" + sub.value());
          String documented =
              paths.keySet().stream().filter(p -> p.endsWith(path)).findFirst().orElse(null);
          assertThat(documented).as(verb + " " + path + " is documented").isNotNull();
          JsonObject operation = paths.getJsonObject(documented).getJsonObject(verb);
          assertThat(operation).as(verb + " " + path).isNotNull();
          assertThat(operation.getString("summary", "")).as(verb + " " + path).isNotBlank();
          checked++;
        }
      }
    }
    assertThat(checked).as("resource methods found").isGreaterThanOrEqualTo(10);
  }

  private static String httpMethod(java.lang.reflect.Method m) {
    for (var a : m.getAnnotations()) {
      jakarta.ws.rs.HttpMethod verb =
          a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
      if (verb != null) {
        return verb.value().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return null;
  }

  @Test
  void theAuditTrailExportVerifiesOfflineAndItsTamperingIsCaught() {
    api().createSession(700, "EUR", "en"); // at least one event
    ApiClient compliance =
        new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
    ApiClient.Answer export = compliance.get("api/v1/audit/export?from=1&to=1000000");
    assertThat(export.status()).as(export.body()).isEqualTo(200);
    String key = org.kassa.compliance.audit.AuditCheckpoints.DEMO_VERIFY_KEY;
    var result = org.kassa.compliance.audit.ExportVerifier.verify(export.body(), key);
    assertThat(result.valid()).as(String.valueOf(result.problem())).isTrue();
    assertThat(result.checkpoints()).isGreaterThanOrEqualTo(1);
    String tampered =
        export.body().replaceFirst("checkout_session\\.created", "checkout_session.deleted");
    assertThat(tampered).isNotEqualTo(export.body());
    assertThat(org.kassa.compliance.audit.ExportVerifier.verify(tampered, key).valid()).isFalse();

    assertThat(api().get("api/v1/audit/export?from=1&to=5").status())
        .as("a merchant's key is not a compliance key")
        .isEqualTo(403);
    assertThat(compliance.get("api/v1/audit/export?from=0&to=5").status()).isEqualTo(400);
    assertThat(compliance.get("api/v1/payments").status()).isEqualTo(401);
  }

  @Test
  void dataSubjectRequestsFollowTheirWorkflowWithTheLegalDeadline() {
    ApiClient compliance = compliance();
    String path = "api/v1/compliance/data-subject-requests";
    JsonObject invalid =
        compliance.post(path, "{\"kind\":\"forget\",\"email\":\"x\"}", null).json();
    assertThat(invalid.getJsonObject("errors").getString("kind")).contains("access or erasure");
    assertThat(invalid.getJsonObject("errors").getString("email")).contains("email address");
    assertThat(
            compliance
                .post(path, "{\"kind\":\"access\",\"customer\":\"c1\",\"email\":\"a@b.co\"}", null)
                .status())
        .as("one identifier, not two")
        .isEqualTo(400);
    assertThat(
            new ApiClient(base, KassaDeployment.DEMO_API_KEY)
                .post(path, "{\"kind\":\"access\",\"email\":\"a@example.com\"}", null)
                .status())
        .as("a merchant's key is not a compliance key")
        .isEqualTo(403);

    ApiClient.Answer created =
        compliance.post(
            path,
            "{\"kind\":\"erasure\",\"email\":\"nobody." + System.nanoTime() + "@example.org\"}",
            null);
    assertThat(created.status()).isEqualTo(201);
    JsonObject request = created.json();
    assertThat(request.getString("status")).isEqualTo("received");
    assertThat(request.getString("subject")).startsWith("sub_");
    assertThat(request.toString()).doesNotContain("@example.org");
    java.time.Instant received = java.time.Instant.parse(request.getString("received_at"));
    assertThat(java.time.Instant.parse(request.getString("due_at")))
        .isEqualTo(received.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant());
    String id = request.getString("id");

    assertThat(compliance.post(path + "/" + id + "/fulfil", "", null).status())
        .as("not before the identity is verified")
        .isEqualTo(409);
    assertThat(compliance.post(path + "/" + id + "/verify", "{}", null).status()).isEqualTo(400);
    assertThat(
            compliance
                .post(path + "/" + id + "/verify", "{\"method\":\"signed letter\"}", null)
                .json()
                .getString("status"))
        .isEqualTo("identity_verified");
    JsonObject done = compliance.post(path + "/" + id + "/fulfil", "", null).json();
    assertThat(done.getString("erasure")).contains("payments=0").contains("keys_shredded=0");
    assertThat(done.getJsonObject("request").getString("status")).isEqualTo("done");
    assertThat(compliance.post(path + "/" + id + "/reject", "{\"reason\":\"late\"}", null).status())
        .isEqualTo(409);
    assertThat(compliance.get(path + "/dsr_unknown").status()).isEqualTo(404);
  }

  private ApiClient compliance() {
    return new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
  }

  private static JsonObject listOf(ApiClient.Answer lists, String listId) {
    var data = lists.json().getJsonArray("data");
    for (int i = 0; i < data.size(); i++) {
      if (data.getJsonObject(i).getString("list_id").equals(listId)) {
        return data.getJsonObject(i);
      }
    }
    return null;
  }

  @Test
  void theBundledListsAreLoadedWithTheirSourceCountAndHash() throws Exception {
    ApiClient.Answer lists = compliance().get("api/v1/screening/lists");
    assertThat(lists.status()).as(lists.body()).isEqualTo(200);
    JsonObject un = listOf(lists, "un");
    assertThat(un.getInt("entry_count")).isEqualTo(730 + 273);
    assertThat(un.getString("published")).isEqualTo("2026-02-27");
    assertThat(un.getString("sha256"))
        .isEqualTo(
            org.kassa.compliance.text.Sha256.hex(
                java.nio.file.Files.readAllBytes(
                    java.nio.file.Path.of(
                        "../compliance-module/src/main/resources/org/kassa/compliance/aml/demo/UN_consolidated_2026-02-27.xml"))));
    assertThat(listOf(lists, "ofac-sdn").getInt("entry_count")).isEqualTo(8976);
    assertThat(api().get("api/v1/screening/lists").status()).isEqualTo(403);
    assertThat(new ApiClient(base, null).get("api/v1/screening/lists").status()).isEqualTo(401);
  }

  @Test
  void aSearchFindsTheListedPersonInAnyOrderOrScriptAndExplainsWhy() {
    ApiClient.Answer reordered =
        compliance()
            .post(
                "api/v1/screening/search",
                "{\"name\":\"Hussein al Tikriti Saddam\",\"type\":\"person\"}",
                null);
    assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
    // He is on both lists: the UN's entry and OFAC's.
    JsonObject un =
        reordered.json().getJsonArray("data").stream()
            .map(v -> v.asJsonObject())
            .filter(h -> h.getJsonObject("list").getString("id").equals("un"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(reordered.body()));
    assertThat(un.getString("entry_id")).isEqualTo("6908048");
    assertThat(un.getJsonNumber("score").doubleValue()).isGreaterThanOrEqualTo(0.85);
    assertThat(un.getJsonObject("explanation").getJsonArray("tokens")).isNotEmpty();
    assertThat(un.getString("entry_type")).isEqualTo("person");

    ApiClient.Answer arabic =
        compliance()
            .post("api/v1/screening/search", "{\"name\":\"صدام حسين التكريتي\",\"limit\":5}", null);
    assertThat(arabic.status()).isEqualTo(200);
    assertThat(
            arabic.json().getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getString("entry_id")))
        .contains("6908048");

    ApiClient.Answer nobody =
        compliance()
            .post("api/v1/screening/search", "{\"name\":\"Annegret Kowalczyk-Brandt\"}", null);
    assertThat(nobody.json().getJsonArray("data")).isEmpty();

    ApiClient.Answer bad =
        compliance().post("api/v1/screening/search", "{\"type\":\"planet\",\"min_score\":2}", null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonObject("errors").keySet()).contains("name", "type", "min_score");

    // Searches are audited with a pseudonym of the name, never the name itself.
    String export = compliance().get("api/v1/audit/export?from=1&to=1000000").body();
    assertThat(export).contains("screening.search").doesNotContain("Tikriti Saddam");
  }

  @Test
  void anInternalWatchlistIsScreenedLikeTheOfficialOnesAndABadFileNeverReplacesIt() {
    String csv =
        "name,aliases,type,country,identifiers\n"
            + "Mallory Quintrell,Mal Quintrell,person,GB,passport:QX7654321\n";
    ApiClient.Answer loaded =
        compliance().put("api/v1/screening/lists/fraud-ring", csv, "text/csv");
    assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
    assertThat(loaded.json().getString("outcome")).isIn("loaded", "unchanged");
    String sha = loaded.json().getString("sha256");

    JsonObject hit =
        compliance()
            .post("api/v1/screening/search", "{\"name\":\"Quintrell, Mallory\"}", null)
            .json()
            .getJsonArray("data")
            .getJsonObject(0);
    assertThat(hit.getJsonObject("list").getString("id")).isEqualTo("internal-fraud-ring");
    JsonObject byPassport =
        compliance()
            .post(
                "api/v1/screening/search",
                "{\"name\":\"\",\"identifiers\":[\"QX 765 4321\"]}",
                null)
            .json()
            .getJsonArray("data")
            .getJsonObject(0);
    assertThat(byPassport.getJsonNumber("score").doubleValue()).isEqualTo(1.0);

    ApiClient.Answer broken =
        compliance().put("api/v1/screening/lists/fraud-ring", "name,type\nX,planet\n", "text/csv");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().getString("detail")).contains("aliases");
    assertThat(
            listOf(compliance().get("api/v1/screening/lists"), "internal-fraud-ring")
                .getString("sha256"))
        .isEqualTo(sha);
    assertThat(compliance().put("api/v1/screening/lists/Bad%20Name", csv, "text/csv").status())
        .isEqualTo(400);
  }

  @Test
  void anExchangeRateQuoteIsLockedStoredAndReadBackAndBadInputIsA400() {
    JsonObject rates = api().get("api/v1/fx/rates").json();
    assertThat(rates.getString("base")).isEqualTo("EUR");
    assertThat(rates.getString("source")).isEqualTo("bundled:eurofxref-example.xml");
    assertThat(rates.getString("date")).isEqualTo("2024-06-28");
    assertThat(rates.getString("sha256")).hasSize(64);
    assertThat(rates.getJsonArray("currencies").getValuesAs(jakarta.json.JsonString::getString))
        .contains("EUR", "USD", "JPY")
        .doesNotContain("BGN");

    ApiClient.Answer created =
        api()
            .post(
                "api/v1/fx/quotes",
                "{\"amount\":2500,\"currency\":\"EUR\",\"presentment_currency\":\"JPY\"}",
                null);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject quote = created.json();
    assertThat(quote.getString("id")).startsWith("fxq_");
    // 25.00 EUR x 171.94 = 4298.5 JPY: half a yen, rounded half-even to 4298
    assertThat(quote.getJsonNumber("presentment_amount").longValue()).isEqualTo(4298);
    assertThat(quote.getString("presentment_currency")).isEqualTo("JPY");
    assertThat(quote.getJsonNumber("rate").bigDecimalValue()).isEqualByComparingTo("171.94");
    assertThat(quote.getString("rates_date")).isEqualTo("2024-06-28");
    assertThat(quote.getString("rates_sha256")).isEqualTo(rates.getString("sha256"));
    assertThat(quote.getBoolean("locked")).isTrue();
    assertThat(
            Duration.between(
                Instant.parse(quote.getString("created_at")),
                Instant.parse(quote.getString("locked_until"))))
        .isEqualTo(Duration.ofMinutes(30));

    JsonObject readBack = api().get("api/v1/fx/quotes/" + quote.getString("id")).json();
    assertThat(readBack.getJsonNumber("presentment_amount").longValue()).isEqualTo(4298);
    assertThat(readBack.getString("locked_until")).isEqualTo(quote.getString("locked_until"));
    assertThat(api().get("api/v1/fx/quotes/fxq_nope").status()).isEqualTo(404);

    for (String[] bad :
        new String[][] {
          {"{\"amount\":2500,\"currency\":\"XYZ\",\"presentment_currency\":\"JPY\"}", "currency"},
          {"{\"amount\":0,\"currency\":\"EUR\",\"presentment_currency\":\"JPY\"}", "amount"},
          {
            "{\"amount\":2500,\"currency\":\"EUR\",\"presentment_currency\":\"KWD\"}",
            "presentment_currency"
          },
        }) {
      ApiClient.Answer refused = api().post("api/v1/fx/quotes", bad[0], null);
      assertThat(refused.status()).as(bad[0]).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().getJsonObject("errors").keySet())
          .as(refused.body())
          .contains(bad[1]);
    }
  }

  @Test
  void unknownApiPathsAreProblemsToo() {
    ApiClient.Answer answer = api().get("api/v1/nothing-here");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  /** The fields of the hosted page's card form. */
  static final class HostedPageForms {
    static Map<String, String> card(String number, String cvc) {
      return Map.of(
          "email", "ann@example.com",
          "cardholder", "Ann Example",
          "cardnumber", number,
          "expmonth", "12",
          "expyear", Integer.toString(java.time.Year.now().getValue() + 3),
          "cvc", cvc,
          "pay-button", "x");
    }
  }
}
