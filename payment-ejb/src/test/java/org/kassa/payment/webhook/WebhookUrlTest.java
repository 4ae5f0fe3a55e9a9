package org.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://shop.example/hooks/kassa",
        "https://shop.example:8443/hooks?source=kassa",
        "HTTPS://SHOP.EXAMPLE/",
        "http://localhost:4567/hooks",
        "http://127.0.0.1/hooks",
        "http://[::1]:8080/hooks",
        "https://localhost/hooks"
      })
  void httpsAnywhereAndHttpOnTheLoopbackAreAcceptedInDemoMode(String url) {
    assertThat(WebhookUrl.problem(url, true)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://shop.example/hooks",
        "http://10.0.0.5/hooks",
        "http://localhost.shop.example/hooks",
        "http://127.0.0.2/hooks"
      })
  void plainHttpElsewhereIsRefused(String url) {
    assertThat(WebhookUrl.problem(url, true))
        .contains("must use https (plain http is accepted for localhost and 127.0.0.1 only)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://localhost:4848/", "https://127.0.0.1/hooks", "https://LOCALHOST/x"})
  void theLoopbackIsRefusedOutsideDemoMode(String url) {
    assertThat(WebhookUrl.problem(url, false))
        .contains("must not point at localhost outside demo mode");
    assertThat(WebhookUrl.problem("https://shop.example/hooks", false)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/hooks",
        "shop.example/hooks",
        "ftp://shop.example/x",
        "https:///x",
        "mailto:a@b.c",
        "https://exa mple.com/"
      })
  void whatIsNotAnAbsoluteWebUrlIsRefused(String url) {
    assertThat(WebhookUrl.problem(url, true)).contains("must be an absolute https URL");
  }

  @Test
  void credentialsFragmentsLengthAndBlanksAreRefused() {
    assertThat(WebhookUrl.problem("https://user:pw@shop.example/x", true))
        .contains("must not contain a user name or password");
    assertThat(WebhookUrl.problem("https://shop.example/x#top", true))
        .contains("must not contain a fragment (#...)");
    assertThat(WebhookUrl.problem("https://shop.example/" + "a".repeat(2048), true))
        .contains("must be at most 2048 characters");
    assertThat(WebhookUrl.problem(" ", true)).contains("is required");
    assertThat(WebhookUrl.problem(null, true)).contains("is required");
  }
}
