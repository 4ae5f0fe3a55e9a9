package org.kassa.payment.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.GatewayEvent;
import org.kassa.payment.gateway.InvalidCallbackException;
import org.kassa.payment.money.Money;
import org.kassa.payment.webhook.TimestampedSignature;

class SandboxBankTest {

  private final SandboxGateway sandbox =
      new SandboxGateway(Clock.systemUTC(), "whsec_test", callback -> {});

  @Test
  void aSignedCreditIsReadAsABankCredit() {
    Instant now = Instant.now();
    GatewayEvent event =
        sandbox.parseCallback(
            signed(
                SandboxBank.creditEvent(
                        "evt_1",
                        "crd_1",
                        Money.of(4999, "EUR"),
                        "RF18 5390 0754 7034",
                        "DE89370400440532013000",
                        now)
                    .toString(),
                "whsec_test",
                now));
    assertThat(event.kind()).isEqualTo(GatewayEvent.Kind.BANK_CREDIT);
    assertThat(event.eventId()).isEqualTo("evt_1");
    assertThat(event.credit().creditId()).isEqualTo("crd_1");
    assertThat(event.credit().amount()).isEqualTo(Money.of(4999, "EUR"));
    assertThat(event.credit().reference()).isEqualTo("RF18 5390 0754 7034");
    assertThat(event.credit().payerIban()).isEqualTo("DE89370400440532013000");
  }

  @Test
  void aCreditSignedWithAnotherSecretOrWithoutAnAmountIsRefused() {
    Instant now = Instant.now();
    String body =
        SandboxBank.creditEvent("evt_2", "crd_2", Money.of(100, "EUR"), null, null, now).toString();
    assertThatThrownBy(() -> sandbox.parseCallback(signed(body, "whsec_other", now)))
        .isInstanceOf(InvalidCallbackException.class);
    String noAmount = body.replace("\"amount\":100,", "");
    assertThatThrownBy(() -> sandbox.parseCallback(signed(noAmount, "whsec_test", now)))
        .isInstanceOf(InvalidCallbackException.class);
  }

  private static CallbackRequest signed(String body, String secret, Instant at) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new CallbackRequest(
        Map.of(
            SandboxGateway.SIGNATURE_HEADER,
            List.of(TimestampedSignature.header(at, bytes, List.of(secret)))),
        bytes,
        at);
  }
}
