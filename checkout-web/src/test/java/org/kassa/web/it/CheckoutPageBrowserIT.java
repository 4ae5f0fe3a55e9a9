package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Year;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The hosted page in a real browser (Debian's headless Chromium): a shopper reads the order in
 * Chinese, pays with a good card, then with a declined one, sees why, and pays again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CheckoutPageBrowserIT extends BrowserSuite {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war();
  }

  @ArquillianResource private URL base;

  /** Types the card and presses Pay. */
  private void pay(String number, String cvc) {
    fillCard(number, cvc);
    browser.findElement(By.id("pay-button")).click();
  }

  /** The result page's heading, once it shows. */
  private String resultHeading() {
    return await()
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result h1")))
        .getText();
  }

  private void fillCard(String number, String cvc) {
    browser.findElement(By.id("cardholder")).clear();
    browser.findElement(By.id("cardholder")).sendKeys("Li Lei");
    WebElement cardNumber = browser.findElement(By.id("cardnumber"));
    cardNumber.clear();
    cardNumber.sendKeys(number);
    new Select(browser.findElement(By.id("expmonth"))).selectByValue("12");
    new Select(browser.findElement(By.id("expyear")))
        .selectByValue(Integer.toString(Year.now().getValue() + 2));
    browser.findElement(By.id("cvc")).sendKeys(cvc);
  }

  @Test
  void aShopperPaysInChineseThenRecoversFromADecline() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(1500, "EUR", "zh-CN");

    browser.get(session.getString("url"));

    assertThat(browser.getTitle()).isEqualTo("支付 €15.00");
    assertThat(browser.findElement(By.id("order-total")).getText()).isEqualTo("€15.00");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(browser.findElement(By.id("cardnumber")).getAttribute("autocomplete"))
        .isEqualTo("cc-number");
    assertThat(browser.findElement(By.id("cvc")).getAttribute("autocomplete")).isEqualTo("cc-csc");
    assertThat(browser.findElement(By.id("cardholder")).getAttribute("autocomplete"))
        .isEqualTo("cc-name");
    assertThat(browser.findElement(By.id("email")).getAttribute("autocomplete")).isEqualTo("email");

    fillCard("4242 4242 4242 4242", "123");
    assertThat(browser.findElement(By.id("card-brand")).getText()).isEqualTo("Visa");
    browser.findElement(By.id("pay-button")).click();

    WebElement result =
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result h1")));
    assertThat(result.getText()).isEqualTo("支付成功");
    assertThat(browser.findElement(By.id("continue")).getAttribute("href"))
        .isEqualTo("https://shop.example/ok?session_id=" + session.getString("id"));
    assertThat(
            api.get("api/v1/checkout-sessions/" + session.getString("id"))
                .json()
                .getString("payment_status"))
        .isEqualTo("paid");

    JsonObject second = api.createSession(880, "EUR", "zh-CN");
    browser.get(second.getString("url"));
    pay("4000000000000002", "123");

    WebElement error =
        await()
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul.errors li")));
    assertThat(error.getText()).contains("您的卡被拒绝");
    assertThat(browser.findElement(By.id("cardnumber")).getAttribute("value")).isEmpty();

    pay("5555555555554444", "321");
    assertThat(resultHeading()).isEqualTo("支付成功");
  }

  @Test
  void theLanguageCanBeSwitchedAndBadCardsAreExplained() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(12345, "JPY", "en");

    browser.get(session.getString("url") + "?lang=de");
    assertThat(browser.findElement(By.id("order-total")).getText().replace('\u00a0', ' '))
        .isEqualTo("12.345 ¥");
    pay("4242 4242 4242 4241", "123");

    WebElement error =
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("cardnumber-error")));
    assertThat(error.getText()).contains("Kartennummer ist ungültig");

    browser.get(session.getString("url"));
    assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Your order");
  }

  @Test
  void inArabicTheWholePageMirrorsAndTheAmountIsWrittenTheArabicWay() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(1500, "EUR", "en");

    browser.get(session.getString("url") + "?lang=ar");

    WebElement html = browser.findElement(By.tagName("html"));
    assertThat(html.getAttribute("dir")).isEqualTo("rtl");
    assertThat(html.getAttribute("lang")).isEqualTo("ar");
    assertThat(browser.findElement(By.id("order-heading")).getText()).isEqualTo("طلبك");
    assertThat(browser.findElement(By.id("order-total")).getText().replace('\u00a0', ' '))
        .isEqualTo("١٥٫٠٠ €");
    // Mirrored: the brand, first in the header, now sits at the right, the languages at the left.
    assertThat(browser.findElement(By.cssSelector(".bar .brand")).getRect().getX())
        .isGreaterThan(browser.findElement(By.cssSelector(".bar .languages")).getRect().getX());
    // A card number still reads left to right.
    assertThat(browser.findElement(By.id("cardnumber")).getCssValue("direction")).isEqualTo("ltr");
    // The switcher names every language in itself.
    assertThat(browser.findElements(By.cssSelector(".languages a")))
        .extracting(WebElement::getText)
        .contains("العربية", "日本語", "繁體中文", "Português (Brasil)", "Polski")
        .hasSize(13);

    pay("4000000000000002", "123");
    assertThat(
            await()
                .until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul.errors li")))
                .getText())
        .contains("رُفضت بطاقتك");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");

    pay("4242 4242 4242 4242", "123");
    assertThat(resultHeading()).isEqualTo("تمّ الدفع بنجاح");
  }

  @Test
  void switchingTheLanguageKeepsWhatWasTypedButNeverTheCard() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(1500, "EUR", "en");
    browser.get(session.getString("url"));
    WebElement email = browser.findElement(By.id("email"));
    email.clear();
    email.sendKeys("switcher@example.org");
    browser.findElement(By.id("cardholder")).sendKeys("Jana Nováková");
    browser.findElement(By.id("cardnumber")).sendKeys("4242 4242 4242 4242");

    switchTo("de");
    assertThat(browser.findElement(By.id("order-heading")).getText()).isEqualTo("Ihre Bestellung");
    assertThat(browser.findElement(By.id("email")).getAttribute("value"))
        .isEqualTo("switcher@example.org");
    assertThat(browser.findElement(By.id("cardholder")).getAttribute("value"))
        .isEqualTo("Jana Nováková");
    // Not validated (the card is incomplete), and the card number is not kept.
    assertThat(browser.findElements(By.cssSelector("ul.errors li"))).isEmpty();
    assertThat(browser.findElement(By.id("cardnumber")).getAttribute("value")).isEmpty();

    switchTo("ar");
    WebElement html = browser.findElement(By.tagName("html"));
    assertThat(html.getAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.findElement(By.id("order-heading")).getText()).isEqualTo("طلبك");
    assertThat(browser.findElement(By.id("order-total")).getText().replace('\u00a0', ' '))
        .isEqualTo("١٥٫٠٠ €");
    assertThat(browser.findElement(By.id("email")).getAttribute("value"))
        .isEqualTo("switcher@example.org");
    assertThat(browser.findElement(By.id("cardholder")).getAttribute("value"))
        .isEqualTo("Jana Nováková");
    assertThat(browser.findElement(By.cssSelector(".languages a.current")).getText())
        .isEqualTo("العربية");

    WebElement number = browser.findElement(By.id("cardnumber"));
    number.sendKeys("4242 4242 4242 4242");
    new Select(browser.findElement(By.id("expmonth"))).selectByValue("12");
    new Select(browser.findElement(By.id("expyear")))
        .selectByValue(Integer.toString(Year.now().getValue() + 2));
    browser.findElement(By.id("cvc")).sendKeys("123");
    browser.findElement(By.id("pay-button")).click();
    assertThat(resultHeading()).isEqualTo("تمّ الدفع بنجاح");
    assertThat(
            api.get("api/v1/checkout-sessions/" + session.getString("id"))
                .json()
                .getString("payment_status"))
        .isEqualTo("paid");
  }

  /** Clicks a language in the switcher and waits for the page to come back in it. */
  private void switchTo(String tag) {
    WebElement old = browser.findElement(By.tagName("html"));
    browser.findElement(By.cssSelector(".languages a[lang='" + tag + "']")).click();
    // The old page is gone once touching its root fails: chromedriver says so with a stale
    // element or, mid-navigation, with another inspector error; both mean the page was replaced.
    await()
        .until(
            d -> {
              try {
                old.isEnabled();
                return false;
              } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
              }
            });
    await().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", tag));
  }

  @Test
  void inJapaneseYenAreShownWithoutDecimals() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(12345, "JPY", "en");

    browser.get(session.getString("url") + "?lang=ja");

    WebElement html = browser.findElement(By.tagName("html"));
    assertThat(html.getAttribute("lang")).isEqualTo("ja");
    assertThat(html.getAttribute("dir")).isEqualTo("ltr");
    assertThat(browser.findElement(By.id("order-heading")).getText()).isEqualTo("ご注文内容");
    assertThat(browser.findElement(By.id("order-total")).getText()).isEqualTo("￥12,345");
    assertThat(browser.getTitle()).isEqualTo("￥12,345 のお支払い");
    assertThat(browser.findElement(By.id("pay-button")).getAttribute("value"))
        .isEqualTo("￥12,345 を支払う");
  }

  @Test
  void aThreeDSecureCardGoesThroughTheChallengeAndAFailedOneCanBeRetried() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(4200, "EUR", "en");

    browser.get(session.getString("url"));
    pay("4000 0027 6000 3184", "123");

    // The bank's (here the sandbox's) challenge; failing it brings the shopper back with a reason.
    await().until(ExpectedConditions.visibilityOfElementLocated(By.id("challenge-fail"))).click();
    WebElement error =
        await()
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul.errors li")));
    assertThat(error.getText()).contains("could not confirm it was you");

    pay("4000 0027 6000 3184", "123");
    await().until(ExpectedConditions.visibilityOfElementLocated(By.id("challenge-pass"))).click();
    assertThat(resultHeading()).isEqualTo("Payment successful");
    assertThat(
            api.get("api/v1/checkout-sessions/" + session.getString("id"))
                .json()
                .getString("payment_status"))
        .isEqualTo("paid");
  }

  @Test
  void theChallengeSpeaksTheLanguageTheShopperChose() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    JsonObject session = api.createSession(4300, "EUR", "en");

    browser.get(session.getString("url"));
    switchTo("de");
    pay("4000 0027 6000 3184", "123");

    WebElement pass =
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("challenge-pass")));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
    assertThat(pass.getAttribute("value")).isEqualTo("Authentifizierung abschließen");
    pass.click();
    assertThat(resultHeading()).isEqualTo("Zahlung erfolgreich");

    browser.get(base.toString() + "sandbox/challenge/pay_unknown?lang=ar");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
  }

  @Test
  void aPaymentThatNeedsKycAsksForTheIdentityFirstInTheShoppersLanguage() {
    // The failsafe run asks for BASIC KYC from 1 000 kr; a customer no other test pays as.
    String email =
        "kyc-browser-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    ApiClient.Answer created =
        api.post(
            "api/v1/checkout-sessions",
            ApiClient.sessionJson(150_000, "SEK", "de").replace("ann@example.com", email),
            null);
    assertThat(created.status()).isEqualTo(201);
    browser.get(created.json().getString("url"));

    assertThat(browser.findElement(By.cssSelector("#kyc h1")).getText())
        .isEqualTo("Bestätigen Sie Ihre Identität");
    assertThat(browser.findElement(By.id("step-identity")).getAttribute("class"))
        .isEqualTo("current");
    assertThat(browser.findElements(By.id("kyc-document"))).isEmpty(); // BASIC: no document
    assertThat(browser.findElements(By.id("cardnumber"))).isEmpty();
    assertThat(browser.findElement(By.id("kyc-email")).getAttribute("value")).isEqualTo(email);

    browser.findElement(By.id("kyc-name")).sendKeys("Greta Lindqvist");
    date("kyc-birth", "2015-01-01");
    browser.findElement(By.id("kyc-line")).sendKeys("Drottninggatan 1");
    browser.findElement(By.id("kyc-postal")).sendKeys("1115");
    browser.findElement(By.id("kyc-city")).sendKeys("Stockholm");
    new Select(browser.findElement(By.id("kyc-country"))).selectByValue("SE");

    // A look at the form in French and back: nothing typed is lost, nothing is submitted.
    switchTo("fr");
    assertThat(browser.findElement(By.id("kyc-name")).getAttribute("value"))
        .isEqualTo("Greta Lindqvist");
    assertThat(
            new Select(browser.findElement(By.id("kyc-country")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("Suède");
    switchTo("de");
    assertThat(browser.findElement(By.id("kyc-city")).getAttribute("value")).isEqualTo("Stockholm");
    assertThat(browser.findElement(By.id("kyc-postal")).getAttribute("value")).isEqualTo("1115");
    assertThat(browser.findElement(By.id("kyc-birth-error")).getText()).isEmpty();
    browser.findElement(By.id("kyc-button")).click();

    assertThat(
            await()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("kyc-birth-error")))
                .getText())
        .isEqualTo("Für diese Zahlung müssen Sie mindestens 18 Jahre alt sein.");
    assertThat(browser.findElement(By.id("kyc-postal-error")).getText())
        .isEqualTo("Diese Postleitzahl passt nicht zum gewählten Land.");
    assertThat(browser.findElement(By.id("kyc-postal")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.id("kyc-city")).getAttribute("value")).isEqualTo("Stockholm");

    date("kyc-birth", "1984-06-01");
    browser.findElement(By.id("kyc-postal")).clear();
    browser.findElement(By.id("kyc-postal")).sendKeys("111 51");
    browser.findElement(By.id("kyc-button")).click();

    // Verified: on to the payment, with what was typed kept.
    await().until(ExpectedConditions.visibilityOfElementLocated(By.id("cardnumber")));
    assertThat(browser.findElement(By.cssSelector("#messages li")).getText())
        .isEqualTo("Vielen Dank, Ihre Identität ist bestätigt. Sie können jetzt bezahlen.");
    assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo(email);
    assertThat(browser.findElement(By.id("cardholder")).getAttribute("value"))
        .isEqualTo("Greta Lindqvist");
    assertThat(browser.findElement(By.id("step-identity")).getAttribute("class")).isEqualTo("done");
    pay("4242 4242 4242 4242", "123");
    assertThat(resultHeading()).isEqualTo("Zahlung erfolgreich");
  }

  /** Sets a date field as the browser's own date picker would (its typing depends on locale). */
  private void date(String id, String isoDate) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1]", browser.findElement(By.id(id)), isoDate);
  }

  @Test
  void inGermanABadIbanIsExplainedThenTheTransferIsShownAndTheSandboxBanksCreditPaysIt() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    String json =
        ApiClient.sessionJson(4999, "EUR", "de")
            .replace(
                "}],",
                "}],\"payment_method_types\":[\"card\",\"sepa_credit_transfer\"],"
                    + "\"customer_country\":\"DE\",");
    JsonObject session = api.post("api/v1/checkout-sessions", json, null).json();
    browser.get(session.getString("url") + "?lang=de");

    browser.findElement(By.cssSelector("input[name=method][value=sepa_credit_transfer]")).click();
    browser.findElement(By.id("sepa-name")).sendKeys("Anna Beispiel");
    browser.findElement(By.id("sepa-iban")).sendKeys("DE88 3704 0044 0532 0130 00");
    browser.findElement(By.id("pay-button")).click();
    WebElement error =
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("sepa-iban-error")));
    assertThat(error.getText())
        .isEqualTo("Diese IBAN ist ungültig. Prüfen Sie Ländercode, Länge und Ziffern.");

    WebElement iban = browser.findElement(By.id("sepa-iban"));
    iban.clear();
    iban.sendKeys("DE89 3704 0044 0532 0130 00");
    WebElement name = browser.findElement(By.id("sepa-name"));
    name.clear();
    name.sendKeys("Anna Beispiel");
    browser.findElement(By.id("pay-button")).click();
    WebElement reference =
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("transfer-reference")));
    assertThat(browser.findElement(By.id("transfer-heading")).getText())
        .isEqualTo("Per Banküberweisung bezahlen");
    assertThat(browser.findElement(By.id("transfer-iban")).getText())
        .isEqualTo("DE89 3704 0044 0532 0130 00");
    assertThat(browser.findElement(By.id("transfer-amount")).getText().replace('\u00a0', ' '))
        .isEqualTo("49,99 €");
    String transferPage = browser.getCurrentUrl();

    // The payer's bank sends the money: the sandbox bank reports it with the reference as typed.
    browser.get(base + "sandbox/bank?lang=de&reference=" + reference.getText().replace(" ", "+"));
    browser.findElement(By.id("bank-amount")).sendKeys("49.99");
    browser.findElement(By.id("bank-report")).click();
    WebElement reported =
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("bank-outcome")));
    assertThat(reported.getAttribute("data-outcome")).isEqualTo("applied");

    browser.get(transferPage);
    assertThat(
            await()
                .until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#transfer-paid h1")))
                .getText())
        .isEqualTo("Überweisung eingegangen");
    assertThat(
            api.get("api/v1/checkout-sessions/" + session.getString("id"))
                .json()
                .getString("payment_status"))
        .isEqualTo("paid");
  }

  @Test
  void anUnknownSessionShowsAClearPage() {
    browser.get(base.toString() + "pay/cs_unknown?lang=en");
    assertThat(browser.findElement(By.cssSelector("#not-found h1")).getText())
        .isEqualTo("Payment link not found");
  }
}
