package org.kassa.payment.gateway.paypal;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.kassa.payment.gateway.GatewayRejectedException;

/**
 * PayPal answered a request with a 4xx error body other than 401 and 429, for example {@code
 * {"name":"UNPROCESSABLE_ENTITY","details":[{"issue":"INSTRUMENT_DECLINED"}],"debug_id":"…"}}. Kept
 * inside this package: the gateway reads some issues as declines and turns the rest into {@link
 * GatewayRejectedException}.
 */
final class PayPalApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String name;
  private final String issue;
  private final String debugId;
  private final transient JsonObject body;

  PayPalApiException(int status, JsonObject body) {
    super(describe(status, body));
    this.status = status;
    this.body = body;
    this.name = body.getString("name", body.getString("error", "HTTP_" + status));
    this.issue = firstIssue(body).orElse(null);
    this.debugId = body.getString("debug_id", null);
  }

  int status() {
    return status;
  }

  /** The first {@code details[].issue}, e.g. {@code INSTRUMENT_DECLINED}, else null. */
  String issue() {
    return issue;
  }

  /** The error's name, e.g. {@code UNPROCESSABLE_ENTITY}. */
  String name() {
    return name;
  }

  /** The issue when there is one, else the name: what Kassa records as the code. */
  String code() {
    return issue != null ? issue : name;
  }

  String debugId() {
    return debugId;
  }

  /** The href of the error's HATEOAS link with this rel, e.g. {@code redirect}. */
  Optional<String> link(String rel) {
    return PayPalJson.link(body, rel);
  }

  /** This error as Kassa's "refused as invalid; nothing changed". */
  GatewayRejectedException rejected() {
    return new GatewayRejectedException(code(), getMessage());
  }

  /**
   * PayPal's own words for the error: the first detail's description, else the message, and the
   * debug id for PayPal's support. Never a detail's {@code value}, which may echo the request.
   */
  private static String describe(int status, JsonObject body) {
    String text = body.getString("message", body.getString("error_description", "HTTP " + status));
    text =
        PayPalJson.first(body, "details")
            .flatMap(detail -> PayPalJson.string(detail, "description"))
            .orElse(text);
    String debug = body.getString("debug_id", null);
    return "PayPal: " + text + (debug == null ? "" : " (debug_id " + debug + ")");
  }

  private static Optional<String> firstIssue(JsonObject body) {
    if (body.get("details") instanceof JsonArray details) {
      for (JsonValue d : details) {
        Optional<String> issue =
            d instanceof JsonObject detail
                ? PayPalJson.string(detail, "issue").filter(i -> !i.isBlank())
                : Optional.empty();
        if (issue.isPresent()) {
          return issue;
        }
      }
    }
    return Optional.empty();
  }
}
