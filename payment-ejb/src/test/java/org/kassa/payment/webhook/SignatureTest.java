package org.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The header Kassa sends during a rotation verifies with either secret, checked with an HMAC
 * computed here and not through {@link TimestampedSignature}.
 */
class SignatureTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final String CURRENT = "whsec_newNewNewNewNewNewNewNewNewNewNe";
  private static final String PREVIOUS = "whsec_oldOldOldOldOldOldOldOldOldOldOl";
  private static final byte[] BODY =
      "{\"id\":\"evt_1\",\"type\":\"payment.captured\",\"created\":1795608000,\"data\":{\"object\":{\"note\":\"Zoë\"}}}"
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void aHeaderSignedWithTwoSecretsVerifiesWithEachIndependently() {
    String header = TimestampedSignature.header(NOW, BODY, List.of(CURRENT, PREVIOUS));

    Parsed parsed = parse(header);
    assertThat(parsed.timestamp()).isEqualTo(NOW.getEpochSecond());
    assertThat(parsed.signatures()).hasSize(2);
    for (String secret : List.of(CURRENT, PREVIOUS)) {
      byte[] expected = hmac(secret, parsed.timestamp(), BODY);
      assertThat(parsed.signatures().stream().anyMatch(s -> MessageDigest.isEqual(s, expected)))
          .as("a v1 signature made with %s", secret.substring(0, 9))
          .isTrue();
    }
    assertThat(
            parsed.signatures().stream()
                .anyMatch(
                    s -> MessageDigest.isEqual(s, hmac("whsec_other", parsed.timestamp(), BODY))))
        .isFalse();
  }

  @Test
  void theHeaderOrderIsTheCurrentSecretFirst() {
    Parsed parsed = parse(TimestampedSignature.header(NOW, BODY, List.of(CURRENT, PREVIOUS)));
    assertThat(parsed.signatures().get(0)).isEqualTo(hmac(CURRENT, NOW.getEpochSecond(), BODY));
    assertThat(parsed.signatures().get(1)).isEqualTo(hmac(PREVIOUS, NOW.getEpochSecond(), BODY));
  }

  @Test
  void aReceiverWithOnlyOneOfTheSecretsAcceptsAndAChangedBodyIsRefused() throws Exception {
    String header = TimestampedSignature.header(NOW, BODY, List.of(CURRENT, PREVIOUS));
    assertThat(
            TimestampedSignature.verify(
                header, BODY, List.of(PREVIOUS), NOW, Duration.ofMinutes(5)))
        .isEqualTo(NOW);
    assertThat(
            TimestampedSignature.verify(header, BODY, List.of(CURRENT), NOW, Duration.ofMinutes(5)))
        .isEqualTo(NOW);
    byte[] changed = BODY.clone();
    changed[changed.length - 3] = 'X';
    assertThatThrownBy(
            () -> TimestampedSignature.verify(header, changed, List.of(CURRENT), NOW, null))
        .isInstanceOf(TimestampedSignature.InvalidSignatureException.class);
  }

  @Test
  void anEndpointSignsWithThePreviousSecretOnlyDuringTheOverlap() {
    WebhookEndpoint endpoint =
        new WebhookEndpoint(
            "we_1", "mer_1", "https://shop.example/hooks", null, EventTypes.all(), PREVIOUS, NOW);
    assertThat(endpoint.signingSecrets(NOW)).containsExactly(PREVIOUS);

    endpoint.rotate(CURRENT, Duration.ofHours(24), NOW);
    assertThat(endpoint.secret()).isEqualTo(CURRENT);
    assertThat(endpoint.signingSecrets(NOW)).containsExactly(CURRENT, PREVIOUS);
    assertThat(endpoint.signingSecrets(NOW.plus(Duration.ofHours(24)).minusSeconds(1)))
        .containsExactly(CURRENT, PREVIOUS);
    assertThat(endpoint.signingSecrets(NOW.plus(Duration.ofHours(24)))).containsExactly(CURRENT);
    assertThat(endpoint.previousSecretExpiresAt(NOW)).contains(NOW.plus(Duration.ofHours(24)));
    assertThat(endpoint.previousSecretExpiresAt(NOW.plus(Duration.ofDays(2)))).isEmpty();
  }

  @Test
  void aSecondRotationDropsTheOldestAndAZeroOverlapStopsTheOldSecretAtOnce() {
    WebhookEndpoint endpoint =
        new WebhookEndpoint(
            "we_1", "mer_1", "https://shop.example/hooks", null, EventTypes.all(), PREVIOUS, NOW);
    endpoint.rotate(CURRENT, Duration.ofHours(24), NOW);
    endpoint.rotate("whsec_third", Duration.ofHours(1), NOW.plusSeconds(60));
    assertThat(endpoint.signingSecrets(NOW.plusSeconds(61)))
        .containsExactly("whsec_third", CURRENT);

    endpoint.rotate("whsec_leaked_replacement", Duration.ZERO, NOW.plusSeconds(120));
    assertThat(endpoint.signingSecrets(NOW.plusSeconds(121)))
        .containsExactly("whsec_leaked_replacement");
    assertThatThrownBy(
            () -> endpoint.rotate("whsec_leaked_replacement", Duration.ZERO, NOW.plusSeconds(180)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEndpointNeverShowsItsSecretInItsName() {
    WebhookEndpoint endpoint =
        new WebhookEndpoint(
            "we_1", "mer_1", "https://shop.example/hooks", null, EventTypes.all(), CURRENT, NOW);
    assertThat(endpoint.toString()).doesNotContain(CURRENT).contains("we_1");
    WebhookSender.Outgoing outgoing =
        new WebhookSender.Outgoing(
            java.net.URI.create("https://shop.example/hooks"),
            "evt_1",
            "payment.captured",
            BODY,
            List.of(CURRENT, PREVIOUS));
    assertThat(outgoing.toString()).doesNotContain(CURRENT).doesNotContain(PREVIOUS);
  }

  private record Parsed(long timestamp, List<byte[]> signatures) {}

  /** Reads {@code t=...,v1=...,v1=...} without Kassa's parser. */
  private static Parsed parse(String header) {
    long timestamp = -1;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv[0].equals("t")) {
        timestamp = Long.parseLong(kv[1]);
      } else if (kv[0].equals("v1")) {
        signatures.add(HexFormat.of().parseHex(kv[1]));
      }
    }
    return new Parsed(timestamp, signatures);
  }

  /** HMAC-SHA256 of {@code "<t>.<body>"}, keyed with the secret's UTF-8 bytes. */
  static byte[] hmac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
