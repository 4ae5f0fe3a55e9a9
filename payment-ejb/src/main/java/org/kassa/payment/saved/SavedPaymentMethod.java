package org.kassa.payment.saved;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.payment.card.CardBrand;
import org.kassa.payment.card.CardSummary;

/**
 * A card saved at a gateway for one merchant's customer. It guards its rules: it holds a gateway
 * token that cannot be a card number, only the card's brand, last four digits and expiry, the
 * customer's id only sealed, and once removed it stays removed, without its token.
 */
@Entity
@Table(name = "saved_payment_method")
public class SavedPaymentMethod {

  /** How its ids begin: what tells a merchant's saved card from a gateway's own token. */
  public static final String ID_PREFIX = "spm_";

  /** A card number is 12 to 19 digits: a token that looks like one is refused, never stored. */
  private static final String LOOKS_LIKE_A_CARD_NUMBER = ".*\\d{12,}.*";

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  /** The customer's pseudonymous id, as a server-side payment for the customer has it. */
  @Column(name = "subject_ref", nullable = false, length = 40)
  private String subjectRef;

  /** The merchant's id of the customer, sealed under the subject's key. */
  @Column(name = "customer_id", length = 1000)
  private String customerId;

  /** The cardholder's name, sealed: the compliance gate screens every payment's payer by name. */
  @Column(name = "holder_name", length = 1000)
  private String holderName;

  @Column(name = "gateway", nullable = false, length = 40)
  private String gateway;

  /** Null once removed: Kassa no longer holds the token. */
  @Column(name = "gateway_token", length = 100)
  private String gatewayToken;

  @Enumerated(EnumType.STRING)
  @Column(name = "card_brand", nullable = false, length = 20)
  private CardBrand brand;

  @Column(name = "card_last4", nullable = false, length = 4)
  private String last4;

  @Column(name = "card_exp_month", nullable = false)
  private int expMonth;

  @Column(name = "card_exp_year", nullable = false)
  private int expYear;

  /** The payment that saved the card (with the shopper's consent). */
  @Column(name = "payment_id", length = 40)
  private String paymentId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "removed_at")
  private OffsetDateTime removedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected SavedPaymentMethod() {}

  /**
   * @param subjectRef the customer's pseudonymous id
   * @param sealedCustomerId the merchant's customer id, sealed under {@code subjectRef}'s key
   * @param sealedHolderName the cardholder's name sealed the same way
   * @param token the gateway's token for the card; never a card number
   * @param card what Kassa keeps of the card
   * @param paymentId the payment that saved it
   */
  public SavedPaymentMethod(
      String id,
      String merchantId,
      String subjectRef,
      String sealedCustomerId,
      String sealedHolderName,
      String gateway,
      String token,
      CardSummary card,
      String paymentId,
      Instant now) {
    requireText(id, "id");
    requireText(merchantId, "merchantId");
    requireText(subjectRef, "subjectRef");
    requireText(gateway, "gateway");
    requireText(token, "token");
    Objects.requireNonNull(card, "card");
    if (token.length() > 100 || token.matches(LOOKS_LIKE_A_CARD_NUMBER)) {
      throw new IllegalArgumentException("a saved method is a gateway token, never a card number");
    }
    if (!PersonalDataVault.isSealed(sealedCustomerId)
        || !PersonalDataVault.isSealed(sealedHolderName)) {
      throw new IllegalArgumentException("a customer's id and name are stored sealed only");
    }
    if (card.expMonth() < 1 || card.expMonth() > 12) {
      throw new IllegalArgumentException("an expiry month is 1 to 12");
    }
    if (card.expYear() < 2000 || card.expYear() > 2200) {
      throw new IllegalArgumentException("an expiry year has four digits");
    }
    if (card.brand() == null) {
      throw new IllegalArgumentException("a saved card has a brand (UNKNOWN when not known)");
    }
    this.id = id;
    this.merchantId = merchantId;
    this.subjectRef = subjectRef;
    this.customerId = sealedCustomerId;
    this.holderName = sealedHolderName;
    this.gateway = gateway;
    this.gatewayToken = token;
    this.brand = card.brand();
    this.last4 = card.lastFour();
    this.expMonth = card.expMonth();
    this.expYear = card.expYear();
    this.paymentId = paymentId;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  public String id() {
    return id;
  }

  public String merchantId() {
    return merchantId;
  }

  public String subjectRef() {
    return subjectRef;
  }

  /** The customer's id as stored (sealed); null once erased. */
  public String sealedCustomerId() {
    return customerId;
  }

  /** The cardholder's name as stored (sealed); null once removed. */
  public String sealedHolderName() {
    return holderName;
  }

  public String gateway() {
    return gateway;
  }

  /** The gateway's token, while the card is saved. */
  public Optional<String> token() {
    return Optional.ofNullable(gatewayToken);
  }

  public CardSummary card() {
    return new CardSummary(brand, last4, expMonth, expYear);
  }

  public Optional<String> paymentId() {
    return Optional.ofNullable(paymentId);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Optional<Instant> removedAt() {
    return Optional.ofNullable(removedAt).map(OffsetDateTime::toInstant);
  }

  public boolean isRemoved() {
    return removedAt != null;
  }

  /** Whether the card has expired by {@code month}: a card is good through its expiry month. */
  public boolean expiredBy(YearMonth month) {
    return YearMonth.of(expYear, expMonth).isBefore(month);
  }

  /** Whether this saved card belongs to the merchant's customer and can still be used. */
  public boolean usableBy(String merchant, String customerSubject) {
    return !isRemoved() && merchantId.equals(merchant) && subjectRef.equals(customerSubject);
  }

  /**
   * Removes the card: Kassa forgets the token (the caller has the gateway forget it too) and the
   * customer's sealed details; brand, last four, expiry and dates stay as the record of what was.
   *
   * @return the token that was held, for the gateway to forget
   * @throws IllegalStateException if it was removed before
   */
  public String remove(Instant now) {
    if (isRemoved()) {
      throw new IllegalStateException("saved payment method " + id + " is already removed");
    }
    String token = gatewayToken;
    this.gatewayToken = null;
    this.customerId = null;
    this.holderName = null;
    this.removedAt = now.atOffset(ZoneOffset.UTC);
    return token;
  }
}
