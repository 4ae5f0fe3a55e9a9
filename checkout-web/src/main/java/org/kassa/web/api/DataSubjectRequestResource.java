package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.compliance.privacy.DataSubjectRequest;
import org.kassa.compliance.privacy.DataSubjectRequests;
import org.kassa.compliance.privacy.InvalidSubjectRequestException;
import org.kassa.compliance.privacy.SubjectRequestStateException;
import org.kassa.compliance.privacy.UnknownSubjectRequestException;

/**
 * Data subject requests (GDPR Art. 15 access, Art. 17 erasure), for a compliance key: receive one,
 * record that the requester's identity was verified, fulfil it (the export, or the erasure) or
 * reject it. The legal deadline (one month from receipt) is in every answer.
 */
@Path("v1/compliance/data-subject-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DataSubjectRequestResource {

  private static final Set<String> RECEIVE_FIELDS = Set.of("kind", "email", "customer");

  @Inject private DataSubjectRequests requests;
  @Context private ContainerRequestContext request;

  /**
   * Receives a request. The body names the kind ({@code access} or {@code erasure}) and the subject
   * by {@code email}, or by a merchant's {@code customer} id. The identifier is turned into the
   * subject's pseudonymous id and not stored.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Receive a data subject request",
      description = "Access or erasure; the deadline is one month from now (GDPR Art. 12(3)).")
  @APIResponse(responseCode = "201", description = "The request, received")
  @APIResponse(responseCode = "400", description = "Missing or invalid fields")
  public Response receive(InputStream body) {
    JsonFields json = JsonFields.parse(body);
    json.rejectUnknown(RECEIVE_FIELDS);
    Map<String, String> errors = new LinkedHashMap<>(json.errors());
    DataSubjectRequest.Kind kind = null;
    String kindName = json.string("kind");
    if (kindName == null) {
      errors.put("kind", "is required: access or erasure");
    } else {
      try {
        kind = DataSubjectRequest.Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.put("kind", "must be access or erasure");
      }
    }
    String email = json.string("email");
    String customer = json.string("customer");
    if ((email == null) == (customer == null)) {
      errors.put("email", "give either email or customer");
    } else if (email != null
        && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
      errors.put("email", "must be an email address");
    } else if (customer != null) {
      if (customer.isBlank() || customer.length() > 100) {
        errors.put("customer", "must be 1 to 100 characters");
      }
    }
    if (!errors.isEmpty()) {
      return Problem.invalid(errors);
    }
    DataSubjectRequest received =
        email != null
            ? requests.receive(kind, DataSubjectRequest.IdentifierKind.EMAIL, email, actor())
            : requests.receive(
                kind, DataSubjectRequest.IdentifierKind.CUSTOMER_ID, customer, actor());
    return Response.status(201).entity(representation(received).toString()).build();
  }

  /** The requests: open ones first, by deadline. */
  @GET
  @Operation(summary = "List data subject requests")
  @APIResponse(responseCode = "200", description = "The requests, open ones first by deadline")
  public Response list(@QueryParam("limit") Integer limit) {
    int size = limit == null ? 50 : Math.max(1, Math.min(limit, 200));
    JsonArrayBuilder data = Json.createArrayBuilder();
    requests.list(0, size).forEach(r -> data.add(representation(r)));
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
  }

  /** One request. */
  @GET
  @Path("{id}")
  @Operation(summary = "Retrieve a data subject request")
  @APIResponse(responseCode = "200", description = "The request")
  @APIResponse(responseCode = "404", description = "No such request")
  public Response get(@PathParam("id") String id) {
    return requests
        .find(id)
        .map(r -> Response.ok(representation(r).toString()).build())
        .orElseGet(() -> notFound(id));
  }

  /** Records that the requester's identity was verified; the body says how ({@code method}). */
  @POST
  @Path("{id}/verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record that a requester's identity was verified",
      description = "Required before a request is fulfilled.")
  @APIResponse(responseCode = "200", description = "The request, verified")
  @APIResponse(responseCode = "400", description = "No method given")
  @APIResponse(responseCode = "404", description = "No such request")
  @APIResponse(responseCode = "409", description = "Not awaiting verification")
  public Response verify(@PathParam("id") String id, InputStream body) {
    String method = JsonFields.onlyText(body, "method");
    if (method == null || method.isBlank() || method.length() > 500) {
      return Problem.invalid(
          Map.of("method", "say how the identity was verified (1 to 500 characters)"));
    }
    try {
      return Response.ok(representation(requests.verifyIdentity(id, actor(), method)).toString())
          .build();
    } catch (UnknownSubjectRequestException e) {
      return notFound(id);
    } catch (SubjectRequestStateException e) {
      return Problem.of(409, "request-state", "Not possible now", e.getMessage());
    }
  }

  /**
   * Fulfils a verified request: an access request answers with the export of everything held about
   * the subject; an erasure request erases (and crypto-shreds) it everywhere.
   */
  @POST
  @Path("{id}/fulfil")
  @Operation(
      summary = "Fulfil a verified data subject request",
      description =
          "Access: the answer's export holds everything every module keeps about the subject."
              + " Erasure: personal data is erased and the subject's keys destroyed; financial"
              + " records (amounts, dates, pseudonymous ids) stay.")
  @APIResponse(responseCode = "200", description = "The request, done, with the export or summary")
  @APIResponse(responseCode = "404", description = "No such request")
  @APIResponse(responseCode = "409", description = "Identity not verified, or done already")
  public Response fulfil(@PathParam("id") String id) {
    DataSubjectRequest found = requests.find(id).orElse(null);
    if (found == null) {
      return notFound(id);
    }
    try {
      JsonObjectBuilder out = Json.createObjectBuilder();
      if (found.kind() == DataSubjectRequest.Kind.ACCESS) {
        out.add("export", requests.fulfilAccess(id, actor()));
      } else {
        out.add("erasure", requests.fulfilErasure(id, actor()));
      }
      out.add("request", representation(requests.find(id).orElseThrow()));
      return Response.ok(out.build().toString()).build();
    } catch (SubjectRequestStateException | InvalidSubjectRequestException e) {
      return Problem.of(409, "request-state", "Not possible now", e.getMessage());
    }
  }

  /** Rejects a request; the body gives the {@code reason}. */
  @POST
  @Path("{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reject a data subject request")
  @APIResponse(responseCode = "200", description = "The request, rejected")
  @APIResponse(responseCode = "400", description = "No reason given")
  @APIResponse(responseCode = "404", description = "No such request")
  @APIResponse(responseCode = "409", description = "Done already")
  public Response reject(@PathParam("id") String id, InputStream body) {
    String reason = JsonFields.onlyText(body, "reason");
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      return Problem.invalid(Map.of("reason", "is required (1 to 1000 characters)"));
    }
    try {
      return Response.ok(representation(requests.reject(id, actor(), reason)).toString()).build();
    } catch (UnknownSubjectRequestException e) {
      return notFound(id);
    } catch (SubjectRequestStateException e) {
      return Problem.of(409, "request-state", "Not possible now", e.getMessage());
    }
  }

  private String actor() {
    return "compliance-key:" + MerchantAuthentication.complianceClientOf(request).id();
  }

  private static Response notFound(String id) {
    return Problem.of(404, "not-found", "Not found", "No data subject request " + id + ".");
  }

  static JsonObject representation(DataSubjectRequest r) {
    Instant now = Instant.now();
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("id", r.id())
            .add("object", "data_subject_request")
            .add("kind", r.kind().name().toLowerCase(Locale.ROOT))
            .add("subject", r.subjectRef())
            .add("status", r.status().name().toLowerCase(Locale.ROOT))
            .add("received_at", r.receivedAt().toString())
            .add("due_at", r.dueAt().toString())
            .add("overdue", r.overdue(now))
            .add("received_by", r.receivedBy());
    r.verifiedBy().ifPresent(v -> out.add("verified_by", v));
    r.verification().ifPresent(v -> out.add("verification", v));
    r.completedAt().ifPresent(v -> out.add("completed_at", v.toString()));
    r.outcome().ifPresent(v -> out.add("outcome", v));
    return out.build();
  }
}
