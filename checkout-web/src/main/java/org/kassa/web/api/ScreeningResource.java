package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.ListLoadResult;
import org.kassa.compliance.aml.ListVersion;
import org.kassa.compliance.aml.Screenings;
import org.kassa.compliance.aml.lists.InternalWatchlistCsv;
import org.kassa.compliance.aml.screening.Adjustment;
import org.kassa.compliance.aml.screening.Hit;
import org.kassa.compliance.aml.screening.Query;
import org.kassa.compliance.aml.screening.TokenPair;
import org.kassa.compliance.aml.whitelist.FalsePositiveWhitelist;
import org.kassa.compliance.aml.whitelist.WhitelistRefusedException;
import org.kassa.compliance.aml.whitelist.Whitelisting;

/**
 * Sanctions screening for other systems and officers' tools (a compliance key): search every loaded
 * list, see what is loaded, load an operator's own watchlist, and govern the false-positive
 * whitelist.
 */
@Path("v1/screening")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScreeningResource {

  private static final Set<String> SEARCH_FIELDS =
      Set.of("name", "type", "date_of_birth", "country", "identifiers", "min_score", "limit");

  private static final Set<String> WHITELIST_FIELDS =
      Set.of("subject_ref", "list_id", "entry_id", "reason", "expires_at");

  @Inject private Screenings screenings;
  @Inject private FalsePositiveWhitelist whitelist;
  @Context private ContainerRequestContext request;

  /**
   * Screens a name: {@code name}, {@code type} (person, organization, vessel), {@code
   * date_of_birth} (yyyy-mm-dd), {@code country}, {@code identifiers} (passport, national id, IMO
   * numbers), {@code min_score} (0 to 1, default 0.85), {@code limit} (1 to 100, default 10).
   */
  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Screen a name against the sanctions lists",
      description =
          "Scored matches, each explained: which name or alias matched, per-token scores, the"
              + " adjustments for date of birth, country and identifiers, and the list's version."
              + " Every search is audited.")
  @APIResponse(responseCode = "200", description = "The matches, best first")
  @APIResponse(responseCode = "400", description = "Missing or invalid fields")
  @APIResponse(responseCode = "401", description = "No compliance key")
  @APIResponse(responseCode = "403", description = "A merchant's key")
  public Response search(InputStream body) {
    JsonFields json = JsonFields.parse(body);
    json.rejectUnknown(SEARCH_FIELDS);
    Map<String, String> errors = new LinkedHashMap<>(json.errors());
    String name = json.string("name");
    List<String> identifiers = json.strings("identifiers");
    if ((name == null || name.isBlank()) && (identifiers == null || identifiers.isEmpty())) {
      errors.put("name", "is required (or identifiers)");
    } else if (name != null && name.length() > 300) {
      errors.put("name", "must be at most 300 characters");
    }
    EntryType type = null;
    String typeName = json.string("type");
    if (typeName != null) {
      try {
        type = EntryType.valueOf(typeName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.put("type", "must be person, organization or vessel");
      }
    }
    LocalDate dob = null;
    String dobText = json.string("date_of_birth");
    if (dobText != null) {
      try {
        dob = LocalDate.parse(dobText);
      } catch (DateTimeParseException e) {
        errors.put("date_of_birth", "must be a date as yyyy-mm-dd");
      }
    }
    Double minScore = json.number("min_score");
    if (minScore != null && (minScore < 0 || minScore > 1)) {
      errors.put("min_score", "must be from 0 to 1");
    }
    Long limit = json.integer("limit", "must be a whole number");
    if (limit != null && (limit < 1 || limit > 100)) {
      errors.put("limit", "must be from 1 to 100");
    }
    if (!errors.isEmpty()) {
      return Problem.invalid(errors);
    }
    Query query =
        new Query(
            name == null ? "" : name,
            type,
            dob,
            json.string("country"),
            identifiers == null ? List.of() : identifiers,
            minScore == null ? Query.DEFAULT_MIN_SCORE : minScore,
            limit == null ? Query.DEFAULT_LIMIT : limit.intValue());
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (Hit hit : screenings.search(query, actor())) {
      data.add(representation(hit));
    }
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
  }

  /** Every loaded list: source, version, date, entry count, the file's hash. */
  @GET
  @Path("lists")
  @Operation(summary = "List the loaded sanctions lists")
  @APIResponse(responseCode = "200", description = "The active version of every list")
  public Response lists() {
    JsonArrayBuilder data = Json.createArrayBuilder();
    screenings.activeLists().forEach(v -> data.add(representation(v)));
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
  }

  /**
   * Loads a new version of an internal watchlist: CSV with the header {@code
   * name,aliases,type,country,identifiers}.
   *
   * @param name the watchlist's name: 1 to 40 of a-z, 0-9 and -
   */
  @PUT
  @Path("lists/{name}")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @Operation(
      summary = "Load an internal watchlist",
      description =
          "Screened like the official lists and versioned the same way. A bad file is refused"
              + " whole and the current version stays.")
  @APIResponse(responseCode = "200", description = "The version now active (or unchanged)")
  @APIResponse(responseCode = "400", description = "A bad name or a bad file")
  public Response loadWatchlist(@PathParam("name") String name, InputStream body) {
    if (name == null || !InternalWatchlistCsv.NAME.matcher(name).matches()) {
      return Problem.invalid(Map.of("name", "must be 1 to 40 of a-z, 0-9 and -"));
    }
    byte[] csv;
    try {
      csv = body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ListLoadResult result = screenings.loadWatchlist(name, csv, actor());
    if (result.outcome() == ListLoadResult.Outcome.REJECTED) {
      return Problem.of(
          400,
          "invalid-watchlist",
          "Invalid watchlist",
          result.version().error().orElse("The file was refused."));
    }
    JsonObject version = representation(result.version());
    return Response.ok(
            Json.createObjectBuilder(version)
                .add("outcome", result.outcome().name().toLowerCase(Locale.ROOT))
                .build()
                .toString())
        .build();
  }

  /**
   * Whitelists a screening hit as a false positive: {@code subject_ref} (the customer's
   * pseudonymous id, as a case shows it), {@code list_id} and {@code entry_id} (as the hit names
   * them), {@code reason} and {@code expires_at} (an ISO-8601 instant, or a date meaning its start
   * in UTC), both required; the expiry is at most {@code kassa.whitelist.max-validity} ahead.
   */
  @POST
  @Path("whitelist")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Whitelist a screening hit as a false positive",
      description =
          "The gate then sets aside this customer's hits on this entry, until the whitelisting"
              + " expires, is revoked, or the listed entry changes. Audited.")
  @APIResponse(responseCode = "201", description = "The whitelisting")
  @APIResponse(
      responseCode = "400",
      description = "A missing reason, an expiry in the past or beyond the cap, an unknown entry")
  public Response whitelist(InputStream body) {
    JsonFields json = JsonFields.parse(body);
    json.rejectUnknown(WHITELIST_FIELDS);
    Map<String, String> errors = new LinkedHashMap<>(json.errors());
    Instant expiresAt = null;
    String expires = json.string("expires_at");
    if (expires != null) {
      try {
        expiresAt =
            expires.length() == 10
                ? LocalDate.parse(expires).atStartOfDay(ZoneOffset.UTC).toInstant()
                : OffsetDateTime.parse(expires).toInstant();
      } catch (DateTimeParseException e) {
        errors.put("expires_at", "must be an ISO-8601 instant or a date as yyyy-mm-dd");
      }
    }
    try {
      if (!errors.isEmpty()) {
        return Problem.invalid(errors);
      }
      Whitelisting w =
          whitelist.create(
              json.string("subject_ref"),
              json.string("list_id"),
              json.string("entry_id"),
              json.string("reason"),
              expiresAt,
              actor());
      return Response.status(201).entity(representation(w).toString()).build();
    } catch (WhitelistRefusedException e) {
      return problem(e);
    }
  }

  /**
   * Whitelistings, newest first: {@code subject_ref} for one customer's, {@code status=all} to
   * include revoked and void ones (default: active only).
   */
  @GET
  @Path("whitelist")
  @Operation(summary = "List false-positive whitelistings")
  @APIResponse(responseCode = "200", description = "The whitelistings, each with its standing")
  public Response whitelisted(
      @QueryParam("subject_ref") String subjectRef, @QueryParam("status") String status) {
    if (status != null && !status.equals("active") && !status.equals("all")) {
      return Problem.invalid(Map.of("status", "must be active or all"));
    }
    JsonArrayBuilder data = Json.createArrayBuilder();
    whitelist
        .list(subjectRef, !"all".equals(status), 500)
        .forEach(w -> data.add(representation(w)));
    return Response.ok(
            Json.createObjectBuilder().add("object", "list").add("data", data).build().toString())
        .build();
  }

  /**
   * Revokes a whitelisting: the customer's hits on that entry count again.
   *
   * @param id the whitelisting's id
   */
  @DELETE
  @Path("whitelist/{id}")
  @Operation(summary = "Revoke a false-positive whitelisting")
  @APIResponse(responseCode = "200", description = "The whitelisting, revoked")
  @APIResponse(responseCode = "404", description = "No such whitelisting")
  @APIResponse(responseCode = "409", description = "Revoked or void already")
  public Response revoke(@PathParam("id") String id) {
    try {
      return Response.ok(representation(whitelist.revoke(id, actor())).toString()).build();
    } catch (WhitelistRefusedException e) {
      return problem(e);
    }
  }

  private static Response problem(WhitelistRefusedException e) {
    return switch (e.kind()) {
      case INVALID -> Problem.invalid(e.fieldErrors());
      case NOT_FOUND -> Problem.of(404, "not-found", "Not found", e.getMessage());
      case ENDED -> Problem.of(409, "whitelisting-ended", "Ended already", e.getMessage());
    };
  }

  private JsonObject representation(Whitelisting w) {
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("id", w.id())
            .add("object", "whitelisting")
            .add("subject_ref", w.subjectRef())
            .add("list_id", w.listId())
            .add("entry_id", w.entryId())
            .add("entry_fingerprint", w.entryFingerprint())
            .add("reason", w.reason())
            .add("expires_at", w.expiresAt().toString())
            .add("status", w.status().name().toLowerCase(Locale.ROOT))
            .add("standing", whitelist.standing(w).name().toLowerCase(Locale.ROOT))
            .add("created_by", w.createdBy())
            .add("created_at", w.createdAt().toString());
    w.endedAt().ifPresent(t -> out.add("ended_at", t.toString()));
    w.voidCause().ifPresent(c -> out.add("void_cause", c));
    return out.build();
  }

  private String actor() {
    return "compliance-key:" + MerchantAuthentication.complianceClientOf(request).id();
  }

  private static JsonObject representation(ListVersion v) {
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("list_id", v.listId())
            .add("version", v.id())
            .add("source", v.source())
            .add("format", v.format())
            .add("entry_count", v.entryCount())
            .add("sha256", v.sha256())
            .add("loaded_at", v.loadedAt().toString())
            .add("origin", v.origin());
    v.published()
        .ifPresentOrElse(p -> out.add("published", p.toString()), () -> out.addNull("published"));
    return out.build();
  }

  private static JsonObject representation(Hit hit) {
    JsonArrayBuilder tokens = Json.createArrayBuilder();
    for (TokenPair pair : hit.name().tokens()) {
      JsonObjectBuilder t = Json.createObjectBuilder().add("similarity", pair.similarity());
      nullable(t, "query", pair.queryToken());
      nullable(t, "listed", pair.listedToken());
      tokens.add(t);
    }
    JsonArrayBuilder adjustments = Json.createArrayBuilder();
    for (Adjustment a : hit.adjustments()) {
      adjustments.add(
          Json.createObjectBuilder()
              .add("kind", a.kind().name().toLowerCase(Locale.ROOT))
              .add("delta", a.delta())
              .add("reason", a.reason()));
    }
    JsonArrayBuilder programs = Json.createArrayBuilder();
    hit.entry().programs().forEach(programs::add);
    JsonObjectBuilder list =
        Json.createObjectBuilder()
            .add("id", hit.list().listId())
            .add("source", hit.list().source())
            .add("sha256", hit.list().sha256());
    if (hit.list().published() != null) {
      list.add("published", hit.list().published().toString());
    }
    return Json.createObjectBuilder()
        .add("score", hit.score())
        .add("list", list)
        .add("entry_id", hit.entryId())
        .add("entry_type", hit.entry().type().apiName())
        .add("name", hit.entry().name())
        .add("matched_name", hit.name().listedName())
        .add("matched_alias", hit.name().alias())
        .add("programs", programs)
        .add(
            "explanation",
            Json.createObjectBuilder()
                .add("normalized_query", String.valueOf(hit.name().normalizedQuery()))
                .add("normalized_listed", String.valueOf(hit.name().normalizedListed()))
                .add("method", hit.name().method().name().toLowerCase(Locale.ROOT))
                .add("name_score", hit.name().score())
                .add("tokens", tokens)
                .add("adjustments", adjustments))
        .build();
  }

  private static void nullable(JsonObjectBuilder out, String name, String value) {
    if (value == null) {
      out.addNull(name);
    } else {
      out.add(name, value);
    }
  }
}
