package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Payment methods over HTTP: what a merchant may offer on a session (the API's field, its defaults
 * and refusals), what the hosted page shows of it, and each wallet's server flow on the sandbox, as
 * a shopper without JavaScript goes through it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentMethodsIT {

  private static final String SESSIONS = "api/v1/checkout-sessions";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war();
  }

  @ArquillianResource private URL base;

  private ApiClient api() {
    return new ApiClient(base, KassaDeployment.DEMO_API_KEY);
  }

  /** A session's JSON with extra fields, e.g. {@code "payment_method_types":["card"]}. */
  static String sessionJson(long amount, String currency, String locale, String extra) {
    String json = ApiClient.sessionJson(amount, currency, locale);
    return extra.isEmpty() ? json : json.replace("}],", "}]," + extra + ",");
  }

  private JsonObject session(long amount, String currency, String locale, String extra) {
    ApiClient.Answer answer =
        api().post(SESSIONS, sessionJson(amount, currency, locale, extra), null);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  private static List<String> methods(JsonObject session) {
    return session.getJsonArray("payment_method_types").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  @Test
  void withoutAListASessionOffersEveryMethodItsCurrencyAllows() {
    JsonObject eur = session(2500, "EUR", "en", "");
    JsonObject kwd = session(2500, "KWD", "en", "");

    assertThat(methods(eur))
        .containsExactly("card", "paypal", "alipay", "wechat_pay", "sepa_credit_transfer");
    assertThat(methods(kwd)).containsExactly("card");
    assertThat(eur.isNull("customer_country")).isTrue();
    JsonObject readBack = api().get(SESSIONS + "/" + eur.getString("id")).json();
    assertThat(methods(readBack))
        .containsExactly("card", "paypal", "alipay", "wechat_pay", "sepa_credit_transfer");
  }

  @Test
  void theMerchantsListAndCountryAreStoredInItsOrder() {
    JsonObject session =
        session(
            500,
            "JPY",
            "ja",
            "\"payment_method_types\":[\"wechat_pay\",\"card\"],\"customer_country\":\"HK\"");

    JsonObject readBack = api().get(SESSIONS + "/" + session.getString("id")).json();
    assertThat(methods(readBack)).containsExactly("wechat_pay", "card");
    assertThat(readBack.getString("customer_country")).isEqualTo("HK");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown type            | EUR | \"payment_method_types\":[\"card\",\"bitcoin\"] | payment_method_types",
        "upper-case type         | EUR | \"payment_method_types\":[\"CARD\"]             | payment_method_types",
        "type the currency never | KWD | \"payment_method_types\":[\"card\",\"paypal\"]  | payment_method_types",
        "QR wallet in BRL        | BRL | \"payment_method_types\":[\"alipay\"]           | payment_method_types",
        "empty list              | EUR | \"payment_method_types\":[]                     | payment_method_types",
        "not a list              | EUR | \"payment_method_types\":\"card\"               | payment_method_types",
        "not a country           | EUR | \"customer_country\":\"XX\"                     | customer_country",
        "lower-case country      | EUR | \"customer_country\":\"de\"                     | customer_country",
      })
  void refusesABadMethodListWithAProblemNamingTheField(
      String what, String currency, String extra, String field) {
    ApiClient.Answer answer = api().post(SESSIONS, sessionJson(1000, currency, "en", extra), null);

    assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().getJsonObject("errors").keySet()).as(answer.body()).contains(field);
    assertThat(answer.body()).doesNotContain("Exception");
  }

  @Test
  void thePageOffersTheSessionsMethodsThatTheShoppersCountryAllowsCardFirst() {
    JsonObject germany = session(2500, "EUR", "de", "\"customer_country\":\"DE\"");
    PageClient.Page page = new PageClient("de").get(URI.create(germany.getString("url")));

    assertThat(page.document().select("#methods legend").text()).isEqualTo("Zahlungsart");
    assertThat(page.document().select("input[type=radio][name=method]").eachAttr("value"))
        .containsExactly("card", "paypal", "sepa_credit_transfer");
    Element checked = page.document().selectFirst("input[type=radio][name=method][checked]");
    assertThat(checked).isNotNull();
    assertThat(checked.val()).isEqualTo("card");
    assertThat(page.document().select(".method-fields").eachAttr("data-method"))
        .containsExactly("card", "paypal", "sepa_credit_transfer");
    assertThat(page.document().select("label[for=" + checked.id() + "]").text()).isEqualTo("Karte");

    // zh-CN's region is the shopper's country when the merchant gives none: the QR wallets show.
    JsonObject china = session(2500, "CNY", "zh-CN", "");
    PageClient.Page zh = new PageClient("zh-CN").get(URI.create(china.getString("url")));
    assertThat(zh.document().select("input[type=radio][name=method]").eachAttr("value"))
        .containsExactly("card", "paypal", "alipay", "wechat_pay");
    assertThat(zh.document().select("#method-wechat_pay legend").text()).isEqualTo("微信支付");
  }

  @Test
  void aCardOnlySessionShowsNoPickerAndPaysByCardAsBefore() {
    JsonObject session = session(1500, "EUR", "en", "\"payment_method_types\":[\"card\"]");
    URI url = URI.create(session.getString("url"));
    PageClient browser = new PageClient("en");
    PageClient.Page page = browser.get(url);

    assertThat(page.document().select("#methods")).isEmpty();
    assertThat(page.document().select("#cardnumber")).isNotEmpty();
    PageClient.Page result =
        browser.submit(
            url, page, "pay", MerchantApiIT.HostedPageForms.card("4242424242424242", "123"));
    assertThat(result.document().select("#result h1").text()).isEqualTo("Payment successful");
  }

  @Test
  void aWalletTheSessionDoesNotOfferIsRefusedAndChargesNothing() {
    JsonObject session =
        session(1500, "EUR", "en", "\"payment_method_types\":[\"card\",\"alipay\"]");
    URI url = URI.create(session.getString("url"));
    PageClient browser = new PageClient("en");
    PageClient.Page page = browser.get(url);

    PageClient.Page answer =
        browser.submit(
            url,
            page,
            "pay",
            java.util.Map.of(
                "email",
                "ann@example.com",
                "method",
                "paypal",
                "paypal-name",
                "Ann Example",
                "pay-button",
                "x"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(api().get(SESSIONS + "/" + session.getString("id")).json().isNull("payment_id"))
        .isTrue();
  }

  // --- Each wallet's server flow on the sandbox ------------------------------------------------

  private static java.util.Map<String, String> walletForm(String method, String name) {
    return java.util.Map.of(
        "email", "ann@example.com", "method", method, method + "-name", name, "pay-button", "x");
  }

  private JsonObject paymentOf(JsonObject session) {
    return api().latestPaymentOfSession(session.getString("id"));
  }

  /** Waits, at most 15 seconds, for something the sandbox does a moment later (its callback). */
  private static void until(String what, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
    while (!done.getAsBoolean()) {
      if (java.time.Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited 15 s for " + what);
      }
      Thread.sleep(100);
    }
  }

  @Test
  void payPalApprovedInTheSandboxWalletCapturesAndItsCallbackSettlesItToo() throws Exception {
    JsonObject session =
        session(2500, "EUR", "en", "\"payment_method_types\":[\"card\",\"paypal\"]");
    URI url = URI.create(session.getString("url"));
    PageClient browser = new PageClient("en");

    PageClient.Page sent =
        browser.submit(url, browser.get(url), "pay", walletForm("paypal", "Ann Example"));

    assertThat(sent.status()).isEqualTo(302);
    assertThat(sent.location()).contains("/sandbox/wallet/pay_").endsWith("lang=en");
    JsonObject waiting = paymentOf(session);
    assertThat(waiting.getString("status")).isEqualTo("requires_action");
    assertThat(waiting.getString("payment_method_type")).isEqualTo("paypal");
    URI walletPage = url.resolve(sent.location());
    PageClient.Page wallet = browser.get(walletPage);
    assertThat(wallet.document().select("#wallet-amount").text()).contains("€25.00");

    PageClient.Page back =
        browser.submit(walletPage, wallet, "wallet-form", java.util.Map.of("wallet-approve", "x"));

    // The sandbox's signed callback settles the payment without the page asking the gateway.
    until(
        "the sandbox's callback",
        () ->
            "captured"
                .equals(
                    api()
                        .get("api/v1/payments/" + waiting.getString("id"))
                        .json()
                        .getString("status")));
    assertThat(back.status()).isEqualTo(302);
    PageClient.Page result = browser.get(url.resolve(back.location()));
    assertThat(result.document().select("#result h1").text()).isEqualTo("Payment successful");
    assertThat(api().get(SESSIONS + "/" + session.getString("id")).json().getString("status"))
        .isEqualTo("complete");
    // Answered: the wallet page has nothing left to approve.
    assertThat(browser.get(walletPage).document().select("#no-wallet")).isNotEmpty();
  }

  @Test
  void payPalCanceledInTheWalletChargesNothingAndTheShopperMayPayAgain() {
    JsonObject session =
        session(2500, "EUR", "en", "\"payment_method_types\":[\"paypal\",\"card\"]");
    URI url = URI.create(session.getString("url"));
    PageClient browser = new PageClient("en");
    PageClient.Page first = browser.get(url);
    // The merchant listed PayPal first, yet the card is chosen first.
    assertThat(first.document().select("input[name=method][checked]").val()).isEqualTo("card");
    PageClient.Page sent = browser.submit(url, first, "pay", walletForm("paypal", "Ann Example"));
    URI walletPage = url.resolve(sent.location());

    PageClient.Page back =
        browser.submit(
            walletPage,
            browser.get(walletPage),
            "wallet-form",
            java.util.Map.of("wallet-cancel", "x"));
    PageClient.Page page = browser.get(url.resolve(back.location()));

    assertThat(page.document().select("ul.errors").text()).contains("The payment was canceled");
    assertThat(page.document().select("input[name=method][checked]").val()).isEqualTo("paypal");
    assertThat(paymentOf(session).getString("status")).isEqualTo("canceled");
    PageClient.Page paid =
        browser.submit(
            url, page, "pay", MerchantApiIT.HostedPageForms.card("4242424242424242", "123"));
    assertThat(paid.document().select("#result h1").text()).isEqualTo("Payment successful");
  }

  @Test
  void aQrCodeIsShownScannedAndPaidWhileThePageAsksWhereItStands() {
    JsonObject session = session(500, "JPY", "ja", "\"payment_method_types\":[\"alipay\"]");
    URI url = URI.create(session.getString("url"));
    PageClient browser = new PageClient("ja");
    PageClient.Page page = browser.get(url);
    // Only one method: no picker, its fields straight away.
    assertThat(page.document().select("#methods")).isEmpty();

    PageClient.Page qr = browser.submit(url, page, "pay", walletForm("alipay", "Li Lei"));

    assertThat(qr.status()).isEqualTo(200);
    assertThat(qr.document().select("#qr svg path").attr("d")).startsWith("M");
    assertThat(qr.document().select("#qr-announce").attr("aria-live")).isEqualTo("polite");
    assertThat(qr.document().select("#qr-timer").text()).matches(".*[45]:[0-5][0-9].*");
    String link = qr.document().select("#qr-link").attr("href");
    assertThat(link).startsWith("http").contains("/sandbox/qr/pay_");
    URI status = url.resolve(qr.document().select("#qr").attr("data-status-url"));
    assertThat(browser.get(status).body()).contains("\"pending\":true");
    // Without the script nothing polls: the check link (a reload) shows the same code, not the
    // form.
    URI check = url.resolve(qr.document().select("noscript #qr-check").attr("href"));
    assertThat(check.getPath()).isEqualTo(url.getPath());
    assertThat(browser.get(check).document().select("#qr-link").attr("href")).isEqualTo(link);

    PageClient phone = new PageClient("ja");
    URI scan = URI.create(link);
    PageClient.Page scanned =
        phone.submit(scan, phone.get(scan), "wallet-form", java.util.Map.of("wallet-approve", "x"));

    assertThat(scanned.document().select("#wallet-outcome h1").text()).isEqualTo("支払い済み");
    assertThat(browser.get(status).body())
        .contains("\"payment_status\":\"captured\"")
        .contains("\"pending\":false");
    assertThat(browser.get(check).document().select("#result h1").text()).isEqualTo("お支払いが完了しました");
  }

  @Test
  void aDeclinedOrExpiredQrCodeFailsWithItsReasonAndANewCodeCanBeHad() {
    JsonObject session = session(8800, "CNY", "zh-CN", "");
    URI url = URI.create(session.getString("url"));
    PageClient browser = new PageClient("zh-CN");
    PageClient.Page qr =
        browser.submit(url, browser.get(url), "pay", walletForm("wechat_pay", "李雷"));
    URI scan = URI.create(qr.document().select("#qr-link").attr("href"));
    PageClient phone = new PageClient("zh-CN");

    phone.submit(scan, phone.get(scan), "wallet-form", java.util.Map.of("wallet-cancel", "x"));

    PageClient.Page declined = browser.get(url);
    assertThat(declined.document().select("ul.errors").text()).contains("付款在您的钱包中被拒绝");
    assertThat(paymentOf(session).getString("decline_code")).isEqualTo("wallet_declined");

    PageClient.Page second = browser.submit(url, declined, "pay", walletForm("wechat_pay", "李雷"));
    URI secondScan = URI.create(second.document().select("#qr-link").attr("href"));
    assertThat(secondScan).isNotEqualTo(scan);
    phone.submit(
        secondScan, phone.get(secondScan), "wallet-form", java.util.Map.of("wallet-expire", "x"));

    PageClient.Page expired = browser.get(url);
    assertThat(expired.document().select("ul.errors").text()).contains("二维码在付款前已过期");
    assertThat(expired.document().select("input[name=method][checked]").val())
        .isEqualTo("wechat_pay");
    assertThat(paymentOf(session).getString("decline_code")).isEqualTo("qr_code_expired");
    assertThat(api().get(SESSIONS + "/" + session.getString("id")).json().getString("status"))
        .isEqualTo("open");
  }
}
