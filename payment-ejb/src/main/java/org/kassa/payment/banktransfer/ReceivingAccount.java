package org.kassa.payment.banktransfer;

import java.util.ArrayList;
import java.util.List;

/**
 * The account shoppers transfer to: its IBAN and BIC (electronic form) and the holder's name, as
 * the payer's bank needs them (SEPA Verification of Payee compares the name too).
 */
public record ReceivingAccount(String iban, String bic, String holder) {

  public ReceivingAccount {
    List<String> problems = problems(iban, bic, holder);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    iban = Ibans.compact(iban);
    bic = Ibans.compact(bic);
    holder = holder.strip();
  }

  /** What is wrong with an account's details, for the configuration's error message. */
  public static List<String> problems(String iban, String bic, String holder) {
    List<String> problems = new ArrayList<>();
    if (!Ibans.isValidIban(iban)) {
      problems.add("kassa.sepa.iban is not a valid IBAN");
    }
    if (!Ibans.isValidBic(bic)) {
      problems.add("kassa.sepa.bic is not a valid BIC (8 or 11 characters, ISO 9362)");
    }
    if (holder == null || holder.isBlank() || holder.strip().length() > 70) {
      problems.add("kassa.sepa.account-holder must be a name of 1 to 70 characters");
    }
    return problems;
  }

  /** The IBAN in groups of four, as printed. */
  public String groupedIban() {
    return Ibans.grouped(iban);
  }
}
