package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * WCAG 2.1 AA on the hosted page: axe-core finds no serious or critical violation on any step a
 * shopper can reach (card form, its errors, a decline, the 3-D Secure challenge, the identity step,
 * the result, the pages for a paid or unknown link), in a left-to-right and a right-to-left
 * language; focus goes where the step's news is; and a shopper pays with the keyboard alone. The
 * payment help too: a shopper reading Japanese opens it from the page, reports a problem, sees the
 * confirmation in Japanese, and goes back to pay.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityBrowserIT extends BrowserSuite {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war();
  }

  @ArquillianResource private URL base;

  private void check(String step) {
    Axe.assertNoSeriousViolations(browser, step);
  }

  /** The element that has the keyboard focus, as an id or, without one, its tag and text. */
  private String focused() {
    WebElement active = browser.switchTo().activeElement();
    String id = active.getAttribute("id");
    return id == null || id.isEmpty() ? active.getTagName() + ":" + active.getText() : id;
  }

  private void fillCard(String number, String cvc) {
    browser.findElement(By.id("cardholder")).clear();
    browser.findElement(By.id("cardholder")).sendKeys("Ada Lovelace");
    browser.findElement(By.id("cardnumber")).clear();
    browser.findElement(By.id("cardnumber")).sendKeys(number);
    new Select(browser.findElement(By.id("expmonth"))).selectByValue("12");
    new Select(browser.findElement(By.id("expyear")))
        .selectByValue(Integer.toString(Year.now().getValue() + 2));
    browser.findElement(By.id("cvc")).sendKeys(cvc);
  }

  private WebElement visible(By by) {
    return await().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  @Test
  void everyStepOfACardPaymentPassesAxeAndFocusFollowsTheNews() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(2500, "EUR", "en");
    browser.get(session.getString("url"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    check("card form");

    // Past the browser's own checks (required, pattern), the server's: a summary of the errors,
    // focused, each linking to its field.
    fillCard("4242 4242 4242 4241", "123");
    browser.findElement(By.id("cardholder")).clear();
    browser.findElement(By.id("cardholder")).sendKeys("   ");
    browser.findElement(By.id("pay-button")).click();
    WebElement summary = visible(By.id("error-summary"));
    assertThat(focused()).isEqualTo("error-summary");
    assertThat(summary.findElements(By.cssSelector("a")))
        .extracting(a -> a.getAttribute("hash"))
        .startsWith("#cardholder", "#cardnumber");
    assertThat(browser.findElement(By.id("cardholder")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.id("cardholder")).getAttribute("aria-describedby"))
        .contains("cardholder-error");
    assertThat(browser.findElement(By.id("cardholder-error")).getText())
        .isEqualTo(summary.findElement(By.cssSelector("a")).getText());
    check("card form with errors");

    // A decline: the reason, focused.
    fillCard("4000 0000 0000 0002", "123");
    browser.findElement(By.id("pay-button")).click();
    visible(By.cssSelector("ul.errors li"));
    assertThat(focused()).isEqualTo("messages");
    assertThat(browser.findElement(By.id("cardholder")).getAttribute("aria-invalid"))
        .isEqualTo("false");
    check("card declined");

    // 3-D Secure: the challenge page, failed once, then passed.
    fillCard("4000 0027 6000 3184", "123");
    browser.findElement(By.id("pay-button")).click();
    visible(By.id("challenge-fail"));
    check("3-D Secure challenge");
    browser.findElement(By.id("challenge-fail")).click();
    visible(By.cssSelector("ul.errors li"));
    assertThat(focused()).isEqualTo("messages");
    check("3-D Secure failed");

    // Paid, with a consent given: the result, its heading focused, and the consents to withdraw.
    fillCard("4000 0027 6000 3184", "123");
    List<WebElement> optional = browser.findElements(By.cssSelector("input[data-purpose]"));
    assertThat(optional).isNotEmpty();
    optional.get(0).click();
    browser.findElement(By.id("pay-button")).click();
    visible(By.id("challenge-pass")).click();
    WebElement heading = visible(By.cssSelector("#result h1"));
    assertThat(heading.getText()).isEqualTo("Payment successful");
    assertFocusOn(heading);
    check("result: success, with consents given");

    browser.manage().deleteAllCookies(); // another browser: the one that paid sees its result
    browser.get(session.getString("url"));
    visible(By.cssSelector("#already-paid h1"));
    assertFocusOn(browser.findElement(By.cssSelector("#already-paid h1")));
    check("link of a paid session");
  }

  @Test
  void theRightToLeftAndJapanesePagesPassAxe() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(1500, "EUR", "en");
    browser.get(session.getString("url") + "?lang=ar");
    WebElement html = browser.findElement(By.tagName("html"));
    assertThat(html.getAttribute("lang")).isEqualTo("ar");
    assertThat(html.getAttribute("dir")).isEqualTo("rtl");
    check("card form, Arabic");
    fillCard("4242 4242 4242 4241", "123");
    browser.findElement(By.id("pay-button")).click();
    visible(By.id("error-summary"));
    check("card form with errors, Arabic");

    // A payer who has granted nothing (consents are kept per payer, across sessions).
    JsonObject yen =
        api.post(
                "api/v1/checkout-sessions",
                ApiClient.sessionJson(12345, "JPY", "ja")
                    .replace(
                        "ann@example.com", "a11y-" + java.util.UUID.randomUUID() + "@example.org"),
                null)
            .json();
    browser.get(yen.getString("url"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    check("card form, Japanese");

    // Paid without a consent to withdraw: the page returns to the shop by itself, unless the
    // shopper stays, which the keyboard reaches right after the heading.
    fillCard("4242 4242 4242 4242", "123");
    browser.findElement(By.id("pay-button")).click();
    WebElement heading = visible(By.cssSelector("#result h1"));
    assertFocusOn(heading);
    assertThat(browser.findElement(By.id("redirecting")).isDisplayed()).isTrue();
    check("result: success, returning to the shop, Japanese");
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(focused()).isEqualTo("stay");
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    assertThat(browser.findElement(By.id("redirecting")).isDisplayed()).isFalse();
    assertThat(focused()).isEqualTo("continue");
    assertThat(browser.findElement(By.id("continue")).getAttribute("href"))
        .isEqualTo("https://shop.example/ok?session_id=" + yen.getString("id"));
  }

  @Test
  void theIdentityStepPassesAxeAndSummarizesItsErrors() {
    // The failsafe run asks for BASIC KYC from 1 000 kr; a customer no other test pays as.
    String email =
        "a11y-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    ApiClient.Answer created =
        api.post(
            "api/v1/checkout-sessions",
            ApiClient.sessionJson(150_000, "SEK", "en").replace("ann@example.com", email),
            null);
    assertThat(created.status()).isEqualTo(201);
    browser.get(created.json().getString("url"));
    WebElement heading = visible(By.cssSelector("#kyc h1"));
    assertFocusOn(heading);
    check("identity (KYC)");

    browser.findElement(By.id("kyc-name")).sendKeys("Greta Lindqvist");
    browser.findElement(By.id("kyc-line")).sendKeys("Drottninggatan 1");
    browser.findElement(By.id("kyc-postal")).sendKeys("1115");
    browser.findElement(By.id("kyc-city")).sendKeys("Stockholm");
    new Select(browser.findElement(By.id("kyc-country"))).selectByValue("SE");
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('kyc-birth').value = '2015-01-01'");
    browser.findElement(By.id("kyc-button")).click();
    WebElement summary = visible(By.id("error-summary"));
    assertThat(focused()).isEqualTo("error-summary");
    assertThat(summary.findElements(By.cssSelector("a")))
        .extracting(a -> a.getAttribute("hash"))
        .containsExactly("#kyc-birth", "#kyc-postal");
    assertThat(browser.findElement(By.id("kyc-postal")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    check("identity (KYC) with errors");
  }

  @Test
  void theOtherPagesPassAxe() {
    browser.get(base + "pay/cs_unknown?lang=en");
    visible(By.cssSelector("#not-found h1"));
    check("unknown payment link");

    browser.get(base + "sandbox/challenge/pay_unknown?lang=ar");
    visible(By.cssSelector("#no-challenge h1"));
    check("3-D Secure challenge that is not open, Arabic");

    browser.get(base + "no-such-page");
    visible(By.tagName("h1"));
    check("not found (404)");
  }

  @Test
  void aShopperPaysWithTheKeyboardAlone() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(3100, "EUR", "en");
    browser.get(session.getString("url"));

    // Tab from the top of the page to the Pay button, typing into each field on the way.
    List<String> stops = new ArrayList<>();
    String year = Integer.toString(Year.now().getValue() + 2);
    for (int i = 0; i < 40 && !"pay-button".equals(stops.isEmpty() ? "" : last(stops)); i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
      String at = focused();
      stops.add(at);
      WebElement field = browser.switchTo().activeElement();
      switch (at) {
        case "email" -> {
          field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "keyboard@example.org");
        }
        case "cardholder" -> field.sendKeys("Kim Keyboard");
        case "cardnumber" -> field.sendKeys("4242 4242 4242 4242");
        case "expmonth" -> field.sendKeys("12"); // a select picks the option typed
        case "expyear" -> field.sendKeys(year);
        case "cvc" -> field.sendKeys("123");
        default -> {
          if ("checkbox".equals(field.getAttribute("type"))) {
            field.sendKeys(Keys.SPACE); // an optional consent, ticked with the space bar
          }
        }
      }
    }
    List<String> fields = new ArrayList<>(stops);
    fields.retainAll(List.of("email", "cardholder", "cardnumber", "expmonth", "expyear", "cvc"));
    assertThat(fields)
        .as("the fields in the order the Tab key reaches them: %s", stops)
        .containsExactly("email", "cardholder", "cardnumber", "expmonth", "expyear", "cvc");
    assertThat(last(stops)).isEqualTo("pay-button");
    assertThat(stops.indexOf("pay-button")).isGreaterThan(stops.indexOf("cvc"));
    assertThat(
            new Select(browser.findElement(By.id("expmonth"))).getFirstSelectedOption().getText())
        .isEqualTo("12");
    assertThat(new Select(browser.findElement(By.id("expyear"))).getFirstSelectedOption().getText())
        .isEqualTo(year);
    List<WebElement> boxes = browser.findElements(By.cssSelector("input[data-purpose]"));
    assertThat(boxes).isNotEmpty().allMatch(WebElement::isSelected);

    // Shift+Tab goes back to the code, Tab forward again, and Enter pays.
    browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
    assertThat(focused()).isNotEqualTo("pay-button");
    for (int i = 0; i < 5 && !"pay-button".equals(focused()); i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertThat(focused()).isEqualTo("pay-button");
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);

    WebElement heading = visible(By.cssSelector("#result h1"));
    assertThat(heading.getText()).isEqualTo("Payment successful");
    assertFocusOn(heading);
    assertThat(
            api.get("api/v1/checkout-sessions/" + session.getString("id"))
                .json()
                .getString("payment_status"))
        .isEqualTo("paid");
  }

  private void assertFocusOn(WebElement expected) {
    assertThat(browser.switchTo().activeElement())
        .as("the focused element, %s", focused())
        .isEqualTo(expected);
  }

  private static String last(List<String> list) {
    return list.get(list.size() - 1);
  }

  @Test
  void aShopperReadingJapaneseReportsAProblemFromTheHelpAndGoesBackToPay() {
    JsonObject session =
        new ApiClient(base, KassaDeployment.DEMO_API_KEY).createSession(3000, "JPY", "en");
    browser.get(session.getString("url") + "?lang=ja");
    await().until(ExpectedConditions.elementToBeClickable(By.id("help-link"))).click();

    await().until(ExpectedConditions.textToBe(By.tagName("h1"), "お支払いのヘルプ"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    assertThat(browser.getCurrentUrl()).contains("/help/" + session.getString("id"));
    Axe.assertNoSeriousViolations(browser, "help page (ja)");

    browser.findElement(By.id("faq-declined")).findElement(By.tagName("summary")).click();
    assertThat(browser.findElement(By.id("faq-declined")).getText()).contains("料金は請求されていません");

    new Select(browser.findElement(By.id("report-category"))).selectByValue("payment_failed");
    browser.findElement(By.id("report-message")).sendKeys("カードが使えませんでした。");
    browser.findElement(By.id("report-contact")).sendKeys("hanako@example.jp");
    browser.findElement(By.id("report-button")).click();

    String confirmation =
        await()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("report-sent")))
            .getText();
    assertThat(confirmation).startsWith("ありがとうございます。報告 tkt_").endsWith("をショップに送信しました。");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    Axe.assertNoSeriousViolations(browser, "problem reported (ja)");

    browser.findElement(By.id("back-to-payment")).click();
    await().until(ExpectedConditions.visibilityOfElementLocated(By.id("pay-button")));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
  }
}
