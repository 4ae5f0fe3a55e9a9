package org.kassa.payment.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A callback as it arrived at {@code /hooks/{gateway}}: the raw body (signatures are over the exact
 * bytes) and the headers, with names in lower case.
 */
public record CallbackRequest(Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

  public CallbackRequest {
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = Map.copyOf(lower);
    body = body.clone();
  }

  /** The first value of a header, whatever the case of its name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
