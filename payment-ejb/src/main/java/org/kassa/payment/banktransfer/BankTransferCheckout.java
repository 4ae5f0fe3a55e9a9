package org.kassa.payment.banktransfer;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.kassa.compliance.consent.ConsentChoice;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.payment.Payer;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentAttempts;
import org.kassa.payment.payment.PaymentResult;

/**
 * Pays a checkout session by SEPA credit transfer, in two short transactions: the payment is stored
 * and screened as any other ({@link PaymentAttempts#beginCheckout}), then the transfer is opened
 * and the payment waits for the money. No gateway call: the money arrives at the bank, which
 * reports it by callback.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BankTransferCheckout {

  @Inject private PaymentAttempts attempts;
  @Inject private BankTransfers transfers;

  /**
   * Starts the transfer.
   *
   * @param payerIban the IBAN the shopper pays from (optional: it makes refunds of an excess
   *     possible), in any spacing and case
   * @throws InvalidRequestException if the IBAN is given and not valid
   * @throws org.kassa.payment.payment.SessionNotPayableException if the session is paid, expired or
   *     a payment (such as a transfer awaited) is under way
   */
  public PaymentResult confirm(
      @NotBlank String sessionId,
      @NotNull @Valid Payer payer,
      String payerIban,
      String clientIp,
      @NotNull List<@Valid ConsentChoice> consents) {
    String iban = payerIban == null || payerIban.isBlank() ? null : Ibans.compact(payerIban);
    if (iban != null && !Ibans.isValidIban(iban)) {
      throw new InvalidRequestException(
          "invalid_iban", "The IBAN is not valid.", Map.of("payer_iban", "is not a valid IBAN"));
    }
    Payment payment =
        attempts.beginCheckout(
            sessionId,
            new PaymentAttempts.Instrument(PaymentMethodType.SEPA_CREDIT_TRANSFER, null, null),
            payer,
            clientIp,
            consents);
    return transfers.open(payment.id(), iban);
  }
}
