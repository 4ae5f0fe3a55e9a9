package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.compliance.audit.AuditExports;

/** The audit trail for compliance systems: verifiable exports (a compliance key). */
@Path("v1/audit")
@RequestScoped
public class AuditResource {

  @Inject private AuditExports exports;
  @Context private ContainerRequestContext request;

  /**
   * Exports events {@code from} to {@code to} with the anchor before them and the signed
   * checkpoints in them. Verify it offline with {@code java -cp compliance-module.jar
   * org.kassa.compliance.audit.ExportVerifier export.tsv <public key>}.
   */
  @GET
  @Path("export")
  @Produces("text/tab-separated-values")
  @Operation(
      summary = "Export a range of the audit trail",
      description =
          "Tab-separated, verifiable offline: every event's hash and link, and Ed25519-signed"
              + " checkpoints. An export up to the head signs the head first.")
  @APIResponse(responseCode = "200", description = "The export")
  @APIResponse(responseCode = "400", description = "A range outside the trail, or too large")
  public Response export(@QueryParam("from") Long from, @QueryParam("to") Long to) {
    if (from == null || to == null) {
      return Problem.invalid(Map.of("from", "and to are required: sequence numbers, from 1"));
    }
    try {
      String body =
          exports.export(
              from,
              to,
              "compliance-key:" + MerchantAuthentication.complianceClientOf(request).id());
      return Response.ok(body)
          .header("Content-Disposition", "attachment; filename=\"kassa-audit-" + from + ".tsv\"")
          .build();
    } catch (org.kassa.compliance.audit.InvalidExportRangeException e) {
      return Problem.of(400, "invalid-range", "Invalid range", e.getMessage());
    }
  }
}
