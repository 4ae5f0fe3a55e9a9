package org.kassa.payment.checkout;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/**
 * A checkout session. It guards its own rules: the line items add up to the amount, it can only be
 * paid while open and not expired, and it is completed by exactly one payment.
 */
@Entity
@Table(name = "checkout_session")
public class CheckoutSession {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  @Column(name = "amount", nullable = false)
  private long amount;

  @Embedded
  @AttributeOverride(
      name = "code",
      column = @Column(name = "currency", length = 3, nullable = false))
  private CurrencyCode currency;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "checkout_line_item", joinColumns = @JoinColumn(name = "session_id"))
  @OrderColumn(name = "line_no")
  private List<LineItem> lineItems = new ArrayList<>();

  @Column(name = "locale", length = 35)
  private String locale;

  /** Sealed under the subject's key (compliance's PersonalDataVault), never plain. */
  @Column(name = "customer_email", length = 1000)
  private String customerEmail;

  /**
   * The customer's pseudonymous id, when the merchant named the customer: by their customer id when
   * given (as a server-side payment for the customer has it), else by their email.
   */
  @Column(name = "subject_ref", length = 40)
  private String subjectRef;

  /**
   * The methods the session offers, as API names in the merchant's order, comma-separated; null on
   * sessions made before methods could be chosen, which offer their currency's defaults.
   */
  @Column(name = "payment_method_types", length = 200)
  private String paymentMethodTypes;

  /** The shopper's country as the merchant gave it (ISO 3166 alpha-2); personal data, erased. */
  @Column(name = "customer_country", length = 2)
  private String customerCountry;

  /**
   * The merchant's id of the customer, sealed under the subject's key: their saved cards are found
   * by it (with the merchant's id, since two merchants' customers are different people).
   */
  @Column(name = "customer_id", length = 1000)
  private String customerId;

  @Column(name = "success_url", nullable = false, length = 2048)
  private String successUrl;

  @Column(name = "cancel_url", nullable = false, length = 2048)
  private String cancelUrl;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private CheckoutStatus status;

  @Column(name = "payment_id", length = 40)
  private String paymentId;

  /** The locked quote the shopper chose to pay in their currency with, if any. */
  @Column(name = "fx_quote_id", length = 40)
  private String fxQuoteId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected CheckoutSession() {}

  /**
   * @param subjectRef the customer's pseudonymous id, or null when the merchant named no customer
   * @param sealedCustomerEmail the customer's email sealed under the subject's key, or null
   * @param sealedCustomerId the merchant's customer id sealed under the subject's key, or null;
   *     when given, {@code subjectRef} is the customer id's pseudonym
   */
  CheckoutSession(
      String id,
      String merchantId,
      NewCheckoutSession request,
      String subjectRef,
      String sealedCustomerEmail,
      String sealedCustomerId,
      Instant now,
      long ttlSeconds) {
    if (sealedCustomerEmail != null
        && (subjectRef == null || !PersonalDataVault.isSealed(sealedCustomerEmail))) {
      throw new IllegalArgumentException("a customer's email is stored sealed only");
    }
    if (sealedCustomerId != null
        && (subjectRef == null || !PersonalDataVault.isSealed(sealedCustomerId))) {
      throw new IllegalArgumentException("a customer's id is stored sealed only");
    }
    this.customerId = sealedCustomerId;
    this.id = id;
    this.merchantId = merchantId;
    this.currency = CurrencyCode.of(request.currency());
    this.amount = request.amount();
    this.lineItems = new ArrayList<>(request.lineItems());
    long itemsTotal = 0;
    for (LineItem item : lineItems) {
      itemsTotal = Math.addExact(itemsTotal, item.total());
    }
    if (itemsTotal != amount) {
      throw new IllegalArgumentException("line items add up to " + itemsTotal + ", not " + amount);
    }
    this.locale = request.locale();
    this.paymentMethodTypes =
        String.join(
            ",",
            PaymentMethodAvailability.resolve(request.paymentMethodTypes(), currency).stream()
                .map(PaymentMethodType::apiName)
                .toList());
    this.customerCountry = request.customerCountry();
    this.subjectRef = subjectRef;
    this.customerEmail = sealedCustomerEmail;
    this.successUrl = request.successUrl();
    this.cancelUrl = request.cancelUrl();
    this.status = CheckoutStatus.OPEN;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.expiresAt = now.plusSeconds(ttlSeconds).atOffset(ZoneOffset.UTC);
  }

  public String id() {
    return id;
  }

  public String merchantId() {
    return merchantId;
  }

  public Money amount() {
    return new Money(amount, currency);
  }

  public List<LineItem> lineItems() {
    return List.copyOf(lineItems);
  }

  public Optional<String> locale() {
    return Optional.ofNullable(locale);
  }

  /**
   * The methods the session offers, in the merchant's order; the currency's defaults when the
   * session was made before methods could be chosen.
   */
  public List<PaymentMethodType> paymentMethodTypes() {
    if (paymentMethodTypes == null || paymentMethodTypes.isBlank()) {
      return PaymentMethodAvailability.defaultsFor(currency);
    }
    return java.util.Arrays.stream(paymentMethodTypes.split(","))
        .map(n -> PaymentMethodType.fromApiName(n).orElse(null))
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** The shopper's country as the merchant gave it, if it did and it was not erased. */
  public Optional<String> customerCountry() {
    return Optional.ofNullable(customerCountry);
  }

  /** The customer's email as stored (sealed), or null. */
  public String sealedCustomerEmail() {
    return customerEmail;
  }

  public Optional<String> subjectRef() {
    return Optional.ofNullable(subjectRef);
  }

  /** The merchant's customer id as stored (sealed), or null. */
  public String sealedCustomerId() {
    return customerId;
  }

  /**
   * The pseudonymous id of the merchant's customer, when the merchant named one by id (and it was
   * not erased): the key, with the merchant's id, to the customer's saved cards.
   */
  public Optional<String> customerRef() {
    return customerId == null ? Optional.empty() : Optional.ofNullable(subjectRef);
  }

  /**
   * Erases the customer's email, country and id. The session's amounts, items and dates stay.
   *
   * @return whether there was any
   */
  public boolean erasePersonalData() {
    boolean had = customerEmail != null || customerCountry != null || customerId != null;
    this.customerEmail = null;
    this.customerCountry = null;
    this.customerId = null;
    return had;
  }

  public String successUrl() {
    return successUrl;
  }

  public String cancelUrl() {
    return cancelUrl;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant expiresAt() {
    return expiresAt.toInstant();
  }

  /** The id of the latest payment attempt, if any. */
  public Optional<String> paymentId() {
    return Optional.ofNullable(paymentId);
  }

  /** The status at {@code now}: an open session past its expiry is expired. */
  public CheckoutStatus statusAt(Instant now) {
    if (status == CheckoutStatus.OPEN && !now.isBefore(expiresAt.toInstant())) {
      return CheckoutStatus.EXPIRED;
    }
    return status;
  }

  /**
   * The exchange-rate quote the shopper chose to pay with, in their currency; empty when they pay
   * in the session's currency. A payment that begins applies it, or refuses it once past its lock.
   */
  public Optional<String> presentmentQuoteId() {
    return Optional.ofNullable(fxQuoteId);
  }

  /**
   * Records the shopper's choice to pay in their currency at {@code quote}, or in the session's
   * currency ({@code null}).
   *
   * @throws IllegalArgumentException if the quote is another merchant's or for another amount
   */
  public void presentWith(org.kassa.payment.money.fx.FxQuote quote) {
    if (quote != null
        && (!quote.merchantId().equals(merchantId) || !quote.amount().equals(amount()))) {
      throw new IllegalArgumentException(
          "quote " + quote.id() + " is not for the amount of session " + id);
    }
    this.fxQuoteId = quote == null ? null : quote.id();
  }

  /** Records that a payment attempt started; the caller holds the session's row lock. */
  public void attachAttempt(String newPaymentId, Instant now) {
    if (statusAt(now) != CheckoutStatus.OPEN) {
      throw new IllegalStateException("session " + id + " is " + statusAt(now).apiName());
    }
    this.paymentId = newPaymentId;
  }

  /** Marks the session paid by {@code byPayment}, exactly once. */
  public void complete(String byPayment, Instant now) {
    if (status == CheckoutStatus.COMPLETE) {
      throw new IllegalStateException("session " + id + " is already paid by " + paymentId);
    }
    if (!byPayment.equals(paymentId)) {
      throw new IllegalStateException("payment " + byPayment + " is not the session's attempt");
    }
    this.status = CheckoutStatus.COMPLETE;
    this.completedAt = now.atOffset(ZoneOffset.UTC);
  }
}
