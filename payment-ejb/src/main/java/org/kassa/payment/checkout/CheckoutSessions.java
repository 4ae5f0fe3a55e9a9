package org.kassa.payment.checkout;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.idempotency.IdempotencyKeys;
import org.kassa.payment.merchant.ApiKey;
import org.kassa.payment.money.CurrencyCode;

/** Creates and reads checkout sessions. */
@Stateless
public class CheckoutSessions {

  private static final Logger LOG = Logger.getLogger(CheckoutSessions.class.getName());
  static final int DEFAULT_TTL_SECONDS = 86_400;

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private IdempotencyKeys idempotencyKeys;
  @Inject private AuditTrail audit;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private PersonalDataVault vault;

  @Inject
  @ConfigProperty(name = "kassa.checkout.max-amount", defaultValue = "99999999")
  private long maxAmount;

  private final Clock clock = Clock.systemUTC();

  /**
   * Creates a session for a merchant.
   *
   * @param idempotencyKey the call's claimed idempotency key, or null; the session is bound to it
   */
  public CheckoutSession create(
      @NotBlank String merchantId,
      @NotNull @Valid NewCheckoutSession request,
      @Size(max = IdempotencyKeys.MAX_KEY_LENGTH) String idempotencyKey) {
    checkAcrossFields(request);
    int ttl = request.expiresInSeconds() == null ? DEFAULT_TTL_SECONDS : request.expiresInSeconds();
    // The merchant's customer id names the subject when given, as for a server-side payment, so
    // the customer's saved cards, consents and payments are one subject's; else the email does.
    String subjectRef =
        request.customer() != null
            ? pseudonymizer.pseudonym(request.customer())
            : pseudonymizer.pseudonym(request.customerEmail());
    CheckoutSession session =
        new CheckoutSession(
            "cs_" + ApiKey.randomToken(24),
            merchantId,
            request,
            subjectRef,
            subjectRef == null ? null : vault.seal(subjectRef, request.customerEmail()),
            subjectRef == null ? null : vault.seal(subjectRef, request.customer()),
            clock.instant(),
            ttl);
    em.persist(session);
    idempotencyKeys.bind(merchantId, idempotencyKey, "checkout_session", session.id());
    audit.append(
        AuditRecord.of(
                "merchant:" + merchantId,
                "checkout_session.created",
                "checkout_session",
                session.id(),
                "open")
            .withSubject(subjectRef)
            .withDetail("amount=" + session.amount()));
    LOG.info(
        () -> "event=checkout_session.created session=" + session.id() + " merchant=" + merchantId);
    return session;
  }

  private void checkAcrossFields(NewCheckoutSession request) {
    if (!CurrencyCode.isValid(request.currency())) {
      throw new InvalidRequestException(
          "unknown_currency",
          "Currency " + request.currency() + " is not an active ISO 4217 currency.",
          Map.of("currency", "is not an active ISO 4217 currency code"));
    }
    if (request.amount() > maxAmount) {
      throw new InvalidRequestException(
          "amount_too_large",
          "The amount is above the maximum of " + maxAmount + " minor units.",
          Map.of("amount", "must be at most " + maxAmount));
    }
    PaymentMethodAvailability.firstUnknown(request.paymentMethodTypes())
        .ifPresent(
            name -> {
              throw new InvalidRequestException(
                  "unknown_payment_method_type",
                  "Payment method type " + name + " is not one Kassa knows.",
                  Map.of(
                      "payment_method_types",
                      "unknown type "
                          + name
                          + "; known: "
                          + java.util.Arrays.stream(
                                  org.kassa.payment.gateway.PaymentMethodType.values())
                              .map(org.kassa.payment.gateway.PaymentMethodType::apiName)
                              .toList()));
            });
    CurrencyCode currency = CurrencyCode.of(request.currency());
    if (request.customerCountry() != null
        && !java.util.Set.of(java.util.Locale.getISOCountries())
            .contains(request.customerCountry())) {
      throw new InvalidRequestException(
          "unknown_country",
          "Country " + request.customerCountry() + " is not an ISO 3166 country.",
          Map.of("customer_country", "is not an ISO 3166 alpha-2 country code"));
    }
    PaymentMethodAvailability.firstNotInCurrency(request.paymentMethodTypes(), currency)
        .ifPresent(
            name -> {
              throw new InvalidRequestException(
                  "payment_method_unavailable",
                  "Payment method type " + name + " does not take " + currency.code() + ".",
                  Map.of("payment_method_types", name + " is not available in " + currency.code()));
            });
    long itemsTotal = 0;
    try {
      for (LineItem item : request.lineItems()) {
        itemsTotal = Math.addExact(itemsTotal, item.total());
      }
    } catch (ArithmeticException e) {
      itemsTotal = -1;
    }
    if (itemsTotal != request.amount()) {
      throw new InvalidRequestException(
          "line_items_mismatch",
          "The line items add up to " + itemsTotal + ", but amount is " + request.amount() + ".",
          Map.of("line_items", "must add up to amount (quantity × unit_amount)"));
    }
  }

  /**
   * The merchant's session.
   *
   * @throws NotFoundException if it does not exist or belongs to another merchant
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public CheckoutSession get(String merchantId, String sessionId) {
    return find(sessionId)
        .filter(s -> s.merchantId().equals(merchantId))
        .orElseThrow(() -> new NotFoundException("checkout session", sessionId));
  }

  /** A session by id, for the hosted page, which the shopper reaches by the session's URL. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<CheckoutSession> find(String sessionId) {
    if (sessionId == null || sessionId.length() > 40) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(CheckoutSession.class, sessionId));
  }
}
