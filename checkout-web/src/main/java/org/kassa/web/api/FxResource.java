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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;
import org.kassa.payment.money.fx.ExchangeRates;
import org.kassa.payment.money.fx.FxQuote;
import org.kassa.payment.money.fx.FxQuotes;
import org.kassa.payment.money.fx.ReferenceRates;

/** Exchange-rate quotes for showing an amount in the shopper's currency, and the rates in use. */
@Path("v1/fx")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FxResource {

  private static final Set<String> QUOTE_FIELDS =
      Set.of("amount", "currency", "presentment_currency");

  @Inject private FxQuotes quotes;
  @Inject private ExchangeRates rates;
  @Context private ContainerRequestContext request;

  /**
   * Quotes an amount in a presentment currency: {@code amount} (minor units of {@code currency})
   * and {@code presentment_currency}.
   *
   * @param body the request as JSON
   */
  @POST
  @Path("quotes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create an exchange-rate quote",
      description =
          "Converts the amount with the ECB reference rates in use (crossed through EUR), rounded"
              + " half-even once to the presentment currency's ISO 4217 minor units, and locks the"
              + " quote for kassa.fx.quote-lock (30 minutes by default). A quote past its lock is"
              + " never applied: ask for a new one.")
  @APIResponse(responseCode = "201", description = "Created; the body is the quote")
  @APIResponse(
      responseCode = "400",
      description =
          "Missing or invalid fields: unknown currency, amount not positive, a currency the rates"
              + " do not cover (problem+json with errors)")
  @APIResponse(responseCode = "401", description = "No or wrong API key")
  public Response create(InputStream body) {
    JsonFields json = JsonFields.parse(body);
    json.rejectUnknown(QUOTE_FIELDS);
    Long amount =
        json.integer(
            "amount",
            "must be an integer number of the currency's minor units (e.g. 2500 for 25.00 EUR)");
    String currency = json.string("currency");
    String presentment = json.string("presentment_currency");
    Map<String, String> errors = new LinkedHashMap<>(json.errors());
    if (amount == null) {
      errors.putIfAbsent("amount", "is required");
    } else if (amount <= 0) {
      errors.put("amount", "must be positive");
    }
    requireCurrency(errors, "currency", currency);
    requireCurrency(errors, "presentment_currency", presentment);
    if (!errors.isEmpty()) {
      return Problem.invalid(errors);
    }
    FxQuote quote =
        quotes.quote(
            merchantId(), Money.of(amount, currency), CurrencyCode.of(presentment), Instant.now());
    return Response.status(201).entity(representation(quote).toString()).build();
  }

  /**
   * Reads a quote.
   *
   * @param id the quote id
   */
  @GET
  @Path("quotes/{id}")
  @Operation(
      summary = "Retrieve an exchange-rate quote",
      description = "Only the merchant's own quotes; locked tells whether it may still be used.")
  @APIResponse(responseCode = "200", description = "The quote")
  @APIResponse(responseCode = "404", description = "No such quote for this merchant")
  public Response get(@PathParam("id") String id) {
    return Response.ok(representation(quotes.get(merchantId(), id)).toString()).build();
  }

  /** The reference rates in use. */
  @GET
  @Path("rates")
  @Operation(
      summary = "Show the exchange rates in use",
      description =
          "The ECB reference rates quotes are made with: their source, day, the SHA-256 of the"
              + " file, and units of each covered currency per euro.")
  @APIResponse(responseCode = "200", description = "The rates")
  public Response rates() {
    ReferenceRates current = rates.current();
    JsonObjectBuilder perEuro = Json.createObjectBuilder();
    JsonArrayBuilder currencies = Json.createArrayBuilder();
    current
        .perEuro()
        .forEach(
            (code, rate) -> {
              perEuro.add(code, rate);
              currencies.add(code);
            });
    JsonObject body =
        Json.createObjectBuilder()
            .add("object", "fx_rates")
            .add("base", "EUR")
            .add("source", current.source())
            .add("date", current.date().toString())
            .add("sha256", current.sha256())
            .add("loaded_at", current.loadedAt().toString())
            .add("currencies", currencies)
            .add("rates", perEuro)
            .build();
    return Response.ok(body.toString()).build();
  }

  private static void requireCurrency(Map<String, String> errors, String field, String code) {
    if (code == null) {
      errors.putIfAbsent(field, "is required");
    } else if (!CurrencyCode.isValid(code)) {
      errors.put(field, "must be an active ISO 4217 currency code in upper case, e.g. EUR");
    }
  }

  static JsonObject representation(FxQuote quote) {
    return Json.createObjectBuilder()
        .add("id", quote.id())
        .add("object", "fx_quote")
        .add("amount", quote.amount().minorUnits())
        .add("currency", quote.amount().currency().code())
        .add("presentment_amount", quote.presentmentAmount().minorUnits())
        .add("presentment_currency", quote.presentmentAmount().currency().code())
        .add("rate", plain(quote.rate()))
        .add("rates_source", quote.ratesSource())
        .add("rates_date", quote.ratesDate().toString())
        .add("rates_sha256", quote.ratesSha256())
        .add("created_at", quote.createdAt().toInstant().toString())
        .add("locked_until", quote.lockedUntil().toInstant().toString())
        .add("locked", quote.isLockedAt(Instant.now()))
        .build();
  }

  /** A rate as a JSON number without the column's trailing zeros or an exponent: 171.94, 160. */
  private static java.math.BigDecimal plain(java.math.BigDecimal rate) {
    java.math.BigDecimal stripped = rate.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private String merchantId() {
    return MerchantAuthentication.merchantOf(request).id();
  }
}
