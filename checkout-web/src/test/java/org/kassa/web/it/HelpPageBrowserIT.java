package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The payment help in a real browser: a shopper reading the hosted page in Japanese opens the help
 * from it, reports a problem, sees the confirmation in Japanese, and goes back to pay.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HelpPageBrowserIT {

  private static WebDriver browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return KassaDeployment.war();
  }

  @ArquillianResource private URL base;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Waits; chromedriver may answer any WebDriverException mid-navigation, which is waited out. */
  private WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.ignoring(WebDriverException.class);
    return wait;
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
