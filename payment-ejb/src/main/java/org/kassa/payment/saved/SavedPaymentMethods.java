package org.kassa.payment.saved;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.consent.Consents;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.card.CardSummary;
import org.kassa.payment.gateway.Gateways;
import org.kassa.payment.merchant.ApiKey;

/**
 * Saves, lists and removes a customer's saved cards. A customer is the merchant's: two merchants'
 * customers with the same id are different customers, so every look-up names the merchant.
 */
@Stateless
public class SavedPaymentMethods {

  /** The consent purpose (the compliance module's ledger) a saved card needs. */
  public static final String CONSENT_PURPOSE = "save_payment_method";

  private static final Logger LOG = Logger.getLogger(SavedPaymentMethods.class.getName());

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private Pseudonymizer pseudonymizer;
  @Inject private PersonalDataVault vault;
  @Inject private Consents consents;
  @Inject private Gateways gateways;
  @Inject private AuditTrail audit;

  private final Clock clock = Clock.systemUTC();

  /**
   * The customer's pseudonymous id: the merchant's customer id pseudonymized as it is, as a
   * server-side payment for the customer and a data subject request by customer id have it.
   */
  public String customerSubject(String customerId) {
    return pseudonymizer.pseudonym(customerId);
  }

  /** The merchant's customer's saved cards, newest first; removed ones are not listed. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<SavedPaymentMethod> list(@NotBlank String merchantId, @NotBlank String customerId) {
    return listForSubject(merchantId, customerSubject(customerId));
  }

  /** As {@link #list}, by the customer's pseudonymous id (the hosted page knows only that). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<SavedPaymentMethod> listForSubject(
      @NotBlank String merchantId, @NotBlank String customerSubject) {
    return em.createQuery(
            "SELECT m FROM SavedPaymentMethod m WHERE m.merchantId = :merchant"
                + " AND m.subjectRef = :subject AND m.removedAt IS NULL"
                + " ORDER BY m.createdAt DESC, m.id",
            SavedPaymentMethod.class)
        .setParameter("merchant", merchantId)
        .setParameter("subject", customerSubject)
        .getResultList();
  }

  /**
   * One of the merchant's customer's saved cards.
   *
   * @throws NotFoundException if there is none by that id for this merchant and customer, or it was
   *     removed
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public SavedPaymentMethod get(
      @NotBlank String merchantId, @NotBlank String customerSubject, String id) {
    return find(id)
        .filter(m -> m.usableBy(merchantId, customerSubject))
        .orElseThrow(() -> new NotFoundException("payment method", id));
  }

  /** Whether {@code token} is the gateway token of a card Kassa keeps for a customer. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean holdsToken(String token) {
    return token != null
        && !em.createQuery(
                "SELECT m.id FROM SavedPaymentMethod m WHERE m.gatewayToken = :t", String.class)
            .setParameter("t", token)
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
  }

  /** A saved card by id, removed or not. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<SavedPaymentMethod> find(String id) {
    if (id == null || id.length() > 40) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(SavedPaymentMethod.class, id));
  }

  /** The customer's id, opened; empty once erased. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> customerId(SavedPaymentMethod method) {
    return vault.open(method.subjectRef(), method.sealedCustomerId());
  }

  /** The cardholder's name, opened; empty once removed or erased. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> holderName(SavedPaymentMethod method) {
    return vault.open(method.subjectRef(), method.sealedHolderName());
  }

  /** Whether paying on-session with the card needs its security code again (the gateway says). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean needsCvc(SavedPaymentMethod method) {
    return method
        .token()
        .flatMap(t -> gateways.find(method.gateway()).map(g -> g.savedCardNeedsCvc(t)))
        .orElse(false);
  }

  /**
   * Saves the card a payment was made with, in the payment's transaction, once it succeeded: only
   * if the customer's latest answer to {@link #CONSENT_PURPOSE} in the ledger is a grant. The same
   * card saved again (brand, last four and expiry) replaces the earlier one.
   *
   * @param customerSubject the customer's pseudonymous id
   * @param sealedCustomerId the customer's id sealed under the subject's key
   * @param holderName the cardholder's name, sealed here under the customer's key
   * @return the saved card, or empty when the ledger holds no consent
   */
  public Optional<SavedPaymentMethod> save(
      @NotBlank String merchantId,
      @NotBlank String customerSubject,
      @NotBlank String sealedCustomerId,
      @NotBlank String holderName,
      @NotBlank String gateway,
      @NotBlank String token,
      @NotNull CardSummary card,
      @NotBlank String paymentId) {
    if (!consents.granted(customerSubject, CONSENT_PURPOSE)) {
      LOG.warning(() -> "event=saved_method.refused reason=no_consent payment=" + paymentId);
      forget(gateway, token);
      return Optional.empty();
    }
    Instant now = clock.instant();
    for (SavedPaymentMethod earlier : listForSubject(merchantId, customerSubject)) {
      if (earlier.card().equals(card)) {
        forget(earlier.gateway(), earlier.remove(now));
        audited(earlier, "merchant:" + merchantId, "saved_payment_method.replaced", "removed");
      }
    }
    SavedPaymentMethod saved =
        new SavedPaymentMethod(
            SavedPaymentMethod.ID_PREFIX + ApiKey.randomToken(24),
            merchantId,
            customerSubject,
            sealedCustomerId,
            vault.seal(customerSubject, holderName),
            gateway,
            token,
            card,
            paymentId,
            now);
    em.persist(saved);
    audited(saved, "shopper", "saved_payment_method.created", "saved");
    return Optional.of(saved);
  }

  /**
   * Removes a saved card: Kassa drops its token and the gateway forgets it. When it was the
   * customer's last saved card, the customer's consent to saving is withdrawn in the ledger too.
   *
   * @param actor who removes it, for the trail: {@code shopper} on the hosted page, {@code
   *     merchant:<id>} through the API
   * @param channel where, for the consent ledger: {@code hosted_page}, {@code api}
   * @throws NotFoundException if the merchant's customer has no such saved card
   */
  public SavedPaymentMethod remove(
      @NotBlank String merchantId,
      @NotBlank String customerSubject,
      String id,
      @NotBlank String actor,
      @NotBlank String channel) {
    SavedPaymentMethod method =
        Optional.ofNullable(id)
            .filter(i -> i.length() <= 40)
            .map(i -> em.find(SavedPaymentMethod.class, i, LockModeType.PESSIMISTIC_WRITE))
            .filter(m -> m.usableBy(merchantId, customerSubject))
            .orElseThrow(() -> new NotFoundException("payment method", id));
    forget(method.gateway(), method.remove(clock.instant()));
    audited(method, actor, "saved_payment_method.removed", "removed");
    em.flush();
    if (remainingOfSubject(customerSubject) == 0) {
      consents.withdraw(customerSubject, CONSENT_PURPOSE, channel);
    }
    return method;
  }

  /**
   * Erases the subject's saved cards, for a data subject's erasure: every gateway forgets the
   * tokens and the rows are deleted (saved cards are no financial record). The subject's cards are
   * those saved for them as a customer and those saved by their payments as a payer.
   *
   * @return how many were deleted
   */
  public int eraseSubject(@NotBlank String subjectRef) {
    List<SavedPaymentMethod> cards =
        em.createQuery(
                "SELECT m FROM SavedPaymentMethod m WHERE m.subjectRef = :s OR m.paymentId IN"
                    + " (SELECT p.id FROM Payment p WHERE p.subjectRef = :s)",
                SavedPaymentMethod.class)
            .setParameter("s", subjectRef)
            .getResultList();
    for (SavedPaymentMethod card : cards) {
      card.token().ifPresent(t -> forget(card.gateway(), t));
      em.remove(card);
    }
    return cards.size();
  }

  private long remainingOfSubject(String subjectRef) {
    return em.createQuery(
            "SELECT COUNT(m) FROM SavedPaymentMethod m WHERE m.subjectRef = :s"
                + " AND m.removedAt IS NULL",
            Long.class)
        .setParameter("s", subjectRef)
        .getSingleResult();
  }

  /** Has the gateway forget a token; a gateway that cannot be reached now is logged, not fatal. */
  private void forget(String gateway, String token) {
    try {
      gateways.find(gateway).ifPresent(g -> g.detachSavedMethod(token));
    } catch (RuntimeException e) {
      LOG.warning(() -> "event=saved_method.detach_failed gateway=" + gateway);
    }
  }

  private void audited(SavedPaymentMethod method, String actor, String action, String outcome) {
    audit.append(
        AuditRecord.of(actor, action, "saved_payment_method", method.id(), outcome)
            .withSubject(method.subjectRef())
            .withDetail("merchant=" + method.merchantId() + " gateway=" + method.gateway()));
  }
}
