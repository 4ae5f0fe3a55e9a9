package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Year;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A returning customer in a real browser, in German: saves the card with the box ticked, pays the
 * next order in one step with the saved card (its security code only), and removes it by keyboard
 * after a confirmation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SavedCardsBrowserIT {

  private static final int EXP_YEAR = Year.now().getValue() + 2;

  private static WebDriver browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war();
  }

  @ArquillianResource private URL base;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = Chromium.start("de-DE");
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private org.openqa.selenium.support.ui.FluentWait<WebDriver> await() {
    return new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.WebDriverException.class);
  }

  /** A German checkout session for the merchant's customer. */
  private JsonObject session(ApiClient api, String customer) {
    String json = ApiClient.sessionJson(1500, "EUR", "de");
    ApiClient.Answer created =
        api.post(
            "api/v1/checkout-sessions",
            json.substring(0, json.length() - 1) + ",\"customer\":\"" + customer + "\"}",
            null);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  private String resultHeading() {
    return await()
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result h1")))
        .getText();
  }

  @Test
  void aCustomerSavesTheCardPaysAgainInOneStepAndRemovesIt() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    String customer = "kunde-" + UUID.randomUUID().toString().substring(0, 8);

    // First visit: no saved card yet; the card is typed and the save box ticked.
    browser.get(session(api, customer).getString("url"));
    assertThat(browser.findElements(By.id("saved-cards"))).isEmpty();
    browser.findElement(By.id("cardholder")).sendKeys("Erika Mustermann");
    browser.findElement(By.id("cardnumber")).sendKeys("4242 4242 4242 4242");
    new Select(browser.findElement(By.id("expmonth"))).selectByValue("12");
    new Select(browser.findElement(By.id("expyear"))).selectByValue(Integer.toString(EXP_YEAR));
    browser.findElement(By.id("cvc")).sendKeys("123");
    WebElement save =
        browser.findElement(By.cssSelector("input[data-purpose='save_payment_method']"));
    save.click();
    browser.findElement(By.id("pay-button")).click();
    assertThat(resultHeading()).isEqualTo("Zahlung erfolgreich");

    // Next visit: the saved card comes first; paying takes its security code only.
    browser.get(session(api, customer).getString("url"));
    WebElement label =
        await()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".saved-card .saved-card-label")));
    assertThat(label.getText())
        .isEqualTo("Visa •••• 4242, gültig bis 12/" + String.format("%02d", EXP_YEAR % 100));
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
    browser.get(session(api, customer).getString("url"));
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
