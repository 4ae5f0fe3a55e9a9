package org.kassa.ear;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kassa.web.it.ApiClient;
import org.kassa.web.it.PageClient;

/**
 * End-to-end smoke suite of kassa.ear deployed on Payara Server Full (profile {@code payara-server}
 * of the ear module). Everything goes over HTTP, as a shop, a shopper and the console users would;
 * each test creates the data it needs.
 */
class PayaraServerSmokeIT {

  static final KassaServer kassa = new KassaServer();

  @BeforeAll
  static void serverIsReady() {
    kassa.awaitReady(Duration.ofSeconds(60));
  }

  @Nested
  class MerchantApi {

    @Test
    void createsACheckoutSession() {
      ApiClient.Answer created =
          kassa.api().post("api/v1/checkout-sessions", KassaServer.SESSION_JSON, null);

      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.contentType()).startsWith("application/json");
      JsonObject session = created.json();
      String id = session.getString("id");
      assertThat(id).startsWith("cs_");
      assertThat(session.getString("url")).endsWith("/pay/" + id);
      assertThat(session.getString("status")).isEqualTo("open");
      assertThat(session.getString("payment_status")).isEqualTo("unpaid");
      assertThat(session.getJsonNumber("amount").longValue()).isEqualTo(1500);
      assertThat(session.getString("currency")).isEqualTo("EUR");
      assertThat(session.getJsonArray("line_items")).hasSize(1);

      ApiClient.Answer read = kassa.api().get("api/v1/checkout-sessions/" + id);
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.json().getString("id")).isEqualTo(id);
    }

    @Test
    void answersABadRequestWithProblemJson() {
      ApiClient.Answer answer =
          kassa
              .api()
              .post(
                  "api/v1/checkout-sessions",
                  KassaServer.SESSION_JSON.replace("\"EUR\"", "\"EURO\""),
                  null);

      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      JsonObject problem = answer.json();
      assertThat(problem.getInt("status")).isEqualTo(400);
      assertThat(problem.getJsonObject("errors").containsKey("currency")).isTrue();
    }

    @Test
    void refusesACallWithoutAnApiKey() {
      ApiClient.Answer answer =
          kassa.anonymousApi().post("api/v1/checkout-sessions", KassaServer.SESSION_JSON, null);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }
  }

  @Nested
  class HostedPage {

    @Test
    void aShopperPaysTheSessionWithACard() {
      KassaServer.PaidSession paid = kassa.createAndPaySession();

      PageClient.Page result = paid.resultPage();
      assertThat(result.status()).isEqualTo(200);
      Element heading = result.document().getElementById("result");
      assertThat(heading).as("success section on:\n%s", result.document().text()).isNotNull();
      assertThat(heading.select("h1").text()).isNotBlank();
      assertThat(heading.text()).contains(paid.paymentId());

      JsonObject session = kassa.api().get("api/v1/checkout-sessions/" + paid.sessionId()).json();
      assertThat(session.getString("status")).isEqualTo("complete");
      assertThat(session.getString("payment_status")).isEqualTo("paid");
      assertThat(paid.paymentId()).startsWith("pay_");

      ApiClient.Answer read = kassa.api().get("api/v1/payments/" + paid.paymentId());
      assertThat(read.status()).isEqualTo(200);
      JsonObject payment = read.json();
      assertThat(payment.getString("status")).isEqualTo("captured");
      assertThat(payment.getString("checkout_session")).isEqualTo(paid.sessionId());
      assertThat(payment.getJsonNumber("amount").longValue()).isEqualTo(1500);
      assertThat(payment.getString("currency")).isEqualTo("EUR");
      JsonObject card = payment.getJsonObject("card");
      assertThat(card.getString("last4")).isEqualTo("4242");
      assertThat(card.getString("brand")).isEqualTo("visa");
      assertThat(result.header("X-Frame-Options")).isEqualTo("DENY");
    }
  }

  @Nested
  class Operations {

    @Test
    void healthAndPaymentMetricsAnswerOnTheFullServer() {
      kassa.createAndPaySession();

      assertThat(kassa.anonymousApi().get("health/live").status()).isEqualTo(200);
      ApiClient.Answer ready = kassa.anonymousApi().get("health/ready");
      assertThat(ready.body()).contains("kassa-database");
      ApiClient.Answer metrics = kassa.anonymousApi().get("metrics");
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.body()).contains("kassa_payments_total").contains("kassa_gateway_call");
    }
  }

  @Nested
  class Consoles {

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
      PageClient anonymous = kassa.browser();

      for (String console : new String[] {"console/payments", "compliance/audit"}) {
        PageClient.Page page = anonymous.get(kassa.uri(console));
        assertThat(page.status()).as(console).isEqualTo(302);
        assertThat(page.location()).as(console).isNotNull();
        assertThat(kassa.uri(console).resolve(page.location()).getPath())
            .as(console)
            .isEqualTo("/login");
      }
    }

    @Test
    void theMerchantAdminSeesTheirPaymentButNotTheAuditTrail() {
      String paymentId = kassa.createAndPaySession().paymentId();
      KassaServer.SignedIn admin = kassa.signIn(KassaServer.MERCHANT_USER);

      // The login lands on the merchant dashboard, which counts the payment as succeeded.
      PageClient.Page dashboard = admin.landing();
      assertThat(dashboard.status()).isEqualTo(200);
      Element succeeded = dashboard.document().getElementById("succeeded");
      assertThat(succeeded).as("dashboard:\n%s", dashboard.document().text()).isNotNull();
      assertThat(Integer.parseInt(succeeded.attr("data-count"))).isPositive();

      PageClient.Page payments = admin.browser().get(kassa.uri("console/payments"));
      assertThat(payments.status()).isEqualTo(200);
      assertThat(payments.document().getElementById("payments:table")).isNotNull();
      assertThat(payments.document().select(".payment-id").eachText()).contains(paymentId);

      PageClient.Page audit = admin.browser().get(kassa.uri("compliance/audit"));
      assertThat(audit.status()).isEqualTo(403);
      assertThat(audit.document().select("#error-heading").text()).isEqualTo("Access denied");
    }

    @Test
    void theComplianceOfficerSeesAVerifiedAuditChain() {
      kassa.createAndPaySession(); // at least one payment's events on the chain
      KassaServer.SignedIn officer = kassa.signIn(KassaServer.OFFICER_USER);

      // The login lands on the audit trail.
      PageClient.Page audit = officer.landing();
      assertThat(audit.status()).isEqualTo(200);
      Element status = audit.document().getElementById("chain-status");
      assertThat(status).as("chain status on:\n%s", audit.document().text()).isNotNull();
      Matcher verified =
          Pattern.compile("Hash chain verified: all (\\d+) events are intact\\.")
              .matcher(status.text());
      assertThat(verified.find()).as(status.text()).isTrue();
      assertThat(Integer.parseInt(verified.group(1))).isPositive();
      assertThat(audit.document().select(".audit-action").eachText()).contains("payment.captured");

      assertThat(officer.browser().get(kassa.uri("console/payments")).status()).isEqualTo(403);
    }
  }
}
