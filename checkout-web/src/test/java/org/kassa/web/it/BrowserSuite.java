package org.kassa.web.it;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser suite shares: one headless Chromium for the class ({@link Chromium#start}),
 * quit after it, and a wait. Each suite deploys Kassa itself.
 */
abstract class BrowserSuite {

  protected static WebDriver browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  /**
   * Waits up to 20 s. Chromedriver may answer a generic error while a page is being replaced; that
   * is waited out, and only the timeout fails.
   */
  protected WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.ignoring(WebDriverException.class);
    return wait;
  }
}
