package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.payment.support.SupportTickets;
import org.kassa.payment.support.TicketStatus;
import org.kassa.payment.support.TicketView;

/**
 * Support tickets: problems shoppers reported from the hosted page's help about the merchant's
 * checkouts. Each names its checkout session (and payment, if there was one), a category, what the
 * shopper wrote and, if given, where to answer. The merchant answers outside Kassa (by email) and
 * moves the ticket {@code open → answered → closed}.
 */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SupportTicketResource {

  @Inject private SupportTickets tickets;
  @Context private ContainerRequestContext request;

  /**
   * Lists the merchant's tickets, newest first.
   *
   * @param status only tickets in this status: {@code open}, {@code answered} or {@code closed}
   * @param limit at most this many, 1 to 200 (default 50)
   */
  @GET
  @Path("support-tickets")
  @Operation(summary = "List support tickets", description = "Newest first, optionally by status.")
  @APIResponse(responseCode = "200", description = "The tickets")
  @APIResponse(responseCode = "400", description = "An unknown status or a limit out of range")
  public Response list(
      @Parameter(description = "open, answered or closed") @QueryParam("status") String status,
      @Parameter(description = "1 to 200") @QueryParam("limit") @DefaultValue("50") int limit) {
    Optional<TicketStatus> wanted =
        status == null ? Optional.empty() : TicketStatus.fromApiName(status);
    if (status != null && wanted.isEmpty()) {
      return Problem.invalid(Map.of("status", "must be open, answered or closed"));
    }
    if (limit < 1 || limit > SupportTickets.MAX_LIST) {
      return Problem.invalid(Map.of("limit", "must be between 1 and " + SupportTickets.MAX_LIST));
    }
    JsonArrayBuilder data = Json.createArrayBuilder();
    tickets
        .list(merchantId(), wanted.orElse(null), limit)
        .forEach(t -> data.add(representation(t)));
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
  }

  /**
   * Reads a ticket.
   *
   * @param id the ticket id ({@code tkt_…})
   */
  @GET
  @Path("support-tickets/{id}")
  @Operation(summary = "Retrieve a support ticket")
  @APIResponse(responseCode = "200", description = "The ticket")
  @APIResponse(responseCode = "404", description = "No such ticket for this merchant")
  public Response get(@PathParam("id") String id) {
    return Response.ok(representation(tickets.get(merchantId(), id)).toString()).build();
  }

  /**
   * Changes a ticket's status: {@code {"status": "answered"}} or {@code "closed"}. An open ticket
   * may become answered or closed, an answered one closed; a closed one stays closed. Setting the
   * status it has changes nothing.
   *
   * @param id the ticket id
   */
  @PATCH
  @Path("support-tickets/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a support ticket's status",
      description = "open → answered → closed, or open → closed.")
  @APIResponse(responseCode = "200", description = "The ticket, in its new status")
  @APIResponse(responseCode = "400", description = "No status, or an unknown one")
  @APIResponse(responseCode = "404", description = "No such ticket for this merchant")
  @APIResponse(responseCode = "409", description = "The ticket cannot move to that status")
  public Response update(@PathParam("id") String id, InputStream body) {
    String status = JsonFields.onlyText(body, "status");
    Optional<TicketStatus> target =
        status == null ? Optional.empty() : TicketStatus.fromApiName(status);
    if (target.isEmpty()) {
      return Problem.invalid(Map.of("status", "must be open, answered or closed"));
    }
    TicketView changed = tickets.changeStatus(merchantId(), id, target.get(), "api");
    return Response.ok(representation(changed).toString()).build();
  }

  static JsonObject representation(TicketView t) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", t.id())
            .add("object", "support_ticket")
            .add("checkout_session", t.sessionId())
            .add("category", t.category().apiName())
            .add("status", t.status().apiName())
            .add("locale", t.locale())
            .add("created_at", t.createdAt().toString())
            .add("updated_at", t.updatedAt().toString());
    nullable(json, "payment", t.paymentId());
    nullable(json, "message", t.message());
    nullable(json, "contact_email", t.contactEmail());
    return json.build();
  }

  private static void nullable(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  private String merchantId() {
    return MerchantAuthentication.merchantOf(request).id();
  }
}
