package org.kassa.payment.gateway;

import java.time.Instant;
import java.util.Objects;
import org.kassa.payment.money.Money;

/**
 * A bank's report that money arrived on a receiving account (as in a camt.054 notification).
 *
 * @param creditId the bank's id of the credit: one credit is counted once
 * @param amount what arrived
 * @param reference the remittance information, where the payer put the creditor reference; may be
 *     null or anything the payer typed
 * @param payerIban the account it came from, when the bank says; personal data
 * @param bookedAt when the bank booked it
 */
public record BankCreditNotice(
    String creditId, Money amount, String reference, String payerIban, Instant bookedAt) {

  /** The body field that holds the payer's IBAN: never stored as received. */
  public static final String PAYER_IBAN_FIELD = "payer_iban";

  public BankCreditNotice {
    Objects.requireNonNull(creditId, "creditId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(bookedAt, "bookedAt");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a credit is a positive amount");
    }
  }
}
