package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.compliance.kyc.Identity;
import org.kassa.compliance.kyc.KycProfile;
import org.kassa.compliance.kyc.KycService;
import org.kassa.compliance.kyc.KycStateException;
import org.kassa.compliance.kyc.KycStatus;
import org.kassa.compliance.kyc.KycTier;

/**
 * KYC reviews for a compliance key: list the customers' KYC by status (those waiting for an officer
 * by default), approve a full identity whose screening hit a list (the hit is someone else: the
 * tier is verified) or reject it. Customers are named by pseudonymous id; an identity waiting for
 * review is shown opened, for the officer to compare with the listed entry.
 */
@Path("v1/compliance/kyc")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KycResource {

  private static final String SUBJECT = "sub_[0-9a-f]{24}";

  @Inject private KycService kyc;
  @Context private ContainerRequestContext request;

  /**
   * The customers whose last KYC submission has the status ({@code pending_review}, the default,
   * {@code verified} or {@code rejected}), oldest submission first.
   */
  @GET
  @Operation(summary = "List customers' KYC by status")
  @APIResponse(responseCode = "200", description = "The KYC profiles, oldest submission first")
  @APIResponse(responseCode = "400", description = "An unknown status")
  public Response list(@QueryParam("status") String status, @QueryParam("limit") Integer limit) {
    Optional<KycStatus> wanted =
        KycStatus.ofApiName(status == null ? KycStatus.PENDING_REVIEW.apiName() : status);
    if (wanted.isEmpty()) {
      return Problem.invalid(Map.of("status", "must be pending_review, verified or rejected"));
    }
    int size = limit == null ? 50 : Math.max(1, Math.min(limit, 200));
    JsonArrayBuilder data = Json.createArrayBuilder();
    kyc.withStatus(wanted.get(), size).forEach(p -> data.add(representation(p)));
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
  }

  /**
   * Approves a KYC submission waiting for review: its tier is verified, and the customer can pay.
   *
   * @param subject the customer's pseudonymous id ({@code sub_...})
   */
  @POST
  @Path("{subject}/approve")
  @Operation(
      summary = "Approve a KYC submission waiting for review",
      description = "The screening hit is someone else: the submitted tier is verified.")
  @APIResponse(responseCode = "200", description = "The KYC profile, verified")
  @APIResponse(responseCode = "400", description = "Not a subject id")
  @APIResponse(responseCode = "404", description = "No KYC for this subject")
  @APIResponse(responseCode = "409", description = "Not waiting for a review")
  public Response approve(@PathParam("subject") String subject) {
    return review(subject, true);
  }

  /**
   * Rejects a KYC submission waiting for review: its tier is not verified.
   *
   * @param subject the customer's pseudonymous id ({@code sub_...})
   */
  @POST
  @Path("{subject}/reject")
  @Operation(
      summary = "Reject a KYC submission waiting for review",
      description = "The screening hit stands: the submitted tier is not verified.")
  @APIResponse(responseCode = "200", description = "The KYC profile, rejected")
  @APIResponse(responseCode = "400", description = "Not a subject id")
  @APIResponse(responseCode = "404", description = "No KYC for this subject")
  @APIResponse(responseCode = "409", description = "Not waiting for a review")
  public Response reject(@PathParam("subject") String subject) {
    return review(subject, false);
  }

  private Response review(String subject, boolean approved) {
    if (subject == null || !subject.matches(SUBJECT)) {
      return Problem.invalid(Map.of("subject", "must be a subject id, sub_ and 24 hex digits"));
    }
    if (kyc.find(subject).isEmpty()) {
      return Problem.of(404, "not-found", "Not found", "No KYC for subject " + subject + ".");
    }
    String officer = "compliance-key:" + MerchantAuthentication.complianceClientOf(request).id();
    try {
      KycProfile reviewed = approved ? kyc.approve(subject, officer) : kyc.reject(subject, officer);
      return Response.ok(representation(reviewed).toString()).build();
    } catch (KycStateException e) {
      return Problem.of(
          409, e.code().replace('_', '-'), "Not waiting for a review", e.getMessage());
    }
  }

  private JsonObject representation(KycProfile p) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("object", "kyc_profile")
            .add("subject", p.subjectRef())
            .add("verified_tier", p.verifiedTier().apiName())
            .add("submitted_tier", p.submittedTier().map(KycTier::apiName).orElse("none"))
            .add("status", p.status().map(KycStatus::apiName).orElse("none"))
            .add("reasons", p.reviewReasons().orElse(""))
            .add("submitted_at", time(p.submittedAt()))
            .add("verified_at", time(p.verifiedAt()))
            .add(
                "reviewed_by",
                p.reviewedBy().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL))
            .add("reviewed_at", time(p.reviewedAt()));
    if (p.status().filter(s -> s == KycStatus.PENDING_REVIEW).isPresent()) {
      json.add("identity", kyc.identity(p).<JsonValue>map(Identity::toJson).orElse(JsonValue.NULL));
    }
    return json.build();
  }

  private static JsonValue time(Optional<Instant> at) {
    return at.<JsonValue>map(i -> Json.createValue(i.toString())).orElse(JsonValue.NULL);
  }
}
