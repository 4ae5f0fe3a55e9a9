package org.kassa.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON request body field by field and collects, per field, what is wrong with its type, so
 * that the merchant learns every problem at once ({@code amount: must be an integer}) rather than a
 * parser's first complaint. Rules about values are left to Bean Validation.
 */
final class JsonFields {

  private final JsonObject object;
  private final String prefix;
  private final Map<String, String> errors;

  private JsonFields(JsonObject object, String prefix, Map<String, String> errors) {
    this.object = object;
    this.prefix = prefix;
    this.errors = errors;
  }

  /**
   * Parses a body that may be empty (no fields given) or one JSON object.
   *
   * @throws WebApplicationException with a 400 problem if it is something else
   */
  static JsonFields parseOptional(InputStream body) {
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : body.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return new JsonFields(JsonValue.EMPTY_JSON_OBJECT, "", new LinkedHashMap<>());
    }
    return parse(new java.io.ByteArrayInputStream(bytes));
  }

  /**
   * Parses a body that must be one JSON object.
   *
   * @throws WebApplicationException with a 400 problem if it is not
   */
  static JsonFields parse(InputStream body) {
    JsonValue value;
    try (JsonReader reader = Json.createReader(body)) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      throw new WebApplicationException(
          Problem.of(
              400,
              "malformed-json",
              "Malformed JSON",
              "The body is not valid JSON (line "
                  + e.getLocation().getLineNumber()
                  + ", column "
                  + e.getLocation().getColumnNumber()
                  + ")."));
    } catch (JsonException e) {
      if (e.getCause() instanceof WebApplicationException tooLarge) {
        throw tooLarge;
      }
      throw new WebApplicationException(
          Problem.of(
              400, "malformed-json", "Malformed JSON", "The body is empty or not valid JSON."));
    }
    if (!(value instanceof JsonObject obj)) {
      throw new WebApplicationException(
          Problem.of(400, "malformed-json", "Malformed JSON", "The body must be a JSON object."));
    }
    return new JsonFields(obj, "", new LinkedHashMap<>());
  }

  /**
   * A body holding one text field and nothing else, e.g. {@code {"reason": "..."}}: the field's
   * value, or null when it is absent.
   *
   * @throws WebApplicationException with a 400 problem for malformed JSON, another field, or a
   *     value that is not a string
   */
  static String onlyText(InputStream body, String field) {
    JsonFields json = parse(body);
    json.rejectUnknown(java.util.Set.of(field));
    String value = json.string(field);
    if (!json.errors().isEmpty()) {
      throw new WebApplicationException(Problem.invalid(json.errors()));
    }
    return value;
  }

  /** The type errors found so far, by field path. */
  Map<String, String> errors() {
    return errors;
  }

  private String path(String field) {
    return prefix + field;
  }

  private JsonValue raw(String field) {
    JsonValue v = object.get(field);
    return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
  }

  /** A string field; null when absent. */
  String string(String field) {
    JsonValue v = raw(field);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    errors.put(path(field), "must be a string");
    return null;
  }

  /** An array of strings; null when absent. */
  List<String> strings(String field) {
    JsonValue v = raw(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray array)) {
      errors.put(path(field), "must be an array of strings");
      return null;
    }
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof JsonString s) {
        out.add(s.getString());
      } else {
        errors.put(path(field) + "[" + i + "]", "must be a string");
      }
    }
    return out;
  }

  /** A decimal number field (a score); null when absent. */
  Double number(String field) {
    JsonValue v = raw(field);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonNumber n) {
      return n.doubleValue();
    }
    errors.put(path(field), "must be a number");
    return null;
  }

  /** A base64 field (a file's bytes); null when absent. */
  byte[] base64(String field) {
    String text = string(field);
    if (text == null) {
      return null;
    }
    try {
      return java.util.Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      errors.put(path(field), "must be base64");
      return null;
    }
  }

  /** An integer field (minor units, counts); null when absent. */
  Long integer(String field, String whatItIs) {
    JsonValue v = raw(field);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonNumber n) {
      BigDecimal d = n.bigDecimalValue();
      if (d.stripTrailingZeros().scale() > 0) {
        return fail(field, whatItIs);
      }
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return fail(field, "is too large");
      }
    }
    return fail(field, whatItIs);
  }

  private Long fail(String field, String message) {
    errors.put(path(field), message);
    return null;
  }

  /** The objects of an array field, each with its own path ({@code line_items[0].name}). */
  List<JsonFields> objects(String field) {
    JsonValue v = raw(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray array)) {
      errors.put(path(field), "must be an array");
      return null;
    }
    List<JsonFields> out = new java.util.ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonValue item = array.get(i);
      if (item instanceof JsonObject obj) {
        out.add(new JsonFields(obj, path(field) + "[" + i + "].", errors));
      } else {
        errors.put(path(field) + "[" + i + "]", "must be an object");
      }
    }
    return out;
  }

  /** The names of fields present that the request does not know, so typos do not pass silently. */
  void rejectUnknown(java.util.Set<String> known) {
    for (String name : object.keySet()) {
      if (!known.contains(name)) {
        errors.put(path(name), "is not a known field");
      }
    }
  }
}
