package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SEPA credit transfers over HTTP: the hosted page (as a shopper without JavaScript), the
 * transfer's page, and credits the sandbox bank reports by signed callback (exact, short then
 * topped up, over, unknown reference, the same credit twice). Expiry and the payer's IBAN at rest:
 * {@code container.PresentmentAndTransferIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BankTransferIT {

  private static final String SANDBOX_SECRET = "whsec_kassa_sandbox";
  private static final String PAYER_IBAN = "DE89 3704 0044 0532 0130 00";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war();
  }

  @ArquillianResource private URL base;

  private ApiClient api() {
    return new ApiClient(base, KassaDeployment.DEMO_API_KEY);
  }

  /** A pending transfer as the shopper starts it: the payment id and the reference shown. */
  private record Started(
      String sessionId, String paymentId, String reference, PageClient.Page page) {}

  private Started start(long amount, String payerIban) {
    return start(amount, payerIban, "ann@example.com");
  }

  private Started start(long amount, String payerIban, String email) {
    String json =
        ApiClient.sessionJson(amount, "EUR", "en")
            .replace(
                "}],",
                "}],\"payment_method_types\":[\"card\",\"sepa_credit_transfer\"],"
                    + "\"customer_country\":\"DE\",");
    ApiClient.Answer created = api().post("api/v1/checkout-sessions", json, null);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    URI url = URI.create(created.json().getString("url"));
    PageClient browser = new PageClient("en");
    PageClient.Page page = browser.get(url);
    assertThat(page.document().select("input[type=radio][name=method]").eachAttr("value"))
        .contains("sepa_credit_transfer");
    // Without the script every method's fields show: the card's must not stop a transfer's form.
    assertThat(page.document().select("#method-card [required]")).isEmpty();
    assertThat(page.document().select("#method-card [aria-required=true]")).hasSize(5);
    PageClient.Page answer =
        browser.submit(
            url,
            page,
            "pay",
            Map.of(
                "email", email,
                "method", "sepa_credit_transfer",
                "sepa-name", "Ann Example",
                "sepa-iban", payerIban,
                "pay-button", "x"));
    assertThat(answer.location()).as(answer.document().text()).contains("/transfer/pay_");
    PageClient.Page details = browser.get(URI.create(base.toString()).resolve(answer.location()));
    String paymentId = answer.location().replaceFirst(".*/transfer/", "").replaceFirst("\\?.*", "");
    String reference = details.document().select("#transfer-reference").text().replace(" ", "");
    return new Started(created.json().getString("id"), paymentId, reference, details);
  }

  private ApiClient.Answer credit(String creditId, long amount, String reference, String iban)
      throws Exception {
    String event =
        "{\"id\":\"evt_"
            + UUID.randomUUID()
            + "\",\"type\":\"bank.credit\",\"created\":"
            + Instant.now().getEpochSecond()
            + ",\"data\":{\"credit_id\":\""
            + creditId
            + "\",\"amount\":"
            + amount
            + ",\"currency\":\"EUR\",\"reference\":\""
            + reference
            + "\""
            + (iban == null ? "" : ",\"payer_iban\":\"" + iban + "\"")
            + "}}";
    return post(event);
  }

  private ApiClient.Answer post(String event) throws Exception {
    ApiClient.Answer answer =
        api().postUnauthenticated("hooks/sandbox", event, signed(event, SANDBOX_SECRET));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private JsonObject transfer(String paymentId) {
    ApiClient.Answer answer = api().get("api/v1/bank-transfers/" + paymentId);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  /** The transfer's page as a shopper reading {@code language} sees it. */
  private org.jsoup.nodes.Document transferPage(String paymentId, String language) {
    return new PageClient(language)
        .get(URI.create(base + "transfer/" + paymentId + "?lang=" + language))
        .document();
  }

  private String status(String paymentId) {
    return api().get("api/v1/payments/" + paymentId).json().getString("status");
  }

  @Test
  void thePageShowsWhatToTransferAndAnExactCreditCapturesOnce() throws Exception {
    Started started = start(4999, PAYER_IBAN);
    var page = started.page().document();
    assertThat(page.select("#transfer-iban").text()).isEqualTo("DE89 3704 0044 0532 0130 00");
    assertThat(page.select("#transfer-bic").text()).isEqualTo("COBADEFFXXX");
    assertThat(page.select("#transfer-holder").text()).isEqualTo("Kassa Demo Shop");
    assertThat(page.select("#transfer-amount").text()).isEqualTo("€49.99");
    assertThat(started.reference()).matches("RF[0-9]{2}[A-Z0-9]{16}");
    assertThat(page.select("#transfer-next").text()).contains("reserved");
    assertThat(status(started.paymentId())).isEqualTo("requires_action");
    assertThat(transfer(started.paymentId()).getString("state")).isEqualTo("awaiting");

    // The payer types the reference in the paper form, spaces and all.
    String grouped = page.select("#transfer-reference").text();
    String creditId = "crd_" + UUID.randomUUID();
    ApiClient.Answer first = credit(creditId, 4999, grouped.toLowerCase(), null);
    assertThat(first.body()).contains("applied");
    assertThat(status(started.paymentId())).isEqualTo("captured");
    JsonObject paid = transfer(started.paymentId());
    assertThat(paid.getString("state")).isEqualTo("paid");
    assertThat(paid.getInt("amount_received")).isEqualTo(4999);
    assertThat(paid.getInt("amount_to_refund")).isZero();

    // The same credit again, under another event id: nothing changes (invariant 7).
    ApiClient.Answer again = credit(creditId, 4999, grouped, null);
    assertThat(again.body()).contains("no_change");
    JsonObject after = transfer(started.paymentId());
    assertThat(after.getJsonArray("credits")).hasSize(1);
    assertThat(after.getInt("amount_to_refund")).isZero();
    assertThat(
            api().get("api/v1/checkout-sessions/" + started.sessionId()).json().getString("status"))
        .isEqualTo("complete");
  }

  @Test
  void theSameCallbackTwiceIsADuplicate() throws Exception {
    Started started = start(1200, "");
    String event =
        "{\"id\":\"evt_"
            + UUID.randomUUID()
            + "\",\"type\":\"bank.credit\",\"created\":"
            + Instant.now().getEpochSecond()
            + ",\"data\":{\"credit_id\":\"crd_"
            + UUID.randomUUID()
            + "\",\"amount\":500,\"currency\":\"EUR\",\"reference\":\""
            + started.reference()
            + "\"}}";
    assertThat(post(event).body()).contains("applied");
    assertThat(post(event).body()).contains("duplicate");
    assertThat(transfer(started.paymentId()).getInt("amount_received")).isEqualTo(500);
  }

  @Test
  void aShortCreditWaitsShowsWhatIsMissingAndATopUpCompletesIt() throws Exception {
    Started started = start(4999, "");
    credit("crd_" + UUID.randomUUID(), 3000, started.reference(), null);

    assertThat(status(started.paymentId())).isEqualTo("requires_action");
    JsonObject partial = transfer(started.paymentId());
    assertThat(partial.getInt("amount_received")).isEqualTo(3000);
    assertThat(partial.getInt("amount_remaining")).isEqualTo(1999);
    var page = transferPage(started.paymentId(), "en");
    assertThat(page.select("#transfer-shortfall").text()).contains("€30.00").contains("€19.99");
    assertThat(page.select("#transfer-amount").text()).isEqualTo("€19.99");

    credit("crd_" + UUID.randomUUID(), 1999, started.reference(), null);
    assertThat(status(started.paymentId())).isEqualTo("captured");
    assertThat(transfer(started.paymentId()).getInt("amount_remaining")).isZero();
  }

  @Test
  void anOverpaymentCapturesTheAmountDueAndKeepsTheExcessForTheShoppersIban() throws Exception {
    // Another IBAN than the shop's own (the demo account), so that a scan finds only the payer's.
    Started started =
        start(4999, "GB82 WEST 1234 5698 7654 32", "over-" + UUID.randomUUID() + "@example.com");
    credit("crd_" + UUID.randomUUID(), 6000, started.reference(), "GB82WEST12345698765432");

    assertThat(status(started.paymentId())).isEqualTo("captured");
    assertThat(api().get("api/v1/payments/" + started.paymentId()).json().getInt("amount_captured"))
        .isEqualTo(4999);
    JsonObject over = transfer(started.paymentId());
    assertThat(over.getInt("amount_to_refund")).isEqualTo(1001);
    assertThat(over.getString("payer_iban")).isEqualTo("GB••5432");
    assertThat(over.getJsonArray("credits").getJsonObject(0).getString("outcome"))
        .isEqualTo("overpaid");
    var page = transferPage(started.paymentId(), "en");
    assertThat(page.select("#transfer-excess").text()).contains("€10.01");
    JsonObject event = event("bank_transfer.overpaid", started.paymentId());
    assertThat(event.getJsonObject("data").getJsonObject("object").getInt("amount_to_refund"))
        .isEqualTo(1001);
  }

  private ApiClient compliance() {
    return new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
  }

  /** A transfer the gate holds for review: a single payment at the large-amount threshold. */
  private Started heldTransfer() {
    Started started = start(1_000_000, "", "held-" + UUID.randomUUID() + "@example.com");
    JsonObject payment = api().get("api/v1/payments/" + started.paymentId()).json();
    assertThat(payment.getString("review_case", null)).as(payment.toString()).startsWith("case_");
    return started;
  }

  private JsonObject event(String type, String paymentId) {
    var recent = api().get("api/v1/events?limit=100").json().getJsonArray("data");
    return recent.getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getString("type").equals(type))
        .filter(e -> e.getJsonObject("data").getJsonObject("object").toString().contains(paymentId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " event for " + paymentId));
  }

  @Test
  void aHeldTransfersMoneyWaitsForTheOfficerAndIsCapturedWhenTheCaseIsCleared() throws Exception {
    Started started = heldTransfer();
    String caseId =
        api().get("api/v1/payments/" + started.paymentId()).json().getString("review_case");

    credit("crd_" + UUID.randomUUID(), 1_000_000, started.reference(), null);

    // The money is in, but the merchant is not told it is theirs before the officer decides.
    JsonObject held = api().get("api/v1/payments/" + started.paymentId()).json();
    assertThat(held.getString("status")).isEqualTo("authorized");
    assertThat(held.getInt("amount_captured")).isZero();
    assertThat(transfer(started.paymentId()).getString("state")).isEqualTo("paid");
    ApiClient.Answer early =
        api().post("api/v1/payments/" + started.paymentId() + "/capture", "{}", null);
    assertThat(early.status()).as(early.body()).isEqualTo(409);
    assertThat(early.body()).contains("payment-held-for-review");
    // The shopper reads that the money arrived, and nothing of a review (no tipping-off).
    var page = transferPage(started.paymentId(), "en");
    assertThat(page.select("#transfer-paid")).hasSize(1);
    assertThat(page.text().toLowerCase(java.util.Locale.ROOT)).doesNotContain("review");

    ApiClient.Answer cleared =
        compliance().post("api/v1/compliance/cases/" + caseId + "/clear", "", null);
    assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
    JsonObject captured = api().get("api/v1/payments/" + started.paymentId()).json();
    assertThat(captured.getString("status")).isEqualTo("captured");
    assertThat(captured.getInt("amount_captured")).isEqualTo(1_000_000);
  }

  @Test
  void aHeldTransferConfirmedByTheOfficerIsCanceledAndAllThatArrivedIsKeptToRefund()
      throws Exception {
    Started started = heldTransfer();
    String caseId =
        api().get("api/v1/payments/" + started.paymentId()).json().getString("review_case");
    credit("crd_" + UUID.randomUUID(), 1_000_000, started.reference(), "DE89370400440532013000");
    assertThat(status(started.paymentId())).isEqualTo("authorized");

    ApiClient.Answer confirmed =
        compliance().post("api/v1/compliance/cases/" + caseId + "/confirm", "", null);
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

    assertThat(status(started.paymentId())).isEqualTo("canceled");
    JsonObject canceled = transfer(started.paymentId());
    assertThat(canceled.getString("state")).isEqualTo("canceled");
    assertThat(canceled.getInt("amount_received")).isZero();
    assertThat(canceled.getInt("amount_to_refund")).isEqualTo(1_000_000);
    assertThat(
            event("bank_transfer.canceled_with_credit", started.paymentId())
                .getJsonObject("data")
                .getJsonObject("object")
                .getInt("amount_to_refund"))
        .isEqualTo(1_000_000);
    var page = transferPage(started.paymentId(), "de");
    assertThat(page.select("#transfer-canceled h1").text()).isEqualTo("Überweisung storniert");
    assertThat(page.select("#transfer-returned").text()).contains("10.000,00");
  }

  @Test
  void theMerchantCancelsAnAwaitedTransferAndALaterCreditIsAllToRefund() throws Exception {
    Started started = start(2500, "");
    ApiClient.Answer cancel =
        api().post("api/v1/payments/" + started.paymentId() + "/cancel", "{}", null);
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
    assertThat(cancel.json().getString("status")).isEqualTo("canceled");
    assertThat(transfer(started.paymentId()).getString("state")).isEqualTo("canceled");

    credit("crd_" + UUID.randomUUID(), 2500, started.reference(), null);

    assertThat(status(started.paymentId())).isEqualTo("canceled");
    JsonObject late = transfer(started.paymentId());
    assertThat(late.getInt("amount_to_refund")).isEqualTo(2500);
    assertThat(late.getJsonArray("credits").getJsonObject(0).getString("outcome"))
        .isEqualTo("late");
    var page = transferPage(started.paymentId(), "en");
    assertThat(page.select("#transfer-canceled")).hasSize(1);
    assertThat(page.select("#transfer-reference")).isEmpty();
  }

  @Test
  void aCreditWithAnUnknownReferenceIsKeptForTheMerchant() throws Exception {
    String unknown = "RF18 5390 0754 7034";
    credit("crd_" + UUID.randomUUID(), 777, unknown, "DE89370400440532013000");

    var credits = api().get("api/v1/bank-transfers/unmatched-credits").json().getJsonArray("data");
    JsonObject kept =
        credits.getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getInt("amount") == 777 && unknown.equals(c.getString("reference")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no unmatched credit in " + credits));
    assertThat(kept.getString("outcome")).isEqualTo("unmatched");
    assertThat(kept.getInt("amount_to_refund")).isEqualTo(777);
    assertThat(kept.isNull("payment")).isTrue();
  }

  @Test
  void anInvalidIbanIsRefusedOnTheFieldInTheShoppersLanguage() {
    String json =
        ApiClient.sessionJson(1000, "EUR", "de")
            .replace("}],", "}],\"payment_method_types\":[\"sepa_credit_transfer\"],");
    ApiClient.Answer created = api().post("api/v1/checkout-sessions", json, null);
    URI url = URI.create(created.json().getString("url"));
    PageClient browser = new PageClient("de");
    PageClient.Page page = browser.get(url);
    PageClient.Page answer =
        browser.submit(
            url,
            page,
            "pay",
            Map.of(
                "email", "ann@example.com",
                "method", "sepa_credit_transfer",
                "sepa-name", "Ann Example",
                "sepa-iban", "DE88 3704 0044 0532 0130 00",
                "pay-button", "x"));
    assertThat(answer.location()).isNull();
    assertThat(answer.document().select("#sepa-iban-error").text())
        .isEqualTo("Diese IBAN ist ungültig. Prüfen Sie Ländercode, Länge und Ziffern.");
    assertThat(
            api()
                .get("api/v1/checkout-sessions/" + created.json().getString("id"))
                .json()
                .isNull("payment_id"))
        .isTrue();
  }

  private static Map<String, String> signed(String body, String secret) throws Exception {
    long t = Instant.now().getEpochSecond();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] sig = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte b : sig) {
      hex.append(String.format("%02x", b));
    }
    return Map.of("Content-Type", "application/json", "Sandbox-Signature", "t=" + t + ",v1=" + hex);
  }
}
