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
}
