package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.compliance.gate.Alert;
import org.kassa.compliance.gate.CaseDecidedException;
import org.kassa.compliance.gate.ComplianceCase;
import org.kassa.compliance.gate.ComplianceCases;

/**
 * Payments the compliance gate held for review (a compliance key), grouped per customer: list the
 * open cases with their alerts and payments, clear one (its payments are captured) or confirm it
 * (they are voided).
 */
@Path("v1/compliance/cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceCaseResource {

  @Inject private ComplianceCases cases;
  @Context private ContainerRequestContext request;

  /**
   * The open cases, oldest first, each with its customer's pseudonymous id ({@code subject}, null
   * when not known), its alerts (rule, detail, payment, when), the payments it holds and the gate's
   * reasons; {@code payment} is the payment that opened it.
   */
  @GET
  @Operation(summary = "List open compliance cases")
  @APIResponse(responseCode = "200", description = "The open cases")
  public Response open() {
    JsonArrayBuilder data = Json.createArrayBuilder();
    cases.open().forEach(c -> data.add(representation(c)));
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
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
      return Problem.of(404, "not-found", "Not found", "No compliance case " + id + ".");
    }
    try {
      ComplianceCase decided =
          cases.decide(
              id,
              cleared,
              "compliance-key:" + MerchantAuthentication.complianceClientOf(request).id());
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
        .build();
  }
}
