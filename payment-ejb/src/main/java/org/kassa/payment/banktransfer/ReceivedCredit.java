package org.kassa.payment.banktransfer;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/**
 * One credit the bank reported on the receiving account, stored once per bank credit id whatever it
 * matched: money that arrived is never lost, even with a reference no payment has.
 */
@Entity
@Table(name = "bank_credit")
public class ReceivedCredit {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "gateway", nullable = false, length = 40)
  private String gateway;

  /** The bank's id of the credit (its entry reference): one row per credit. */
  @Column(name = "bank_credit_id", nullable = false, length = 100)
  private String bankCreditId;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  /** The transfer it matched, or null. */
  @Column(name = "payment_id", length = 40)
  private String paymentId;

  /** The remittance information as the bank gave it (the reference, if the payer typed it). */
  @Column(name = "reference", length = 140)
  private String reference;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Embedded
  @AttributeOverride(
      name = "code",
      column = @Column(name = "currency", length = 3, nullable = false))
  private CurrencyCode currency;

  @Column(name = "amount_applied", nullable = false)
  private long amountApplied;

  @Column(name = "amount_excess", nullable = false)
  private long amountExcess;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 20)
  private CreditMatching.Outcome outcome;

  /** The payer's IBAN as the bank reported it, sealed under {@link #subjectRef}; or null. */
  @Column(name = "payer_iban", length = 1000)
  private String payerIban;

  @Column(name = "subject_ref", length = 40)
  private String subjectRef;

  @Column(name = "booked_at", nullable = false)
  private OffsetDateTime bookedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ReceivedCredit() {}

  ReceivedCredit(
      String id,
      String gateway,
      String bankCreditId,
      String merchantId,
      String paymentId,
      String reference,
      Money amount,
      CreditMatching.Match match,
      String sealedPayerIban,
      String subjectRef,
      Instant bookedAt,
      Instant now) {
    if (sealedPayerIban != null && !PersonalDataVault.isSealed(sealedPayerIban)) {
      throw new IllegalArgumentException("a payer's IBAN is stored sealed only");
    }
    this.id = id;
    this.gateway = gateway;
    this.bankCreditId = bankCreditId;
    this.merchantId = merchantId;
    this.paymentId = paymentId;
    this.reference = reference;
    this.amount = amount.minorUnits();
    this.currency = amount.currency();
    this.amountApplied = match.applied();
    this.amountExcess = match.excess();
    this.outcome = match.outcome();
    this.payerIban = sealedPayerIban;
    this.subjectRef = subjectRef;
    this.bookedAt = bookedAt.atOffset(ZoneOffset.UTC);
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  /** Erases the payer's IBAN; the amounts stay as the financial record. */
  public boolean erasePersonalData() {
    boolean had = payerIban != null;
    payerIban = null;
    return had;
  }

  public String id() {
    return id;
  }

  public String bankCreditId() {
    return bankCreditId;
  }

  public String merchantId() {
    return merchantId;
  }

  public Optional<String> paymentId() {
    return Optional.ofNullable(paymentId);
  }

  public Optional<String> reference() {
    return Optional.ofNullable(reference);
  }

  public Money amount() {
    return new Money(amount, currency);
  }

  public Money amountApplied() {
    return new Money(amountApplied, currency);
  }

  public Money amountExcess() {
    return new Money(amountExcess, currency);
  }

  public CreditMatching.Outcome outcome() {
    return outcome;
  }

  public String sealedPayerIban() {
    return payerIban;
  }

  public Optional<String> subjectRef() {
    return Optional.ofNullable(subjectRef);
  }

  public Instant bookedAt() {
    return bookedAt.toInstant();
  }
}
