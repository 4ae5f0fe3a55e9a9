package org.kassa.payment.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentPersonalDataRedactTest {

  @Test
  void nullsEveryFieldThatNamesAPersonAtAnyDepthAndKeepsTheRest() {
    String callback =
        "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{"
            + "\"id\":\"pi_1\",\"amount\":2500,\"currency\":\"eur\",\"customer\":\"cus_9\","
            + "\"receipt_email\":\"ann@example.com\",\"charges\":{\"data\":[{\"billing_details\":"
            + "{\"name\":\"Ann Example\",\"email\":\"ann@example.com\"},\"amount\":2500}]},"
            + "\"shipping\":{\"name\":\"Ann Example\",\"address\":{\"city\":\"Berlin\"}}}}}";

    String redacted = PaymentPersonalData.redact(callback);

    assertThat(redacted)
        .doesNotContain("Ann Example")
        .doesNotContain("ann@example.com")
        .doesNotContain("cus_9")
        .doesNotContain("Berlin")
        .contains("\"amount\":2500")
        .contains("\"id\":\"pi_1\"")
        .contains("\"type\":\"payment_intent.succeeded\"");
  }

  @Test
  void dropsTextThatIsNotJson() {
    assertThat(PaymentPersonalData.redact("name=Ann Example&amount=1")).isEqualTo("{}");
  }
}
