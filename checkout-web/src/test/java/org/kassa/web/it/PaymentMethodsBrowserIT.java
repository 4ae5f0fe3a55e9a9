package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Year;
import java.util.UUID;
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
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The wallets in a real browser (Debian's headless Chromium), each with its happy path and its
 * failure: PayPal-style approval in Arabic, PayPal-style cancel in Japanese (yen, no decimals) then
 * a card, an Alipay-style QR code paid from a second tab while the page polls, and a WeChat
 * Pay-style code that expires in Chinese and is replaced by a new one. And a returning customer, in
 * German: saves the card with the box ticked, pays the next order in one step with the saved card
 * (its security code only), and removes it by keyboard after a confirmation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentMethodsBrowserIT extends BrowserSuite {

  private static final int SAVED_EXP_YEAR = Year.now().getValue() + 2;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war();
  }

  @ArquillianResource private URL base;

  private ApiClient api() {
    return new ApiClient(base, KassaDeployment.DEMO_API_KEY);
  }

  private JsonObject session(long amount, String currency, String locale) {
    return api().createSession(amount, currency, locale);
  }

  /** Picks a method with the keyboard-usable radio, types the payer's name and presses Pay. */
  private void payWith(String method, String name) {
    WebElement card = browser.findElement(By.cssSelector("input[name=method][value=card]"));
    WebElement number = browser.findElement(By.id("cardnumber"));
    // The shown card's fields are required for the browser (the markup leaves that to the script).
    assertThat(number.getDomProperty("required")).isEqualTo(card.isSelected() ? "true" : "false");
    WebElement radio =
        browser.findElement(By.cssSelector("input[name=method][value=" + method + "]"));
    radio.click();
    assertThat(number.getDomProperty("required")).isEqualTo("false");
    assertThat(radio.isSelected()).isTrue();
    // Only the chosen method's fields show; the card's are hidden and not sent.
    assertThat(browser.findElement(By.id("method-" + method)).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("cardnumber")).isDisplayed()).isFalse();
    WebElement field = browser.findElement(By.id(method + "-name"));
    field.clear();
    field.sendKeys(name);
    browser.findElement(By.id("pay-button")).click();
  }

  private String resultHeading() {
    return await()
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result h1")))
        .getText();
  }

  private String errorText() {
    return await()
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul.errors li")))
        .getText();
  }

  private JsonObject paymentOf(JsonObject session) {
    return api().latestPaymentOfSession(session.getString("id"));
  }

  @Test
  void inArabicAShopperApprovesInTheWalletAndComesBackPaid() {
    JsonObject session = session(1500, "EUR", "ar");
    browser.get(session.getString("url"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.findElement(By.cssSelector("#methods legend")).getText())
        .isEqualTo("طريقة الدفع");
    Axe.assertNoSeriousViolations(browser, "method picker (ar)");

    payWith("paypal", "Ann Example");

    WebElement approve =
        await().until(ExpectedConditions.elementToBeClickable(By.id("wallet-approve")));
    assertThat(browser.getCurrentUrl()).contains("/sandbox/wallet/");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.findElement(By.id("wallet-amount")).getText()).contains("١٥٫٠٠");
    Axe.assertNoSeriousViolations(browser, "sandbox wallet page (ar)");
    approve.click();

    assertThat(resultHeading()).isEqualTo("تمّ الدفع بنجاح");
    JsonObject payment = paymentOf(session);
    assertThat(payment.getString("status")).isEqualTo("captured");
    assertThat(payment.getString("payment_method_type")).isEqualTo("paypal");
  }

  @Test
  void inJapaneseAShopperCancelsInTheWalletThenPaysByCard() {
    JsonObject session = session(3000, "JPY", "ja");
    browser.get(session.getString("url"));
    assertThat(browser.findElement(By.id("order-total")).getText()).isEqualTo("￥3,000");

    payWith("paypal", "山田 花子");
    await().until(ExpectedConditions.elementToBeClickable(By.id("wallet-cancel"))).click();

    assertThat(errorText()).contains("お支払いはキャンセルされ");
    // Back on the page, the wallet tried is still chosen, and another method is one click away.
    assertThat(browser.findElement(By.cssSelector("input[name=method][value=paypal]")).isSelected())
        .isTrue();
    browser.findElement(By.cssSelector("input[name=method][value=card]")).click();
    browser.findElement(By.id("cardholder")).sendKeys("Hanako Yamada");
    browser.findElement(By.id("cardnumber")).sendKeys("4242 4242 4242 4242");
    new Select(browser.findElement(By.id("expmonth"))).selectByValue("12");
    new Select(browser.findElement(By.id("expyear")))
        .selectByValue(Integer.toString(Year.now().getValue() + 2));
    browser.findElement(By.id("cvc")).sendKeys("123");
    browser.findElement(By.id("pay-button")).click();

    assertThat(resultHeading()).isEqualTo("お支払いが完了しました");
    assertThat(paymentOf(session).getJsonNumber("amount").longValue()).isEqualTo(3000);
  }

  /** Opens what the QR code encodes in a second tab (the shopper's phone) and presses a button. */
  private void scanInAnotherTab(String button) {
    String link = browser.findElement(By.id("qr-link")).getAttribute("href");
    String checkout = browser.getWindowHandle();
    browser.switchTo().newWindow(WindowType.TAB);
    browser.get(link);
    await().until(ExpectedConditions.elementToBeClickable(By.id(button))).click();
    await().until(ExpectedConditions.visibilityOfElementLocated(By.id("wallet-outcome")));
    browser.close();
    browser.switchTo().window(checkout);
  }

  @Test
  void inJapaneseAShopperScansTheQrCodeAndThePageSeesItPaidWithoutReloading() {
    JsonObject session = session(500, "JPY", "ja");
    browser.get(session.getString("url"));

    payWith("alipay", "李 雷");

    WebElement qr =
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#qr svg")));
    assertThat(qr.getAttribute("aria-label")).contains("￥500");
    assertThat(browser.findElement(By.id("qr-timer")).getText()).matches(".*[0-9]+:[0-5][0-9]");
    assertThat(browser.findElement(By.id("qr-announce")).getAttribute("aria-live"))
        .isEqualTo("polite");
    Axe.assertNoSeriousViolations(browser, "QR code step (ja)");
    scanInAnotherTab("wallet-approve");

    // Nothing here reloads the page: its polling sees the payment and shows the result.
    assertThat(resultHeading()).isEqualTo("お支払いが完了しました");
    assertThat(paymentOf(session).getString("status")).isEqualTo("captured");
  }

  @Test
  void inChineseAnExpiredQrCodeFailsClearlyAndANewCodeIsOneClickAway() {
    JsonObject session = session(8800, "CNY", "zh-CN");
    browser.get(session.getString("url"));

    payWith("wechat_pay", "李雷");
    await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#qr svg")));
    String firstCode = browser.findElement(By.id("qr-link")).getAttribute("href");

    scanInAnotherTab("wallet-expire");

    assertThat(errorText()).contains("二维码在付款前已过期");
    Axe.assertNoSeriousViolations(browser, "expired QR code (zh-CN)");
    assertThat(
            browser
                .findElement(By.cssSelector("input[name=method][value=wechat_pay]"))
                .isSelected())
        .isTrue();
    assertThat(paymentOf(session).getString("status")).isEqualTo("failed");
    // A new code is one click: the name typed is still there.
    assertThat(browser.findElement(By.id("wechat_pay-name")).getAttribute("value")).isEqualTo("李雷");

    browser.findElement(By.id("pay-button")).click();
    await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#qr svg")));
    assertThat(browser.findElement(By.id("qr-link")).getAttribute("href")).isNotEqualTo(firstCode);
  }

  /** A German checkout session for the merchant's customer. */
  private JsonObject customerSession(ApiClient api, String customer) {
    String json = ApiClient.sessionJson(1500, "EUR", "de");
    ApiClient.Answer created =
        api.post(
            "api/v1/checkout-sessions",
            json.substring(0, json.length() - 1) + ",\"customer\":\"" + customer + "\"}",
            null);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  @Test
  void aCustomerSavesTheCardPaysAgainInOneStepAndRemovesIt() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    String customer = "kunde-" + UUID.randomUUID().toString().substring(0, 8);

    // First visit: no saved card yet; the card is typed and the save box ticked.
    browser.get(customerSession(api, customer).getString("url"));
    assertThat(browser.findElements(By.id("saved-cards"))).isEmpty();
    browser.findElement(By.id("cardholder")).sendKeys("Erika Mustermann");
    browser.findElement(By.id("cardnumber")).sendKeys("4242 4242 4242 4242");
    new Select(browser.findElement(By.id("expmonth"))).selectByValue("12");
    new Select(browser.findElement(By.id("expyear")))
        .selectByValue(Integer.toString(SAVED_EXP_YEAR));
    browser.findElement(By.id("cvc")).sendKeys("123");
    WebElement save =
        browser.findElement(By.cssSelector("input[data-purpose='save_payment_method']"));
    save.click();
    browser.findElement(By.id("pay-button")).click();
    assertThat(resultHeading()).isEqualTo("Zahlung erfolgreich");

    // Next visit: the saved card comes first; paying takes its security code only.
    browser.get(customerSession(api, customer).getString("url"));
    WebElement label =
        await()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".saved-card .saved-card-label")));
    assertThat(label.getText())
        .isEqualTo("Visa •••• 4242, gültig bis 12/" + String.format("%02d", SAVED_EXP_YEAR % 100));
    assertThat(browser.findElements(By.id("cardnumber"))).as("no card form").isEmpty();
    WebElement code = browser.findElement(By.cssSelector(".saved-card input[type='password']"));
    assertThat(
            browser
                .findElement(By.cssSelector("label[for='" + code.getAttribute("id") + "']"))
                .getText())
        .isEqualTo("Sicherheitscode (CVC)");
    // Without the code the page says what is missing, at the field.
    browser.findElement(By.cssSelector(".saved-card [data-action='pay']")).click();
    WebElement error =
        await()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".saved-card .field-error")));
    assertThat(error.getText()).contains("Sicherheitscode");
    browser.findElement(By.cssSelector(".saved-card input[type='password']")).sendKeys("123");
    browser.findElement(By.cssSelector(".saved-card [data-action='pay']")).click();
    assertThat(resultHeading()).isEqualTo("Zahlung erfolgreich");

    // And once more: remove the card, by keyboard, after confirming.
    browser.get(customerSession(api, customer).getString("url"));
    WebElement remove =
        await()
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector(".saved-card [data-action='remove']")));
    assertThat(remove.getAttribute("value")).isEqualTo("Entfernen");
    remove.sendKeys(Keys.ENTER);
    WebElement confirm =
        await()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".saved-card [data-action='confirm-remove']")));
    assertThat(browser.findElement(By.cssSelector(".confirm-removal p")).getText())
        .isEqualTo("Visa •••• 4242 aus Ihren gespeicherten Karten entfernen?");
    assertThat(browser.switchTo().activeElement().getAttribute("data-action"))
        .as("the confirmation has the focus")
        .isEqualTo("confirm-remove");
    confirm.sendKeys(Keys.ENTER);

    WebElement removed =
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul li.info")));
    assertThat(removed.getText())
        .isEqualTo("Die Karte wurde entfernt und ist nicht mehr gespeichert.");
    assertThat(browser.findElements(By.cssSelector(".saved-card"))).isEmpty();
    assertThat(browser.findElement(By.id("cardnumber")).isDisplayed()).isTrue();
    assertThat(
            api.get("api/v1/customers/" + customer + "/payment-methods")
                .json()
                .getJsonArray("data"))
        .isEmpty();
  }
}
