package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Year;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kassa.web.it.hooks.ExpireQuoteHook;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The hosted page in a real browser, for paying in the shopper's currency (a euro session shown in
 * Japanese pays in yen; a quote past its lock is quoted again and confirmed again) and for the card
 * brand named as the shopper types. The quote's lock is ended by a test hook deployed only here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PresentmentBrowserIT extends BrowserSuite {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war().addClass(ExpireQuoteHook.class);
  }

  @ArquillianResource private URL base;

  private void fillCard(String number, String cvc) {
    browser.findElement(By.id("cardholder")).clear();
    browser.findElement(By.id("cardholder")).sendKeys("Hanako Yamada");
    WebElement cardNumber = browser.findElement(By.id("cardnumber"));
    cardNumber.clear();
    cardNumber.sendKeys(number);
    new Select(browser.findElement(By.id("expmonth"))).selectByValue("12");
    new Select(browser.findElement(By.id("expyear")))
        .selectByValue(Integer.toString(Year.now().getValue() + 2));
    browser.findElement(By.id("cvc")).sendKeys(cvc);
  }

  private WebElement radio(String value) {
    return browser.findElement(
        By.cssSelector("#presentment input[type=radio][value='" + value + "']"));
  }

  private void expireQuote(String quoteId) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base.toString() + "test-hooks/expire-quote?id=" + quoteId))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(204);
  }

  @Test
  void aEuroSessionShownInJapanesePaysInYenAndAnExpiredQuoteIsConfirmedAgain() throws Exception {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(2500, "EUR", "ja");
    browser.get(session.getString("url"));

    // the choice: a labelled radio group, the session's currency first and chosen
    WebElement offer = browser.findElement(By.id("presentment"));
    assertThat(offer.findElement(By.tagName("legend")).getText()).isEqualTo("支払い通貨");
    List<WebElement> labels = offer.findElements(By.cssSelector("label"));
    assertThat(labels).hasSize(2);
    assertThat(labels.get(0).getText()).startsWith("€25.00");
    // 25.00 EUR at the bundled 171.94 = 4298.5 yen, half-even once: 4298, no decimals
    assertThat(labels.get(1).getText()).startsWith("￥4,298").contains("日本円");
    for (WebElement label : labels) {
      assertThat(browser.findElement(By.id(label.getAttribute("for"))).getAttribute("type"))
          .isEqualTo("radio");
    }
    assertThat(radio("session").isSelected()).isTrue();
    String terms = browser.findElement(By.id("presentment-terms")).getText();
    assertThat(terms).contains("1 EUR = 171.94 JPY").contains("ECB").contains("UTC");
    assertThat(offer.getAttribute("aria-describedby")).isEqualTo("presentment-terms");
    Axe.assertNoSeriousViolations(browser, "currency choice (ja)");

    radio("presentment").click();
    assertThat(browser.findElement(By.id("pay-button")).getAttribute("value"))
        .isEqualTo("￥4,298 を支払う");

    // the lock ends before the shopper pays: nothing is charged, the page quotes again and asks
    String firstQuote = offer.getAttribute("data-quote");
    expireQuote(firstQuote);
    fillCard("4242424242424242", "123");
    browser.findElement(By.id("pay-button")).click();
    WebElement warning =
        await()
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li")));
    assertThat(warning.getText()).contains("レートの確定期限が切れた").contains("￥4,298");
    String secondQuote = browser.findElement(By.id("presentment")).getAttribute("data-quote");
    assertThat(secondQuote).startsWith("fxq_").isNotEqualTo(firstQuote);
    assertThat(radio("presentment").isSelected()).isTrue();
    assertThat(browser.findElement(By.id("pay-button")).getAttribute("value"))
        .isEqualTo("￥4,298 を支払う");
    assertThat(
            api.get("api/v1/checkout-sessions/" + session.getString("id"))
                .json()
                .getString("payment_status"))
        .isNotEqualTo("paid");

    // confirmed by paying again: charged in yen, at the new quote
    fillCard("4242424242424242", "123");
    browser.findElement(By.id("pay-button")).click();
    await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result h1")));
    String receipt = browser.findElement(By.id("presentment-receipt")).getText();
    assertThat(receipt).contains("￥4,298").contains("€25.00").contains("171.94");

    String paymentId =
        api.get("api/v1/payments?limit=1")
            .json()
            .getJsonArray("data")
            .getJsonObject(0)
            .getString("id");
    JsonObject payment = api.get("api/v1/payments/" + paymentId).json();
    assertThat(payment.getString("checkout_session")).isEqualTo(session.getString("id"));
    assertThat(payment.getInt("amount")).isEqualTo(2500);
    assertThat(payment.getString("currency")).isEqualTo("EUR");
    JsonObject presented = payment.getJsonObject("presentment");
    assertThat(presented.getInt("amount")).isEqualTo(4298);
    assertThat(presented.getString("currency")).isEqualTo("JPY");
    assertThat(presented.getString("exchange_rate")).isEqualTo("171.94");
    assertThat(presented.getString("rates_date")).isEqualTo("2024-06-28");
    assertThat(presented.getString("fx_quote")).isEqualTo(secondQuote);
  }

  @Test
  void theBinRangesAreServedOnceForAllPagesAndCached() throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base.toString() + "checkout/card-brands.json"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Cache-Control")).contains("public, max-age=86400");
    assertThat(answer.body()).contains("\"american-express\":{\"name\":\"American Express\"");
    String etag = answer.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base.toString() + "checkout/card-brands.json"))
                    .header("If-None-Match", etag)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void theCardBrandIsNamedAsTheShopperTypesAndTheCodeFollowsIt() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(1000, "EUR", "en");
    browser.get(session.getString("url"));

    WebElement number = browser.findElement(By.id("cardnumber"));
    WebElement brand = browser.findElement(By.id("card-brand"));
    WebElement cvc = browser.findElement(By.id("cvc"));
    number.sendKeys("3782");
    await().until(d -> brand.getText().equals("American Express"));
    assertThat(cvc.getAttribute("maxlength")).isEqualTo("4");
    assertThat(cvc.getAttribute("pattern")).isEqualTo("[0-9]{4}");

    number.clear();
    number.sendKeys("4242 42");
    await().until(d -> brand.getText().equals("Visa"));
    assertThat(cvc.getAttribute("maxlength")).isEqualTo("3");

    // the longest prefix wins: 650052 is Troy, inside Discover's 65
    number.clear();
    number.sendKeys("6500 52");
    await().until(d -> brand.getText().equals("Troy"));
    number.clear();
    number.sendKeys("6599");
    await().until(d -> brand.getText().equals("Discover"));

    number.clear();
    number.sendKeys("1");
    await().until(d -> brand.getText().isEmpty());
  }
}
