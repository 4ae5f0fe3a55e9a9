package org.kassa.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.TreeMap;

/**
 * An RFC 9457 problem: a stable {@code type} URI per kind of error, a title, the status, a human
 * {@code detail}, and for validation the per-field {@code errors}. Never a stack trace.
 */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://kassa.dev/problems/";

  private Problem() {}

  /** A problem response of kind {@code type} (the last segment of the type URI). */
  public static Response of(int status, String type, String title, String detail) {
    return of(status, type, title, detail, Map.of());
  }

  /** A problem response with per-field errors (field path, as the caller named it, to message). */
  public static Response of(
      int status, String type, String title, String detail, Map<String, String> errors) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", TYPE_BASE + type)
            .add("title", title)
            .add("status", status)
            .add("detail", detail);
    if (!errors.isEmpty()) {
      JsonObjectBuilder fields = Json.createObjectBuilder();
      new TreeMap<>(errors).forEach(fields::add);
      body.add("errors", fields);
    }
    return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
  }

  /** A 400 for a request whose fields are missing or wrong. */
  public static Response invalid(Map<String, String> errors) {
    return of(
        400,
        "invalid-request",
        "Invalid request",
        "Some fields are missing or invalid; see errors.",
        errors);
  }
}
