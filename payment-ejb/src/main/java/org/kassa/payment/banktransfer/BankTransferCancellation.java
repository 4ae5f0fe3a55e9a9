package org.kassa.payment.banktransfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kassa.payment.payment.PaymentResult;
import org.kassa.payment.payment.TransferredMoney;

/** Cancels payments by credit transfer for the payment package, through {@link BankTransfers}. */
@ApplicationScoped
public class BankTransferCancellation implements TransferredMoney {

  @Inject private BankTransfers transfers;

  @Override
  public PaymentResult cancel(String paymentId, String actor) {
    return transfers.cancel(paymentId, actor);
  }
}
