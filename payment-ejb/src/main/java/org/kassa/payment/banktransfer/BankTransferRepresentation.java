package org.kassa.payment.banktransfer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Transfers and credits as the merchant API and webhook events show them. The payer's IBAN appears
 * only masked (country and last four): enough to recognise it, not to use it.
 */
public final class BankTransferRepresentation {

  private BankTransferRepresentation() {}

  /**
   * A transfer; {@code payer_iban} is the masked IBAN the shopper said they pay from, which an
   * excess is refunded to.
   *
   * @param payerIban the payer's IBAN opened, or null when not given or erased
   */
  public static JsonObject of(BankTransfer transfer, String payerIban) {
    ReceivingAccount account = transfer.account();
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("object", "bank_transfer")
            .add("payment", transfer.paymentId())
            .add("state", transfer.state().name().toLowerCase(java.util.Locale.ROOT))
            .add("reference", transfer.reference().value())
            .add("currency", transfer.amountDue().currency().code())
            .add("amount_due", transfer.amountDue().minorUnits())
            .add("amount_received", transfer.amountReceived().minorUnits())
            .add("amount_remaining", transfer.shortfall().minorUnits())
            .add("amount_to_refund", transfer.amountExcess().minorUnits())
            .add("due_at", transfer.dueAt().toString())
            .add(
                "account",
                Json.createObjectBuilder()
                    .add("iban", account.iban())
                    .add("bic", account.bic())
                    .add("holder", account.holder()));
    String masked = Ibans.masked(payerIban);
    if (masked == null) {
      out.addNull("payer_iban");
    } else {
      out.add("payer_iban", masked);
    }
    return out.build();
  }

  /** A transfer, for events: the payer's IBAN only says whether one is known. */
  static JsonObject of(BankTransfer transfer) {
    return Json.createObjectBuilder(of(transfer, null))
        .add("payer_iban_known", transfer.sealedPayerIban() != null)
        .build();
  }

  /** A credit the bank reported. */
  public static JsonObject of(ReceivedCredit credit) {
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("id", credit.id())
            .add("object", "bank_credit")
            .add("outcome", credit.outcome().name().toLowerCase(java.util.Locale.ROOT))
            .add("amount", credit.amount().minorUnits())
            .add("currency", credit.amount().currency().code())
            .add("amount_applied", credit.amountApplied().minorUnits())
            .add("amount_to_refund", credit.amountExcess().minorUnits())
            .add("bank_credit_id", credit.bankCreditId())
            .add("booked_at", credit.bookedAt().toString())
            .add("payer_iban_known", credit.sealedPayerIban() != null);
    credit.paymentId().ifPresentOrElse(p -> out.add("payment", p), () -> out.addNull("payment"));
    credit
        .reference()
        .ifPresentOrElse(r -> out.add("reference", r), () -> out.addNull("reference"));
    return out.build();
  }
}
