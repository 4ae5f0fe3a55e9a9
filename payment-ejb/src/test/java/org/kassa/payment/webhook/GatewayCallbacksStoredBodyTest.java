package org.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayCallbacksStoredBodyTest {

  @Test
  void aBankCreditIsStoredWithoutThePayersIban() {
    String stored =
        GatewayCallbacks.withoutPayerIban(
            "{\"id\":\"evt_1\",\"data\":{\"amount\":100,\"payer_iban\":\"DE89370400440532013000\"}}");
    assertThat(stored).doesNotContain("DE89").contains("\"amount\":100").contains("evt_1");
    assertThat(GatewayCallbacks.withoutPayerIban("not json DE89370400440532013000"))
        .isEqualTo("{}");
  }
}
