package org.kassa.payment.banktransfer;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.payment.gateway.BankCreditNotice;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.merchant.ApiKey;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentAttempts;
import org.kassa.payment.payment.PaymentResult;
import org.kassa.payment.payment.PaymentStateMachine;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.ReviewHolds;
import org.kassa.payment.webhook.MerchantEvents;

/**
 * Bank transfers as transaction scripts: open one for a new payment, count a credit the bank
 * reports, end the ones past their due date. Payment status changes go through {@link
 * PaymentAttempts#settle} (a credit that pays is a capture) or {@link PaymentStateMachine}.
 */
@Stateless
public class BankTransfers {

  private static final Logger LOG = Logger.getLogger(BankTransfers.class.getName());

  /** Where the shopper reads what to transfer: the payment's action while it waits. */
  public static final String INSTRUCTIONS_PATH = "/transfer/";

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private PaymentAttempts attempts;
  @Inject private PaymentStateMachine stateMachine;
  @Inject private MerchantEvents merchantEvents;
  @Inject private PersonalDataVault vault;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private BankTransferSettings settings;
  @Inject private ReviewHolds holds;

  private final Clock clock = Clock.systemUTC();

  /**
   * Asks the shopper for the transfer: a new reference, the account and the due date, and the
   * payment now waits for the money ({@code requires_action}). A payment the compliance gate did
   * not let through (failed) is answered as it is.
   *
   * @param payerIban the IBAN the shopper pays from, already checked, or null
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public PaymentResult open(String paymentId, String payerIban) {
    Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
    if (payment.status() != PaymentStatus.PROCESSING
        || em.find(BankTransfer.class, paymentId) != null) {
      // A processing answer moves nothing: this only reads the payment as it is.
      return attempts.settle(paymentId, GatewayResult.processing(null), null);
    }
    if (payerIban != null && !Ibans.isValidIban(payerIban)) {
      throw new IllegalArgumentException("the payer's IBAN is checked before");
    }
    Instant now = clock.instant();
    String subject = payment.subjectRef().orElse(null);
    BankTransfer transfer =
        new BankTransfer(
            paymentId,
            payment.merchantId(),
            newReference(),
            payment.amount(),
            settings.account(),
            payerIban == null ? null : vault.seal(subject, Ibans.compact(payerIban)),
            subject,
            now.plus(settings.dueIn()),
            now);
    em.persist(transfer);
    return attempts.settle(
        paymentId,
        GatewayResult.requiresAction(
            transfer.reference().value(), INSTRUCTIONS_PATH + transfer.paymentId()),
        "bank-transfer");
  }

  /**
   * Counts a credit the bank reported, in the caller's transaction (the callback's, which stores
   * the event in the same one). Matched by its reference: exact pays the payment (a capture); short
   * leaves it waiting with what arrived; over pays it and keeps the excess for a refund; a credit
   * after the transfer closed is all excess; an unknown reference is kept, unmatched, for the
   * account's merchant. The same bank credit id twice changes nothing the second time.
   *
   * @return whether anything changed
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public boolean applyCredit(String gateway, BankCreditNotice notice) {
    if (!em.createQuery(
            "SELECT c.id FROM ReceivedCredit c WHERE c.gateway = :g AND c.bankCreditId = :b",
            String.class)
        .setParameter("g", gateway)
        .setParameter("b", notice.creditId())
        .getResultList()
        .isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    CreditorReference reference = CreditorReference.parse(notice.reference());
    Optional<BankTransfer> found =
        reference == null
            ? Optional.empty()
            : em.createQuery(
                    "SELECT t FROM BankTransfer t WHERE t.reference = :r", BankTransfer.class)
                .setParameter("r", reference.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    if (found.isEmpty() || !found.get().amountDue().currency().equals(notice.amount().currency())) {
      keepUnmatched(gateway, notice, now);
      return true;
    }
    BankTransfer transfer = found.get();
    CreditMatching.Match match = transfer.receive(notice.amount(), now);
    String subject = transfer.subjectRef().orElse(null);
    ReceivedCredit credit =
        new ReceivedCredit(
            "bcr_" + ApiKey.randomToken(24),
            gateway,
            notice.creditId(),
            transfer.merchantId(),
            transfer.paymentId(),
            reference.value(),
            notice.amount(),
            match,
            sealPayerIban(subject, notice.payerIban()),
            subject,
            notice.bookedAt(),
            now);
    em.persist(credit);
    if (match.pays()) {
      // A payment a compliance case holds is only authorized, as a held card is: the money stays
      // received, and is captured when the case is cleared or returned when it is confirmed.
      Payment payment =
          em.find(Payment.class, transfer.paymentId(), LockModeType.PESSIMISTIC_WRITE);
      boolean held = holds.openCaseHolding(payment).isPresent();
      attempts.settle(
          transfer.paymentId(),
          held
              ? GatewayResult.authorized(reference.value())
              : GatewayResult.captured(reference.value(), transfer.amountDue().minorUnits()),
          "gateway:" + gateway);
    }
    switch (match.outcome()) {
      case SHORT -> publish(transfer, "bank_transfer.underpaid");
      case OVERPAID -> publish(transfer, "bank_transfer.overpaid");
      case LATE -> publish(transfer, "bank_transfer.late_credit");
      default -> {}
    }
    LOG.info(
        () ->
            "event=bank_credit."
                + match.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + " payment="
                + transfer.paymentId()
                + " credit="
                + credit.id());
    return true;
  }

  private void keepUnmatched(String gateway, BankCreditNotice notice, Instant now) {
    // The payer is nobody Kassa knows: their IBAN is sealed under a pseudonym of itself.
    String iban = Ibans.compact(notice.payerIban());
    String subject = iban == null ? null : pseudonymizer.pseudonym("iban", iban);
    String remittance = notice.reference();
    ReceivedCredit credit =
        new ReceivedCredit(
            "bcr_" + ApiKey.randomToken(24),
            gateway,
            notice.creditId(),
            settings.accountOwner(),
            null,
            remittance == null ? null : remittance.substring(0, Math.min(140, remittance.length())),
            notice.amount(),
            CreditMatching.unmatched(notice.amount().minorUnits()),
            sealPayerIban(subject, iban),
            subject,
            notice.bookedAt(),
            now);
    em.persist(credit);
    merchantEvents.publish(
        credit.merchantId(),
        "bank_credit.unmatched",
        "bank_credit",
        credit.id(),
        BankTransferRepresentation.of(credit).toString());
    LOG.info(() -> "event=bank_credit.unmatched credit=" + credit.id());
  }

  private String sealPayerIban(String subject, String payerIban) {
    String iban = Ibans.compact(payerIban);
    return iban == null || iban.isEmpty() || subject == null ? null : vault.seal(subject, iban);
  }

  /**
   * Ends transfers past their due date that were not paid in full, as of {@code now}: claimed with
   * {@code FOR UPDATE SKIP LOCKED}, so any number of nodes may run it; each payment expires through
   * the state machine, and what partly arrived is kept for a refund.
   *
   * @return how many expired
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int expireDue(Instant now, int max) {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT payment_id FROM bank_transfer WHERE state = 'AWAITING' AND due_at <= ?1"
                    + " ORDER BY due_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, max)
            .getResultList();
    for (String id : ids) {
      BankTransfer transfer = em.find(BankTransfer.class, id);
      transfer.expire(now);
      Payment payment = em.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (payment.status().canMoveTo(PaymentStatus.EXPIRED)) {
        stateMachine.transition(
            payment, PaymentStatus.EXPIRED, "bank-transfer-expiry", "transfer_not_received");
      }
      if (transfer.amountExcess().isPositive()) {
        publish(transfer, "bank_transfer.expired_with_credit");
      }
      LOG.info(() -> "event=bank_transfer.expired payment=" + id);
    }
    return ids.size();
  }

  /**
   * Cancels a payment paid, or being paid, by transfer: the transfer closes, what arrived is kept
   * to refund ({@code bank_transfer.canceled_with_credit} tells the merchant), and the payment is
   * canceled. A payment that can no longer be canceled (captured, expired) is answered as it is.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public PaymentResult cancel(String paymentId, String actor) {
    Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
    if (payment == null || !payment.status().canMoveTo(PaymentStatus.CANCELED)) {
      return attempts.settle(paymentId, GatewayResult.processing(null), null);
    }
    BankTransfer transfer = em.find(BankTransfer.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
    if (transfer != null && transfer.cancel(clock.instant())) {
      if (transfer.amountExcess().isPositive()) {
        publish(transfer, "bank_transfer.canceled_with_credit");
      }
      LOG.info(() -> "event=bank_transfer.canceled payment=" + paymentId);
    }
    return attempts.settle(
        paymentId, GatewayResult.canceled(payment.gatewayReference().orElse(null)), actor);
  }

  /** The transfer of a payment. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<BankTransfer> find(String paymentId) {
    return Optional.ofNullable(paymentId).map(id -> em.find(BankTransfer.class, id));
  }

  /** The credits counted against a payment's transfer, oldest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ReceivedCredit> creditsOf(String paymentId) {
    return em.createQuery(
            "SELECT c FROM ReceivedCredit c WHERE c.paymentId = :p ORDER BY c.createdAt, c.id",
            ReceivedCredit.class)
        .setParameter("p", paymentId)
        .getResultList();
  }

  /** A merchant's credits that matched no transfer, newest first (at most {@code max}). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ReceivedCredit> unmatchedCredits(String merchantId, int max) {
    return em.createQuery(
            "SELECT c FROM ReceivedCredit c WHERE c.merchantId = :m AND c.paymentId IS NULL"
                + " ORDER BY c.createdAt DESC, c.id",
            ReceivedCredit.class)
        .setParameter("m", merchantId)
        .setMaxResults(max)
        .getResultList();
  }

  private void publish(BankTransfer transfer, String type) {
    merchantEvents.publish(
        transfer.merchantId(),
        type,
        "bank_transfer",
        transfer.paymentId(),
        BankTransferRepresentation.of(transfer).toString());
  }

  private CreditorReference newReference() {
    // 16 random characters of 34: a repeat is all but impossible, and checked anyway.
    while (true) {
      CreditorReference reference = CreditorReference.random();
      if (em.createQuery("SELECT COUNT(t) FROM BankTransfer t WHERE t.reference = :r", Long.class)
              .setParameter("r", reference.value())
              .getSingleResult()
          == 0) {
        return reference;
      }
    }
  }
}
