package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.payment.webhook.EventDelivery;
import org.kassa.payment.webhook.MerchantWebhooks;
import org.kassa.payment.webhook.NewWebhookEndpoint;
import org.kassa.payment.webhook.WebhookActivity;
import org.kassa.payment.webhook.WebhookEndpoint;

/**
 * Outbound webhooks: the merchant's endpoints, the events sent to them, and replays. Every payment,
 * refund and dispute change becomes an event, posted signed ({@code Kassa-Signature:
 * t=…,v1=HMAC-SHA256("t.body")}) with back-off retries for three days.
 */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {

  private static final Set<String> CREATE_FIELDS = Set.of("url", "enabled_events", "description");
  private static final Set<String> ROTATE_FIELDS = Set.of("overlap_seconds");

  @Inject private MerchantWebhooks webhooks;
  @Inject private WebhookActivity activity;
  @Context private ContainerRequestContext request;

  private final Clock clock = Clock.systemUTC();

  /**
   * Creates an endpoint: {@code url} (https; http only to localhost in demo mode), {@code
   * enabled_events} (types such as {@code payment.captured}, families such as {@code payment.*}, or
   * {@code ["*"]}), {@code description}. The answer carries the signing {@code secret}, shown only
   * here and on rotation.
   */
  @POST
  @Path("webhook-endpoints")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a webhook endpoint",
      description = "The answer carries the signing secret; it is not shown again.")
  @APIResponse(responseCode = "201", description = "The endpoint, with its secret")
  @APIResponse(responseCode = "400", description = "A bad URL or event type")
  public Response create(InputStream body) {
    JsonFields json = JsonFields.parse(body);
    json.rejectUnknown(CREATE_FIELDS);
    NewWebhookEndpoint command =
        new NewWebhookEndpoint(
            json.string("url"), json.strings("enabled_events"), json.string("description"));
    if (!json.errors().isEmpty()) {
      return Problem.invalid(json.errors());
    }
    WebhookEndpoint endpoint = webhooks.create(merchantId(), command);
    return Response.status(201).entity(representation(endpoint, true).toString()).build();
  }

  /** Lists the merchant's endpoints, oldest first (without secrets). */
  @GET
  @Path("webhook-endpoints")
  @Operation(summary = "List webhook endpoints")
  @APIResponse(responseCode = "200", description = "The endpoints")
  public Response list() {
    JsonArrayBuilder data = Json.createArrayBuilder();
    webhooks.list(merchantId()).forEach(e -> data.add(representation(e, false)));
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
  }

  /**
   * Reads an endpoint (without its secret).
   *
   * @param id the endpoint id
   */
  @GET
  @Path("webhook-endpoints/{id}")
  @Operation(summary = "Retrieve a webhook endpoint")
  @APIResponse(responseCode = "200", description = "The endpoint")
  @APIResponse(responseCode = "404", description = "No such endpoint for this merchant")
  public Response get(@PathParam("id") String id) {
    return Response.ok(representation(webhooks.get(merchantId(), id), false).toString()).build();
  }

  /**
   * Disables an endpoint: nothing more is sent to it, and its pending deliveries are canceled.
   *
   * @param id the endpoint id
   */
  @DELETE
  @Path("webhook-endpoints/{id}")
  @Operation(summary = "Disable a webhook endpoint")
  @APIResponse(responseCode = "200", description = "The endpoint, disabled")
  @APIResponse(responseCode = "404", description = "No such endpoint for this merchant")
  public Response disable(@PathParam("id") String id) {
    return Response.ok(representation(webhooks.disable(merchantId(), id), false).toString())
        .build();
  }

  /**
   * Rotates an endpoint's secret. The new one signs at once; the old one signs too, in the same
   * header, for {@code overlap_seconds} (default 24 h, at most 7 days; 0 ends it at once).
   *
   * @param id the endpoint id
   */
  @POST
  @Path("webhook-endpoints/{id}/rotate-secret")
  @Operation(
      summary = "Rotate a webhook endpoint's secret",
      description = "Both secrets sign during the overlap, so receivers can switch without a gap.")
  @APIResponse(responseCode = "200", description = "The endpoint, with its new secret")
  @APIResponse(responseCode = "400", description = "An overlap out of range")
  @APIResponse(responseCode = "404", description = "No such endpoint for this merchant")
  public Response rotate(@PathParam("id") String id, InputStream body) {
    JsonFields json = JsonFields.parseOptional(body);
    json.rejectUnknown(ROTATE_FIELDS);
    Long overlap = json.integer("overlap_seconds", "must be a whole number of seconds");
    if (!json.errors().isEmpty()) {
      return Problem.invalid(json.errors());
    }
    WebhookEndpoint endpoint =
        webhooks.rotateSecret(
            merchantId(), id, overlap == null ? null : Duration.ofSeconds(overlap));
    return Response.ok(representation(endpoint, true).toString()).build();
  }

  /**
   * The merchant's recent events with their deliveries and every attempt, newest first.
   *
   * @param limit 1 to 100, default 20
   */
  @GET
  @Path("events")
  @Operation(
      summary = "List events",
      description = "Each with the exact body posted, its deliveries and their attempts.")
  @APIResponse(responseCode = "200", description = "The events, newest first")
  @APIResponse(responseCode = "400", description = "A bad limit")
  public Response events(@QueryParam("limit") @DefaultValue("20") int limit) {
    if (limit < 1 || limit > WebhookActivity.MAX_LIMIT) {
      return Problem.invalid(Map.of("limit", "must be from 1 to 100"));
    }
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (WebhookActivity.EventView e : activity.recentEvents(merchantId(), null, limit)) {
      JsonArrayBuilder deliveries = Json.createArrayBuilder();
      for (WebhookActivity.DeliveryView d : e.deliveries()) {
        JsonObjectBuilder delivery =
            Json.createObjectBuilder()
                .add("id", d.id())
                .add("endpoint", d.endpointId())
                .add("status", d.status())
                .add("attempts", d.attemptCount());
        if (d.lastStatusCode() != null) {
          delivery.add("last_status_code", d.lastStatusCode());
        }
        deliveries.add(delivery);
      }
      data.add(
          Json.createObjectBuilder()
              .add("id", e.id())
              .add("object", "event")
              .add("type", e.type())
              .add("created_at", e.createdAt().toString())
              .add(
                  "data",
                  Json.createReader(new java.io.StringReader(e.body()))
                      .readObject()
                      .getJsonObject("data"))
              .add("deliveries", deliveries));
    }
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
  }

  /**
   * Sends a delivered or failed delivery again, now: the same bytes, the same event id.
   *
   * @param id the delivery id
   */
  @POST
  @Path("webhook-deliveries/{id}/replay")
  @Operation(summary = "Replay a webhook delivery")
  @APIResponse(responseCode = "200", description = "The delivery, pending again")
  @APIResponse(responseCode = "400", description = "Still pending, or its endpoint is disabled")
  @APIResponse(responseCode = "404", description = "No such delivery for this merchant")
  public Response replay(@PathParam("id") String id) {
    EventDelivery d = webhooks.replay(merchantId(), id);
    return Response.ok(
            Json.createObjectBuilder()
                .add("id", d.id())
                .add("object", "webhook_delivery")
                .add("event", d.eventId())
                .add("status", d.status().name().toLowerCase(java.util.Locale.ROOT))
                .build()
                .toString())
        .build();
  }

  private JsonObject representation(WebhookEndpoint e, boolean withSecret) {
    JsonArrayBuilder types = Json.createArrayBuilder();
    e.types().asList().forEach(types::add);
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("id", e.id())
            .add("object", "webhook_endpoint")
            .add("url", e.url())
            .add("enabled_events", types)
            .add("status", e.enabled() ? "enabled" : "disabled")
            .add("created_at", e.createdAt().toString());
    e.description()
        .ifPresentOrElse(d -> out.add("description", d), () -> out.addNull("description"));
    if (withSecret) {
      out.add("secret", e.secret());
    }
    e.previousSecretExpiresAt(clock.instant())
        .ifPresent(t -> out.add("previous_secret_expires_at", t.toString()));
    return out.build();
  }

  private String merchantId() {
    return MerchantAuthentication.merchantOf(request).id();
  }
}
