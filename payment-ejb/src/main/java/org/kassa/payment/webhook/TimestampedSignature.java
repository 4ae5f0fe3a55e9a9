package org.kassa.payment.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The timestamped HMAC signature scheme webhooks use, Stripe's {@code Stripe-Signature} and Kassa's
 * own {@code Kassa-Signature}: the header {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw
 * body>">}, the secret's UTF-8 bytes as the key. A header may carry several {@code v1} values (one
 * per active secret during a rotation); one match is enough. Other schemes ({@code v0}) are
 * ignored.
 */
public final class TimestampedSignature {

  /** The tolerance Stripe uses by default, and Kassa for its own callbacks. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

  private TimestampedSignature() {}

  /** Why a signature header was refused. */
  public enum Failure {
    MALFORMED_HEADER,
    NO_SIGNATURE,
    MISMATCH,
    TIMESTAMP_OUTSIDE_TOLERANCE
  }

  /** A refused header, with the reason; it never carries the secret or the expected value. */
  public static final class InvalidSignatureException extends Exception {
    private final Failure failure;

    InvalidSignatureException(Failure failure) {
      super("webhook signature refused: " + failure.name().toLowerCase(java.util.Locale.ROOT));
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  /** The header value for {@code body} signed at {@code at} with each of {@code secrets}. */
  public static String header(Instant at, byte[] body, Collection<String> secrets) {
    long t = at.getEpochSecond();
    StringBuilder header = new StringBuilder("t=").append(t);
    for (String secret : secrets) {
      header.append(",v1=").append(hex(hmac(secret, t, body)));
    }
    return header.toString();
  }

  /**
   * Checks a header: the signature first, then the timestamp, so that a forged header learns
   * nothing from the clock.
   *
   * @param secrets the secrets any one of which may have signed
   * @param tolerance how far the timestamp may be from {@code now}, or null for no check
   * @return the signed timestamp
   * @throws InvalidSignatureException when the header does not verify
   */
  public static Instant verify(
      String header, byte[] body, Collection<String> secrets, Instant now, Duration tolerance)
      throws InvalidSignatureException {
    if (header == null || header.isBlank()) {
      throw new InvalidSignatureException(Failure.MALFORMED_HEADER);
    }
    Long timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    boolean anyV1 = false;
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      if (key.equals("t")) {
        try {
          timestamp = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new InvalidSignatureException(Failure.MALFORMED_HEADER);
        }
      } else if (key.equals("v1")) {
        anyV1 = true;
        try {
          signatures.add(HexFormat.of().parseHex(value));
        } catch (IllegalArgumentException e) {
          // A malformed v1 cannot match (so it is a mismatch); another v1 still may.
        }
      }
    }
    if (timestamp == null) {
      throw new InvalidSignatureException(Failure.MALFORMED_HEADER);
    }
    if (!anyV1) {
      throw new InvalidSignatureException(Failure.NO_SIGNATURE);
    }
    boolean matched = false;
    for (String secret : secrets) {
      byte[] expected = hmac(secret, timestamp, body);
      for (byte[] candidate : signatures) {
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    }
    if (!matched) {
      throw new InvalidSignatureException(Failure.MISMATCH);
    }
    Instant signedAt = Instant.ofEpochSecond(timestamp);
    if (tolerance != null && Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
      throw new InvalidSignatureException(Failure.TIMESTAMP_OUTSIDE_TOLERANCE);
    }
    return signedAt;
  }

  private static byte[] hmac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
