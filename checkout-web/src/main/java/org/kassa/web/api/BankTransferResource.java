package org.kassa.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.banktransfer.BankTransfer;
import org.kassa.payment.banktransfer.BankTransferRepresentation;
import org.kassa.payment.banktransfer.BankTransfers;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.Payments;

/**
 * Bank transfers (SEPA credit transfers): what a payment by transfer waits for, what arrived, what
 * is to be refunded; and the credits no payment claimed.
 */
@Path("v1/bank-transfers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BankTransferResource {

  @Inject private Payments payments;
  @Inject private BankTransfers transfers;
  @Inject private PersonalDataVault vault;
  @Context private ContainerRequestContext request;

  /**
   * The transfer of a payment made by {@code sepa_credit_transfer}.
   *
   * @param paymentId the payment's id
   */
  @GET
  @Path("{payment_id}")
  @Operation(
      summary = "Retrieve a payment's bank transfer",
      description =
          "The account, creditor reference (ISO 11649) and due date the shopper was given; what"
              + " arrived (amount_received, at most amount_due), what is missing (amount_remaining)"
              + " and what arrived beyond the amount due or after the transfer closed"
              + " (amount_to_refund, refunded to payer_iban when known: shown masked); each credit"
              + " the bank reported, with its outcome (exact, short, overpaid, late). state:"
              + " awaiting, paid, expired, canceled.")
  @APIResponse(responseCode = "200", description = "The transfer and its credits")
  @APIResponse(
      responseCode = "404",
      description = "No such payment for this merchant, or it is not a bank transfer")
  public Response get(
      @Parameter(description = "The payment's id") @PathParam("payment_id") String paymentId) {
    Payment payment = payments.get(merchantId(), paymentId);
    BankTransfer transfer =
        transfers
            .find(payment.id())
            .orElseThrow(() -> new NotFoundException("bank transfer", paymentId));
    String payerIban =
        transfer.sealedPayerIban() == null
            ? null
            : transfer
                .subjectRef()
                .flatMap(s -> vault.open(s, transfer.sealedPayerIban()))
                .orElse(null);
    JsonArrayBuilder credits = Json.createArrayBuilder();
    transfers.creditsOf(payment.id()).forEach(c -> credits.add(BankTransferRepresentation.of(c)));
    return Response.ok(
            Json.createObjectBuilder(BankTransferRepresentation.of(transfer, payerIban))
                .add("credits", credits)
                .build())
        .build();
  }

  /**
   * Credits on the merchant's receiving account whose reference matched no payment.
   *
   * @param limit 1 to 100, default 20
   */
  @GET
  @Path("unmatched-credits")
  @Operation(
      summary = "List unmatched bank credits",
      description =
          "Money that arrived with a reference no payment has (or in another currency than the"
              + " payment's), newest first: kept, never lost, for the merchant to return or assign.")
  @APIResponse(responseCode = "200", description = "The credits, in data")
  @APIResponse(responseCode = "400", description = "limit out of range")
  public Response unmatched(
      @Parameter(description = "1 to 100") @QueryParam("limit") @DefaultValue("20") int limit) {
    if (limit < 1 || limit > 100) {
      return Problem.invalid(Map.of("limit", "must be between 1 and 100"));
    }
    JsonArrayBuilder data = Json.createArrayBuilder();
    transfers
        .unmatchedCredits(merchantId(), limit)
        .forEach(c -> data.add(BankTransferRepresentation.of(c)));
    return Response.ok(Json.createObjectBuilder().add("object", "list").add("data", data).build())
        .build();
  }

  private String merchantId() {
    return MerchantAuthentication.merchantOf(request).id();
  }
}
