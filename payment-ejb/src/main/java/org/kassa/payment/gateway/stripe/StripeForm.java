package org.kassa.payment.gateway.stripe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of one Stripe request: {@code application/x-www-form-urlencoded} with Stripe's bracket
 * notation for nested fields ({@code metadata[kassa_payment_id]=pay_1}). Values marked sensitive (a
 * card number, a CVC, a holder's name) are remembered so that an error message echoing them can be
 * scrubbed; the form has no {@code toString} that shows values.
 */
final class StripeForm {

  private final Map<String, String> fields = new LinkedHashMap<>();
  private final List<String> sensitive = new ArrayList<>();

  StripeForm add(String key, Object value) {
    if (value != null) {
      fields.put(key, value.toString());
    }
    return this;
  }

  /** Adds a value that must never appear in a log line or an exception message. */
  StripeForm addSensitive(String key, String value) {
    if (value != null) {
      fields.put(key, value);
      sensitive.add(value);
    }
    return this;
  }

  List<String> sensitiveValues() {
    return List.copyOf(sensitive);
  }

  /** The encoded body. Brackets stay literal, as Stripe's own libraries send them. */
  String encode() {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(encodeKey(field.getKey())).append('=').append(encodeValue(field.getValue()));
    }
    return body.toString();
  }

  static String encodeValue(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encodeKey(String key) {
    return encodeValue(key).replace("%5B", "[").replace("%5D", "]");
  }

  @Override
  public String toString() {
    return "StripeForm" + fields.keySet();
  }
}
