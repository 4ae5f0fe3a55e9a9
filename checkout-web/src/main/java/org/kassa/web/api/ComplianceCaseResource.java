package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.compliance.aml.ListVersion;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.gate.Alert;
import org.kassa.compliance.gate.CaseComment;
import org.kassa.compliance.gate.CaseDecidedException;
import org.kassa.compliance.gate.CaseQuery;
import org.kassa.compliance.gate.CaseWork;
import org.kassa.compliance.gate.CaseWorkRefusedException;
import org.kassa.compliance.gate.ComplianceCase;
import org.kassa.compliance.gate.ComplianceCases;
import org.kassa.compliance.gate.ScreeningHitDetail;
import org.kassa.compliance.gate.ScreeningHitReason;
import org.kassa.web.security.ConsoleUsers;

/**
 * Payments the compliance gate held for review (a compliance key), grouped per customer: list the
 * cases with their alerts and payments, work on one (assign it to an officer, comment, escalate),
 * read its screening hits explained, clear it (its payments are captured) or confirm it (they are
 * voided). Every action is audited by the compliance module.
 */
@Path("v1/compliance/cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceCaseResource {

  @Inject private ComplianceCases cases;
  @Inject private CaseWork work;
  @Inject private ConsoleUsers users;
  @Context private ContainerRequestContext request;

  /**
   * The cases, escalated first and then oldest first, each with its customer's pseudonymous id
   * ({@code subject}, null when not known), its alerts (rule, detail, payment, when), the payments
   * it holds, the gate's reasons, its assignee and escalation; {@code payment} is the payment that
   * opened it.
   *
   * @param status {@code open} (default), {@code decided} or {@code all}
   * @param assignedTo only the cases assigned to this officer
   * @param escalated {@code true} for escalated cases only
   * @param limit at most this many (1 to 500); without it, every matching case
   * @param offset skip this many first
   */
  @GET
  @Operation(summary = "List compliance cases")
  @APIResponse(responseCode = "200", description = "The cases")
  @APIResponse(responseCode = "400", description = "A bad filter")
  public Response list(
      @QueryParam("status") @DefaultValue("open") String status,
      @QueryParam("assigned_to") String assignedTo,
      @QueryParam("escalated") @DefaultValue("false") boolean escalated,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    Map<String, String> errors = new LinkedHashMap<>();
    CaseQuery.Status which = null;
    try {
      which = CaseQuery.Status.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.put("status", "must be open, decided or all");
    }
    if (limit != null && (limit < 1 || limit > 500)) {
      errors.put("limit", "must be 1 to 500");
    }
    if (offset < 0) {
      errors.put("offset", "must not be negative");
    }
    if (!errors.isEmpty()) {
      return Problem.invalid(errors);
    }
    CaseQuery query = new CaseQuery(which, assignedTo, escalated);
    JsonArrayBuilder data = Json.createArrayBuilder();
    work.find(query, offset, limit == null ? Integer.MAX_VALUE : limit)
        .forEach(c -> data.add(representation(c)));
    return Response.ok(
            Json.createObjectBuilder()
                .add("object", "list")
                .add("total", work.count(query))
                .add("data", data)
                .build()
                .toString())
        .build();
  }

  /**
   * One case with its comments (author, time, text) and its screening hits explained: what the gate
   * stored (list, entry, score, list hash) and the listed entry as listed now.
   *
   * @param id the case id
   */
  @GET
  @Path("{id}")
  @Operation(summary = "Get a compliance case with its comments and screening hits")
  @APIResponse(responseCode = "200", description = "The case")
  @APIResponse(responseCode = "404", description = "No such case")
  public Response get(@PathParam("id") String id) {
    return cases
        .find(id)
        .map(
            c -> {
              JsonArrayBuilder comments = Json.createArrayBuilder();
              work.comments(c.id()).forEach(comment -> comments.add(representation(comment)));
              JsonArrayBuilder hits = Json.createArrayBuilder();
              work.hits(c).forEach(hit -> hits.add(representation(hit)));
              return Response.ok(
                      Json.createObjectBuilder(representation(c))
                          .add("comments", comments)
                          .add("screening_hits", hits)
                          .build()
                          .toString())
                  .build();
            })
        .orElseGet(() -> notFound(id));
  }

  /**
   * Assigns an open case to a compliance officer: {@code officer}, a console user name.
   *
   * @param id the case id
   */
  @POST
  @Path("{id}/assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Assign a compliance case to an officer", description = "Audited.")
  @APIResponse(responseCode = "200", description = "The case, assigned")
  @APIResponse(responseCode = "400", description = "No officer, or not a compliance officer")
  @APIResponse(responseCode = "404", description = "No such case")
  @APIResponse(responseCode = "409", description = "Decided already")
  public Response assign(@PathParam("id") String id, InputStream body) {
    String named = JsonFields.onlyText(body, "officer");
    if (named == null || named.isBlank()) {
      return Problem.invalid(Map.of("officer", "is required"));
    }
    Optional<String> officer = users.complianceOfficer(named);
    if (officer.isEmpty()) {
      return Problem.invalid(Map.of("officer", "is not a compliance officer"));
    }
    return work(() -> representation(work.assign(id, officer.get(), actor())), 200);
  }

  /**
   * Adds a comment to an open case: {@code text}, an officer's note. Kept with its author and time;
   * the audit trail records only that a comment was added.
   *
   * @param id the case id
   */
  @POST
  @Path("{id}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Comment on a compliance case", description = "Audited, without the text.")
  @APIResponse(responseCode = "201", description = "The comment")
  @APIResponse(responseCode = "400", description = "No text, or too long")
  @APIResponse(responseCode = "404", description = "No such case")
  @APIResponse(responseCode = "409", description = "Decided already")
  public Response comment(@PathParam("id") String id, InputStream body) {
    String text = JsonFields.onlyText(body, "text");
    return work(() -> representation(work.comment(id, text, actor())), 201);
  }

  /**
   * Escalates an open case, with a {@code reason}: it comes first in the queue.
   *
   * @param id the case id
   */
  @POST
  @Path("{id}/escalate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Escalate a compliance case", description = "Audited, without the reason.")
  @APIResponse(responseCode = "200", description = "The case, escalated")
  @APIResponse(responseCode = "400", description = "No reason, or too long")
  @APIResponse(responseCode = "404", description = "No such case")
  @APIResponse(responseCode = "409", description = "Decided or escalated already")
  public Response escalate(@PathParam("id") String id, InputStream body) {
    String reason = JsonFields.onlyText(body, "reason");
    return work(() -> representation(work.escalate(id, reason, actor())), 200);
  }

  private Response work(java.util.function.Supplier<JsonObject> action, int status) {
    try {
      return Response.status(status).entity(action.get().toString()).build();
    } catch (CaseDecidedException e) {
      return Problem.of(409, "case-decided", "Decided already", e.getMessage());
    } catch (CaseWorkRefusedException e) {
      return switch (e.kind()) {
        case INVALID -> Problem.invalid(e.fieldErrors());
        case NOT_FOUND -> Problem.of(404, "not-found", "Not found", e.getMessage());
        case ALREADY_ESCALATED ->
            Problem.of(409, "case-escalated", "Escalated already", e.getMessage());
      };
    }
  }

  private static Response notFound(String id) {
    return Problem.of(404, "not-found", "Not found", "No compliance case " + id + ".");
  }

  private String actor() {
    return "compliance-key:" + MerchantAuthentication.complianceClientOf(request).id();
  }

  /**
   * Clears a case: the concern was unfounded, every payment it holds is captured.
   *
   * @param id the case id
   */
  @POST
  @Path("{id}/clear")
  @Operation(
      summary = "Clear a compliance case",
      description = "Every payment the case holds is captured.")
  @APIResponse(responseCode = "200", description = "The case, cleared")
  @APIResponse(responseCode = "404", description = "No such case")
  @APIResponse(responseCode = "409", description = "Decided already")
  public Response clear(@PathParam("id") String id) {
    return decide(id, true);
  }

  /**
   * Confirms a case: the concern stands, every payment it holds is voided.
   *
   * @param id the case id
   */
  @POST
  @Path("{id}/confirm")
  @Operation(
      summary = "Confirm a compliance case",
      description = "Every payment the case holds is voided.")
  @APIResponse(responseCode = "200", description = "The case, confirmed")
  @APIResponse(responseCode = "404", description = "No such case")
  @APIResponse(responseCode = "409", description = "Decided already")
  public Response confirm(@PathParam("id") String id) {
    return decide(id, false);
  }

  private Response decide(String id, boolean cleared) {
    if (cases.find(id).isEmpty()) {
      return notFound(id);
    }
    try {
      ComplianceCase decided = cases.decide(id, cleared, actor());
      return Response.ok(representation(decided).toString()).build();
    } catch (CaseDecidedException e) {
      return Problem.of(409, "case-decided", "Decided already", e.getMessage());
    } catch (org.kassa.compliance.gate.FourEyesException e) {
      return Problem.of(409, "four-eyes-required", "Another officer must clear it", e.getMessage());
    }
  }

  private JsonObject representation(ComplianceCase c) {
    JsonArrayBuilder alerts = Json.createArrayBuilder();
    for (Alert a : cases.alerts(c)) {
      alerts.add(
          Json.createObjectBuilder()
              .add("id", a.id())
              .add("rule", a.ruleId())
              .add("detail", a.detail())
              .add("payment", a.paymentRef())
              .add("holds", a.holds())
              .add("raised_at", a.raisedAt().toString()));
    }
    JsonArrayBuilder payments = Json.createArrayBuilder();
    c.payments().forEach(payments::add);
    return Json.createObjectBuilder()
        .add("id", c.id())
        .add("object", "compliance_case")
        .add("subject", c.subjectRef().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL))
        // A re-screening's case is about a customer, not one payment.
        .add("payment", c.paymentRef() == null ? JsonValue.NULL : Json.createValue(c.paymentRef()))
        .add("payments", payments)
        .add("alerts", alerts)
        .add("status", c.status().name().toLowerCase(Locale.ROOT))
        .add("reasons", cases.reasons(c))
        .add("needs_two_officers", c.needsTwoOfficers())
        .add(
            "awaiting_second_officer",
            c.firstClearedBy().isPresent() && c.status() == ComplianceCase.Status.OPEN)
        .add("created_at", c.createdAt().toString())
        .add("assigned_to", nullable(c.assignedTo()))
        .add("escalated", c.escalated())
        .add("escalation_reason", nullable(c.escalationReason()))
        .build();
  }

  private static JsonValue nullable(Optional<String> value) {
    return value.<JsonValue>map(Json::createValue).orElse(JsonValue.NULL);
  }

  private static JsonObject representation(CaseComment comment) {
    return Json.createObjectBuilder()
        .add("id", comment.id())
        .add("object", "case_comment")
        .add("case", comment.caseId())
        .add("author", comment.author())
        .add("text", comment.text())
        .add("written_at", comment.writtenAt().toString())
        .build();
  }

  private static JsonObject representation(ScreeningHitDetail hit) {
    ScreeningHitReason r = hit.reason();
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("rule", r.rule())
            .add("list_id", r.listId())
            .add("entry_id", r.entryId())
            .add("score", Double.isNaN(r.score()) ? JsonValue.NULL : Json.createValue(r.score()))
            .add(
                "list_sha256",
                r.listSha256() == null ? JsonValue.NULL : Json.createValue(r.listSha256()))
            .add(
                "whitelisting",
                r.whitelistingId() == null ? JsonValue.NULL : Json.createValue(r.whitelistingId()))
            .add("list_changed_since", hit.listChangedSince());
    if (hit.screenedVersion() != null) {
      out.add("screened_version", version(hit.screenedVersion()));
    }
    if (hit.activeVersion() != null) {
      out.add("active_version", version(hit.activeVersion()));
    }
    ListedEntry e = hit.entry();
    if (e == null) {
      out.add("entry", JsonValue.NULL);
    } else {
      JsonArrayBuilder identifiers = Json.createArrayBuilder();
      e.identifiers()
          .forEach(
              i ->
                  identifiers.add(
                      Json.createObjectBuilder()
                          .add("type", i.type())
                          .add("value", i.value())
                          .add("country", i.country() == null ? "" : i.country())));
      out.add(
          "entry",
          Json.createObjectBuilder()
              .add("type", e.type().apiName())
              .add("name", e.name())
              .add("aliases", Json.createArrayBuilder(e.aliases()))
              .add("programs", Json.createArrayBuilder(e.programs()))
              .add("dates_of_birth", Json.createArrayBuilder(e.datesOfBirth()))
              .add("countries", Json.createArrayBuilder(e.countries()))
              .add("identifiers", identifiers));
    }
    return out.build();
  }

  private static JsonObject version(ListVersion v) {
    return Json.createObjectBuilder()
        .add("id", v.id())
        .add("source", v.source())
        .add("published", v.published().map(Object::toString).orElse(""))
        .add("sha256", v.sha256())
        .add("status", v.status().name().toLowerCase(Locale.ROOT))
        .add("loaded_at", v.loadedAt().toString())
        .build();
  }
}
