package org.kassa.payment.receipt;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.merchant.ApiKey;
import org.kassa.payment.merchant.Merchant;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.Payer;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.privacy.PaymentPersonalData;
import org.kassa.payment.webhook.AttemptLease;

/**
 * The receipt outbox: {@link #queue} writes a receipt in the transaction that captures a payment;
 * {@link #claim} hands due receipts to a sender, each under a lease, and {@link #sent} or {@link
 * #failed} records how it went. Claims take rows with {@code SELECT … FOR UPDATE SKIP LOCKED} in a
 * short transaction of their own, as webhook delivery does, so any number of nodes send and none
 * sends a receipt another is sending. Delivery is at least once: a node that dies between handing
 * the mail to the server and recording it leaves the receipt to be sent again when the lease ends.
 */
@Stateless
public class ReceiptEmails {

  /** Due receipts, oldest due first (see {@link AttemptLease#claimQuery}). */
  static final String CLAIM_SQL = AttemptLease.claimQuery("receipt_email");

  /** The largest batch one claim takes. */
  public static final int MAX_BATCH = 200;

  private static final Logger LOG = Logger.getLogger(ReceiptEmails.class.getName());

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private MailSettings settings;
  @Inject private PaymentPersonalData personalData;

  private final Clock clock = Clock.systemUTC();

  /**
   * One receipt claimed for sending: what to render and to whom. The recipient is personal data: it
   * is held in memory for the attempt only and never logged ({@link #toString} leaves it out).
   */
  public record Claim(
      String receiptId, String token, int attemptNo, String recipient, Receipt receipt) {
    @Override
    public String toString() {
      return "Claim[receipt=" + receiptId + ", attempt=" + attemptNo + "]";
    }
  }

  /**
   * Queues the receipt of a payment that has just been captured, in the capture's transaction: at
   * most one per payment, only when the payer left an email on the hosted page and a mail server is
   * configured. The receipt speaks the language the shopper paid in, else the session's.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void queue(Payment payment) {
    if (!settings.enabled()
        || payment.sessionId() == null
        || payment.sealedPayerEmail() == null
        || find(payment.id()).isPresent()) {
      return;
    }
    String language =
        Optional.ofNullable(em.find(ReceiptLanguage.class, payment.sessionId()))
            .map(ReceiptLanguage::locale)
            .or(
                () ->
                    Optional.ofNullable(em.find(CheckoutSession.class, payment.sessionId()))
                        .flatMap(CheckoutSession::locale))
            .orElse(Locale.ENGLISH.toLanguageTag());
    ReceiptEmail receipt =
        new ReceiptEmail(
            ReceiptEmail.ID_PREFIX + ApiKey.randomToken(24),
            payment.id(),
            payment.merchantId(),
            language,
            clock.instant());
    em.persist(receipt);
    LOG.info(
        () ->
            "event=receipt.queued receipt="
                + receipt.id()
                + " payment="
                + payment.id()
                + " locale="
                + language);
  }

  /**
   * Remembers the language a shopper pays a session in, for its receipt. Called by the hosted page
   * before it confirms a payment.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void rememberLanguage(String sessionId, Locale language) {
    if (sessionId == null
        || language == null
        || em.find(CheckoutSession.class, sessionId) == null) {
      return;
    }
    String tag = language.toLanguageTag();
    if (tag.length() > 35) {
      return;
    }
    ReceiptLanguage known = em.find(ReceiptLanguage.class, sessionId);
    if (known == null) {
      em.persist(new ReceiptLanguage(sessionId, tag, clock.instant()));
    } else if (!known.locale().equals(tag)) {
      known.choose(tag, clock.instant());
    }
  }

  /** The receipt of a payment, if one was queued. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ReceiptEmail> find(String paymentId) {
    return em
        .createQuery("SELECT r FROM ReceiptEmail r WHERE r.paymentId = :p", ReceiptEmail.class)
        .setParameter("p", paymentId)
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * Claims up to {@code max} due receipts for this node, in a transaction of its own, opening each
   * payer's email now. A receipt whose payer's email was erased meanwhile is canceled instead.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Claim> claim(int max) {
    if (max <= 0) {
      return List.of();
    }
    Instant now = clock.instant();
    List<?> ids =
        em.createNativeQuery(CLAIM_SQL)
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, Math.min(max, MAX_BATCH))
            .getResultList();
    List<Claim> claims = new ArrayList<>(ids.size());
    for (Object id : ids) {
      ReceiptEmail receipt = em.find(ReceiptEmail.class, String.valueOf(id));
      if (receipt == null) {
        continue;
      }
      Payment payment = em.find(Payment.class, receipt.paymentId());
      Optional<String> recipient = personalData.payer(payment).flatMap(Payer::emailAddress);
      if (recipient.isEmpty()) {
        receipt.cancel(now);
        LOG.info(() -> "event=receipt.canceled receipt=" + receipt.id() + " reason=no_recipient");
        continue;
      }
      String token = ApiKey.randomToken(24);
      int attemptNo = receipt.claim(token, now, settings.lease());
      claims.add(
          new Claim(receipt.id(), token, attemptNo, recipient.get(), content(receipt, payment)));
    }
    return claims;
  }

  private Receipt content(ReceiptEmail receipt, Payment payment) {
    CheckoutSession session = em.find(CheckoutSession.class, payment.sessionId());
    Merchant merchant = em.find(Merchant.class, payment.merchantId());
    List<Receipt.Line> lines = new ArrayList<>();
    if (session != null) {
      session
          .lineItems()
          .forEach(
              item -> {
                Money unit = new Money(item.unitAmount(), payment.amount().currency());
                lines.add(
                    new Receipt.Line(
                        item.name(), item.quantity(), unit, unit.times(item.quantity())));
              });
    }
    Money captured = payment.amountCaptured();
    return new Receipt(
        payment.id(),
        payment.sessionId(),
        merchant == null ? payment.merchantId() : merchant.name(),
        captured.isPositive() ? captured : payment.amount(),
        lines,
        receipt.createdAt(),
        payment.method().apiName(),
        payment.card().map(c -> c.brand() == null ? null : c.brand().displayName()).orElse(null),
        payment.card().map(c -> c.lastFour()).orElse(null),
        receipt.locale(),
        payment.presentment().orElse(null));
  }

  /** Records that the mail server took the receipt, if {@code claim} still holds it. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean sent(Claim claim) {
    ReceiptEmail receipt = held(claim);
    if (receipt == null) {
      return false;
    }
    receipt.sent(clock.instant());
    LOG.info(
        () ->
            "event=receipt.sent receipt="
                + receipt.id()
                + " payment="
                + receipt.paymentId()
                + " attempt="
                + claim.attemptNo());
    return true;
  }

  /**
   * Records a failed attempt, if {@code claim} still holds the receipt: due again after a back-off,
   * or failed for good past the retry window.
   *
   * @param error the simple name of what went wrong (never the message, which may quote the
   *     address)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<ReceiptStatus> failed(Claim claim, String error) {
    ReceiptEmail receipt = held(claim);
    if (receipt == null) {
      return Optional.empty();
    }
    ReceiptStatus status = receipt.failed(error, settings.retries(), clock.instant());
    LOG.warning(
        () ->
            "event=receipt.attempt_failed receipt="
                + receipt.id()
                + " attempt="
                + claim.attemptNo()
                + " error="
                + error
                + " status="
                + status.apiName());
    return Optional.of(status);
  }

  private ReceiptEmail held(Claim claim) {
    ReceiptEmail receipt =
        em.find(ReceiptEmail.class, claim.receiptId(), LockModeType.PESSIMISTIC_WRITE);
    if (receipt == null || !receipt.holds(claim.token())) {
      LOG.warning(
          () ->
              "event=receipt.claim_lost receipt="
                  + claim.receiptId()
                  + " attempt="
                  + claim.attemptNo());
      return null;
    }
    return receipt;
  }
}
