package org.kassa.payment.gateway.paypal;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/**
 * Null-tolerant reading of PayPal's JSON: PayPal leaves out what does not apply, so every step may
 * be missing.
 */
final class PayPalJson {

  private PayPalJson() {}

  /**
   * Parses a JSON object.
   *
   * @throws JsonException if the text is not one JSON object
   */
  static JsonObject parse(String text) {
    if (text == null || text.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (IllegalStateException | ClassCastException e) {
      throw new JsonException("not a JSON object", e);
    }
  }

  /** A string member, or empty when it is missing or not a string. */
  static Optional<String> string(JsonObject object, String key) {
    if (object != null && object.get(key) instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    return Optional.empty();
  }

  /** An object member, or empty. */
  static Optional<JsonObject> object(JsonObject object, String key) {
    if (object != null && object.get(key) instanceof JsonObject o) {
      return Optional.of(o);
    }
    return Optional.empty();
  }

  /** The first object of an array member, or empty. */
  static Optional<JsonObject> first(JsonObject object, String key) {
    if (object != null
        && object.get(key) instanceof JsonArray array
        && !array.isEmpty()
        && array.get(0) instanceof JsonObject o) {
      return Optional.of(o);
    }
    return Optional.empty();
  }

  /** The href of the first HATEOAS link with this rel in {@code links}, or empty. */
  static Optional<String> link(JsonObject object, String rel) {
    if (object != null && object.get("links") instanceof JsonArray links) {
      for (JsonValue value : links) {
        if (value instanceof JsonObject link && rel.equals(link.getString("rel", null))) {
          return string(link, "href");
        }
      }
    }
    return Optional.empty();
  }

  /** A JSON string literal, quoted and escaped. */
  static String quote(String text) {
    return Json.createValue(text).toString();
  }
}
