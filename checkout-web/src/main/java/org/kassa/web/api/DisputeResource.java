package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.payment.dispute.Dispute;
import org.kassa.payment.dispute.DisputeRepresentation;
import org.kassa.payment.dispute.Disputes;
import org.kassa.payment.dispute.NewEvidence;

/** Disputes of the merchant's payments: list, retrieve, submit evidence. */
@Path("v1/disputes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DisputeResource {

  private static final Set<String> EVIDENCE_FIELDS = Set.of("text", "files");
  private static final Set<String> FILE_FIELDS = Set.of("name", "content_type", "content_base64");

  @Inject private Disputes disputes;
  @Inject private Validator validator;
  @Context private ContainerRequestContext request;

  /** Lists the merchant's disputes, newest first (up to 100). */
  @GET
  @Operation(
      summary = "List disputes",
      description = "Chargebacks of the merchant's payments, as their gateways reported them.")
  @APIResponse(responseCode = "200", description = "The disputes, newest first")
  public Response list() {
    JsonArrayBuilder data = Json.createArrayBuilder();
    disputes.list(merchantId(), 100).forEach(d -> data.add(DisputeRepresentation.of(d, List.of())));
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
  }

  /**
   * Reads a dispute.
   *
   * @param id the dispute id
   */
  @GET
  @Path("{id}")
  @Operation(summary = "Retrieve a dispute", description = "With its evidence files (no content).")
  @APIResponse(responseCode = "200", description = "The dispute")
  @APIResponse(responseCode = "404", description = "No such dispute for this merchant")
  public Response get(@PathParam("id") String id) {
    Dispute dispute = disputes.get(merchantId(), id);
    return Response.ok(
            DisputeRepresentation.of(dispute, disputes.files(merchantId(), id)).toString())
        .build();
  }

  /**
   * Submits evidence: {@code text} and up to five {@code files}, each {@code name}, {@code
   * content_type} (PDF, PNG, JPEG or plain text) and {@code content_base64} (up to 4 MiB).
   *
   * @param id the dispute id
   */
  @POST
  @Path("{id}/evidence")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Submit dispute evidence",
      description =
          "Stores the evidence and sends it to the gateway before the evidence deadline; the"
              + " dispute then is under review until the card network decides.")
  @APIResponse(responseCode = "200", description = "The dispute, usually under review")
  @APIResponse(responseCode = "400", description = "Missing text, a bad file")
  @APIResponse(responseCode = "404", description = "No such dispute for this merchant")
  @APIResponse(responseCode = "409", description = "The dispute is decided or past its deadline")
  public Response submitEvidence(@PathParam("id") String id, InputStream body) {
    JsonFields json = JsonFields.parse(body);
    json.rejectUnknown(EVIDENCE_FIELDS);
    List<NewEvidence.File> files = new ArrayList<>();
    List<JsonFields> fileFields = json.objects("files");
    if (fileFields != null) {
      for (JsonFields f : fileFields) {
        f.rejectUnknown(FILE_FIELDS);
        files.add(
            new NewEvidence.File(
                f.string("name"), f.string("content_type"), f.base64("content_base64")));
      }
    }
    NewEvidence evidence = new NewEvidence(json.string("text"), files);
    Map<String, String> errors = new LinkedHashMap<>(json.errors());
    ProblemMappers.addViolations(errors, validator.validate(evidence));
    if (!errors.isEmpty()) {
      return Problem.invalid(errors);
    }
    Dispute dispute = disputes.submitEvidence(merchantId(), id, evidence);
    return Response.ok(
            DisputeRepresentation.of(dispute, disputes.files(merchantId(), id)).toString())
        .build();
  }

  private String merchantId() {
    return MerchantAuthentication.merchantOf(request).id();
  }
}
