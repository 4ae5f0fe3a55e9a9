package org.kassa.payment.webhook;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.time.Instant;

/**
 * The JSON body of an outbound event: {@code {"id":"evt_…","type":"payment.captured","created":
 * <unix seconds>,"data":{"object":{…}}}}, keys in that order, no white space. It is built once,
 * when the event is published, and stored; every attempt and every replay posts these bytes.
 */
public final class EventEnvelope {

  private EventEnvelope() {}

  /**
   * Builds the body.
   *
   * @param payloadJson the object the event is about, as a JSON object
   * @throws IllegalArgumentException if {@code payloadJson} is not one JSON object
   */
  public static String build(String eventId, String type, Instant created, String payloadJson) {
    JsonObject object = parseObject(payloadJson);
    return Json.createObjectBuilder()
        .add("id", eventId)
        .add("type", type)
        .add("created", created.getEpochSecond())
        .add("data", Json.createObjectBuilder().add("object", object))
        .build()
        .toString();
  }

  private static JsonObject parseObject(String json) {
    if (json == null) {
      throw new IllegalArgumentException("an event needs a payload object");
    }
    try (JsonParser parser = Json.createParser(new StringReader(json))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new IllegalArgumentException("an event's payload must be a JSON object");
      }
      JsonObject object = parser.getObject();
      if (parser.hasNext()) {
        throw new IllegalArgumentException("an event's payload must be one JSON object");
      }
      return object;
    } catch (JsonException e) {
      // JsonParsingException included: not JSON at all, or something after the object.
      throw new IllegalArgumentException("an event's payload is not one valid JSON object", e);
    }
  }
}
