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
 * A payment by SEPA credit transfer: what the shopper was asked to transfer, to which account, with
 * which reference and by when, and what the bank has reported so far. Its counts only change
 * through {@link #receive}, which applies {@link CreditMatching}'s rules.
 */
@Entity
@Table(name = "bank_transfer")
public class BankTransfer {

  /** Where a transfer stands. */
  public enum State {
    /** Waiting for (the rest of) the money. */
    AWAITING,
    /** The amount due arrived. */
    PAID,
    /** Not paid in full by the due date; what arrived is to be refunded. */
    EXPIRED,
    /**
     * Its payment was canceled (by the merchant, or a compliance decision); what arrived is to be
     * refunded.
     */
    CANCELED
  }

  @Id
  @Column(name = "payment_id", length = 40)
  private String paymentId;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  @Column(name = "reference", nullable = false, length = 25)
  private String reference;

  @Column(name = "amount_due", nullable = false)
  private long amountDue;

  @Embedded
  @AttributeOverride(
      name = "code",
      column = @Column(name = "currency", length = 3, nullable = false))
  private CurrencyCode currency;

  /** What credits counted towards the amount due (never more than it). */
  @Column(name = "amount_received", nullable = false)
  private long amountReceived;

  /** What arrived beyond the amount due, or after the transfer closed: to refund. */
  @Column(name = "amount_excess", nullable = false)
  private long amountExcess;

  @Column(name = "account_iban", nullable = false, length = 34)
  private String accountIban;

  @Column(name = "account_bic", nullable = false, length = 11)
  private String accountBic;

  @Column(name = "account_holder", nullable = false, length = 70)
  private String accountHolder;

  /** The IBAN the shopper said they pay from, sealed under their key; null if not given. */
  @Column(name = "payer_iban", length = 1000)
  private String payerIban;

  @Column(name = "subject_ref", length = 40)
  private String subjectRef;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 20)
  private State state;

  @Column(name = "due_at", nullable = false)
  private OffsetDateTime dueAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected BankTransfer() {}

  /**
   * A transfer the shopper is now asked to make.
   *
   * @param sealedPayerIban the payer's IBAN sealed under {@code subjectRef}, or null
   */
  BankTransfer(
      String paymentId,
      String merchantId,
      CreditorReference reference,
      Money due,
      ReceivingAccount account,
      String sealedPayerIban,
      String subjectRef,
      Instant dueAt,
      Instant now) {
    if (!due.isPositive()) {
      throw new IllegalArgumentException("a transfer needs a positive amount");
    }
    if (sealedPayerIban != null && !PersonalDataVault.isSealed(sealedPayerIban)) {
      throw new IllegalArgumentException("a payer's IBAN is stored sealed only");
    }
    this.paymentId = paymentId;
    this.merchantId = merchantId;
    this.reference = reference.value();
    this.amountDue = due.minorUnits();
    this.currency = due.currency();
    this.accountIban = account.iban();
    this.accountBic = account.bic();
    this.accountHolder = account.holder();
    this.payerIban = sealedPayerIban;
    this.subjectRef = subjectRef;
    this.state = State.AWAITING;
    this.dueAt = dueAt.atOffset(ZoneOffset.UTC);
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.updatedAt = this.createdAt;
  }

  /**
   * Counts a credit that names this transfer's reference.
   *
   * @throws IllegalArgumentException if it is in another currency (the caller keeps it unmatched)
   */
  CreditMatching.Match receive(Money credit, Instant now) {
    if (!credit.currency().equals(currency)) {
      throw new IllegalArgumentException("a credit of " + reference + " must be in " + currency);
    }
    CreditMatching.Match match =
        CreditMatching.match(
            amountDue, amountReceived, state == State.AWAITING, credit.minorUnits());
    amountReceived = match.received();
    amountExcess = Math.addExact(amountExcess, match.excess());
    if (match.pays()) {
      state = State.PAID;
    }
    updatedAt = now.atOffset(ZoneOffset.UTC);
    return match;
  }

  /** Ends a transfer not paid in full by its due date: what arrived is now excess, to refund. */
  void expire(Instant now) {
    if (state != State.AWAITING) {
      throw new IllegalStateException("only an awaited transfer expires");
    }
    state = State.EXPIRED;
    amountExcess = Math.addExact(amountExcess, amountReceived);
    amountReceived = 0;
    updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * Closes the transfer because its payment is canceled: it takes no more money, and what arrived,
   * even the amount due in full, is now excess, to refund.
   *
   * @return whether it was open or paid (an expired or canceled one stays as it is)
   */
  boolean cancel(Instant now) {
    if (state != State.AWAITING && state != State.PAID) {
      return false;
    }
    state = State.CANCELED;
    amountExcess = Math.addExact(amountExcess, amountReceived);
    amountReceived = 0;
    updatedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  /** Erases the payer's IBAN; amounts and the reference stay as the financial record. */
  public boolean erasePersonalData(Instant now) {
    if (payerIban == null) {
      return false;
    }
    payerIban = null;
    updatedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  public String paymentId() {
    return paymentId;
  }

  public String merchantId() {
    return merchantId;
  }

  public CreditorReference reference() {
    return new CreditorReference(reference);
  }

  public Money amountDue() {
    return new Money(amountDue, currency);
  }

  public Money amountReceived() {
    return new Money(amountReceived, currency);
  }

  /** What is still to transfer; nothing once paid or expired. */
  public Money shortfall() {
    return new Money(state == State.AWAITING ? amountDue - amountReceived : 0, currency);
  }

  public Money amountExcess() {
    return new Money(amountExcess, currency);
  }

  public ReceivingAccount account() {
    return new ReceivingAccount(accountIban, accountBic, accountHolder);
  }

  /** The payer's IBAN as stored (sealed), or null. */
  public String sealedPayerIban() {
    return payerIban;
  }

  public Optional<String> subjectRef() {
    return Optional.ofNullable(subjectRef);
  }

  public State state() {
    return state;
  }

  public Instant dueAt() {
    return dueAt.toInstant();
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }
}
