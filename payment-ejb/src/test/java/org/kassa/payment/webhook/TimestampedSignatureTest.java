package org.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kassa.payment.webhook.TimestampedSignature.Failure;
import org.kassa.payment.webhook.TimestampedSignature.InvalidSignatureException;

/**
 * Runs every case of {@code webhooks/stripe_signature_test_vectors.json} (see the README beside it)
 * against {@link TimestampedSignature}.
 */
class TimestampedSignatureTest {

  /**
   * What each case must give: empty for a valid header, else the failure. Written out per case
   * rather than parsed from the file's prose, and every case in the file must be here, so a case
   * added to the file fails until someone says what it means.
   */
  private static final Map<String, Optional<Failure>> EXPECTED =
      Map.of(
          "valid_header_timestamp_12345_no_tolerance", Optional.empty(),
          "valid_plus_extra_bad_v1", Optional.empty(),
          "timestamp_outside_tolerance", Optional.of(Failure.TIMESTAMP_OUTSIDE_TOLERANCE),
          "only_v0_scheme", Optional.of(Failure.NO_SIGNATURE),
          // A v1 that is not even hex is a signature that does not match, as Stripe's library says.
          "bad_signature", Optional.of(Failure.MISMATCH),
          "malformed_header", Optional.of(Failure.MALFORMED_HEADER),
          "bad_header", Optional.of(Failure.MALFORMED_HEADER),
          // The signature is valid; that the body is not JSON is the event reader's business.
          "invalid_json_payload_valid_sig", Optional.empty(),
          "v2_event_payload", Optional.empty());

  private static final JsonObject VECTORS = load();

  private static JsonObject load() {
    try (InputStream in =
            TimestampedSignatureTest.class.getResourceAsStream(
                "/webhooks/stripe_signature_test_vectors.json");
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<JsonObject> cases() {
    return VECTORS.getJsonArray("cases").getValuesAs(JsonObject.class);
  }

  @Test
  void everyCaseInTheFileHasAnExpectation() {
    assertThat(cases()).hasSize(EXPECTED.size());
    assertThat(cases().stream().map(c -> c.getString("name")))
        .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
  }

  @TestFactory
  Stream<DynamicTest> everyVector() {
    String secret = VECTORS.getString("secret");
    // "Now" is long after t=12345, so only a case with a tolerance can fail on time.
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.getString("name"),
                    () -> {
                      byte[] payload =
                          c.getString("payload_override", VECTORS.getString("payload"))
                              .getBytes(StandardCharsets.UTF_8);
                      Duration tolerance =
                          c.isNull("tolerance")
                              ? null
                              : Duration.ofSeconds(c.getJsonNumber("tolerance").longValueExact());
                      Optional<Failure> expected = EXPECTED.get(c.getString("name"));
                      assertThat(expected).as("expectation for " + c.getString("name")).isNotNull();
                      String header = c.getString("header");
                      if (expected.isEmpty()) {
                        assertThat(
                                TimestampedSignature.verify(
                                    header, payload, List.of(secret), now, tolerance))
                            .isEqualTo(Instant.ofEpochSecond(12345));
                      } else {
                        InvalidSignatureException e =
                            catchThrowableOfType(
                                InvalidSignatureException.class,
                                () ->
                                    TimestampedSignature.verify(
                                        header, payload, List.of(secret), now, tolerance));
                        assertThat(e).isNotNull();
                        assertThat(e.failure()).isEqualTo(expected.get());
                        assertThat(e.getMessage()).doesNotContain(secret);
                      }
                    }));
  }

  @Test
  void aValidVectorFailsWithAnotherSecretOrAnotherBody() throws Exception {
    JsonObject valid = vector("valid_header_timestamp_12345_no_tolerance");
    byte[] payload = VECTORS.getString("payload").getBytes(StandardCharsets.UTF_8);
    String header = valid.getString("header");
    Instant now = Instant.ofEpochSecond(12345);

    assertThat(
            catchThrowableOfType(
                    InvalidSignatureException.class,
                    () ->
                        TimestampedSignature.verify(
                            header, payload, List.of("whsec_other"), now, null))
                .failure())
        .isEqualTo(Failure.MISMATCH);
    byte[] other = VECTORS.getString("v2_payload").getBytes(StandardCharsets.UTF_8);
    assertThat(
            catchThrowableOfType(
                    InvalidSignatureException.class,
                    () ->
                        TimestampedSignature.verify(
                            header, other, List.of(VECTORS.getString("secret")), now, null))
                .failure())
        .isEqualTo(Failure.MISMATCH);
  }

  @Test
  void theToleranceCaseIsValidWithinItsTenSeconds() throws Exception {
    JsonObject c = vector("timestamp_outside_tolerance");
    byte[] payload = VECTORS.getString("payload").getBytes(StandardCharsets.UTF_8);
    assertThat(
            TimestampedSignature.verify(
                c.getString("header"),
                payload,
                List.of(VECTORS.getString("secret")),
                Instant.ofEpochSecond(12345 + 10),
                Duration.ofSeconds(10)))
        .isEqualTo(Instant.ofEpochSecond(12345));
  }

  @Test
  void theHeaderItWritesIsTheVectorsHeader() {
    byte[] payload = VECTORS.getString("payload").getBytes(StandardCharsets.UTF_8);
    assertThat(
            TimestampedSignature.header(
                Instant.ofEpochSecond(12345), payload, List.of(VECTORS.getString("secret"))))
        .isEqualTo(vector("valid_header_timestamp_12345_no_tolerance").getString("header"));
  }

  private static JsonObject vector(String name) {
    return cases().stream()
        .filter(c -> c.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vector " + name));
  }
}
