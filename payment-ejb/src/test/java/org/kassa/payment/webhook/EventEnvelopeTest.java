package org.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

  private static final Instant CREATED = Instant.parse("2026-11-25T12:00:00.750Z");

  @Test
  void theEnvelopeHasIdTypeCreatedAndTheObjectInThatOrder() {
    String body =
        EventEnvelope.build(
            "evt_1",
            "payment.captured",
            CREATED,
            "{ \"id\": \"pay_1\", \"amount\": 1250, \"currency\": \"EUR\", \"captured\": true }");
    assertThat(body)
        .isEqualTo(
            "{\"id\":\"evt_1\",\"type\":\"payment.captured\",\"created\":1795608000,"
                + "\"data\":{\"object\":{\"id\":\"pay_1\",\"amount\":1250,\"currency\":\"EUR\","
                + "\"captured\":true}}}");
  }

  @Test
  void theObjectKeepsNestingUnicodeAndNumbers() {
    String payload =
        "{\"id\":\"pay_1\",\"payer\":{\"name\":\"Zoë Ünal\"},\"fee\":0.30,\"items\":[1,2],"
            + "\"note\":null}";
    JsonObject envelope = parse(EventEnvelope.build("evt_2", "payment.failed", CREATED, payload));
    assertThat(envelope.getJsonObject("data").getJsonObject("object")).isEqualTo(parse(payload));
    assertThat(envelope.getJsonNumber("created").longValueExact()).isEqualTo(1795608000L);
  }

  @Test
  void theSameInputsBuildTheSameBytes() {
    String payload = "{\"b\":1,\"a\":2}";
    assertThat(EventEnvelope.build("evt_3", "refund.succeeded", CREATED, payload))
        .isEqualTo(EventEnvelope.build("evt_3", "refund.succeeded", CREATED, payload))
        .contains("{\"b\":1,\"a\":2}");
  }

  @Test
  void aPayloadMustBeOneJsonObject() {
    for (String bad : new String[] {null, "", "[1,2]", "\"text\"", "42", "{\"id\":", "{} {}"}) {
      assertThatThrownBy(() -> EventEnvelope.build("evt_4", "payment.captured", CREATED, bad))
          .as("payload %s", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anEventBuildsItsBodyOnceFromItsOwnIdAndTime() {
    WebhookEvent event =
        new WebhookEvent(
            "evt_5",
            "mer_1",
            "payment.captured",
            "payment",
            "pay_5",
            "{\"id\":\"pay_5\"}",
            CREATED);
    assertThat(event.body())
        .isEqualTo(
            "{\"id\":\"evt_5\",\"type\":\"payment.captured\",\"created\":1795608000,"
                + "\"data\":{\"object\":{\"id\":\"pay_5\"}}}");
    assertThat(event.bodyBytes())
        .isEqualTo(event.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
