package org.kassa.payment.dispute;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.text.Sha256;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.gateway.DisputeEvidence;
import org.kassa.payment.gateway.DisputeNotice;
import org.kassa.payment.gateway.Gateways;
import org.kassa.payment.merchant.ApiKey;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentStateMachine;
import org.kassa.payment.payment.PaymentStatus;

/**
 * Disputes: applies what gateways report (a new dispute holds the payment's money; a lost one takes
 * it back; a won one releases it), lists them, and sends the merchant's evidence.
 */
@Stateless
public class Disputes {

  private static final Logger LOG = Logger.getLogger(Disputes.class.getName());

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private PaymentStateMachine stateMachine;
  @Inject private AuditTrail audit;
  @Inject private Gateways gateways;
  @Inject private Disputes self;
  @Inject private org.kassa.payment.webhook.MerchantEvents merchantEvents;

  private final Clock clock = Clock.systemUTC();

  /**
   * Applies a gateway's report about a dispute, in the caller's transaction (a callback's). Reports
   * may arrive late or out of order: a dispute only moves forward, and one first heard of as
   * already decided is opened and decided at once.
   *
   * @return whether anything changed
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean apply(String gateway, String paymentId, DisputeNotice notice) {
    Optional<DisputeStatus> reported = DisputeStatus.fromApiName(notice.status());
    Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
    if (reported.isEmpty() || payment == null || !payment.gateway().equals(gateway)) {
      return false;
    }
    Instant now = clock.instant();
    String actor = "gateway:" + gateway;
    Dispute dispute = find(gateway, notice.gatewayDisputeId()).orElse(null);
    boolean changed = false;
    if (dispute == null) {
      if (!payment.status().canMoveTo(PaymentStatus.DISPUTED)) {
        LOG.warning(
            () ->
                "event=dispute.ignored payment="
                    + paymentId
                    + " status="
                    + payment.status().apiName());
        return false;
      }
      dispute =
          new Dispute(
              "dp_" + ApiKey.randomToken(24),
              paymentId,
              payment.merchantId(),
              gateway,
              notice.gatewayDisputeId(),
              // the gateway says it in the currency it charged
              payment.fromCharged(
                  new Money(notice.amount().minorUnits(), payment.charged().currency())),
              notice.reason(),
              notice.evidenceDueBy(),
              now);
      em.persist(dispute);
      stateMachine.transition(payment, PaymentStatus.DISPUTED, actor, "dispute=" + dispute.id());
      trail(dispute, actor);
      changed = true;
    }
    if (dispute.advanceTo(reported.get(), now)) {
      trail(dispute, actor);
      if (dispute.status().isClosed()) {
        boolean lost = dispute.status() == DisputeStatus.LOST;
        stateMachine.transition(
            payment,
            payment.afterDispute(lost, dispute.amount()),
            actor,
            "dispute=" + dispute.id() + " " + dispute.status().apiName());
      }
      changed = true;
    }
    return changed;
  }

  /** The merchant's disputes, newest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Dispute> list(@NotBlank String merchantId, int max) {
    return em.createQuery(
            "SELECT d FROM Dispute d WHERE d.merchantId = :m ORDER BY d.createdAt DESC, d.id",
            Dispute.class)
        .setParameter("m", merchantId)
        .setMaxResults(Math.max(1, Math.min(max, 100)))
        .getResultList();
  }

  /**
   * The merchant's dispute.
   *
   * @throws NotFoundException if it does not exist or is another merchant's
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Dispute get(@NotBlank String merchantId, String disputeId) {
    Dispute dispute = disputeId == null ? null : em.find(Dispute.class, disputeId);
    if (dispute == null || !dispute.merchantId().equals(merchantId)) {
      throw new NotFoundException("dispute", disputeId);
    }
    return dispute;
  }

  /** The evidence files of a dispute, without their content. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<EvidenceFile> files(@NotBlank String merchantId, String disputeId) {
    get(merchantId, disputeId);
    return em.createQuery(
            "SELECT f FROM EvidenceFile f WHERE f.disputeId = :d ORDER BY f.id", EvidenceFile.class)
        .setParameter("d", disputeId)
        .getResultList();
  }

  /**
   * Stores the merchant's evidence, sends it to the gateway, and applies the gateway's answer. The
   * evidence is kept even when the gateway cannot be reached; sending again is safe.
   *
   * @throws DisputeClosedException if the dispute is decided or past its deadline
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Dispute submitEvidence(
      @NotBlank String merchantId, String disputeId, @NotNull @Valid NewEvidence evidence) {
    Dispute dispute = self.recordEvidence(merchantId, disputeId, evidence);
    DisputeNotice answer =
        gateways
            .named(dispute.gateway())
            .submitDisputeEvidence(
                new DisputeEvidence(
                    dispute.gatewayDisputeId(),
                    dispute.paymentId(),
                    evidence.text(),
                    evidence.files().stream()
                        .map(f -> new DisputeEvidence.File(f.name(), f.contentType(), f.content()))
                        .toList()));
    self.applyAnswer(dispute.gateway(), dispute.paymentId(), answer);
    return get(merchantId, disputeId);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Dispute recordEvidence(String merchantId, String disputeId, NewEvidence evidence) {
    Dispute dispute = get(merchantId, disputeId);
    em.lock(dispute, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    dispute.recordEvidence(evidence.text(), now);
    for (NewEvidence.File f : evidence.files()) {
      em.persist(
          new EvidenceFile(
              "file_" + ApiKey.randomToken(24),
              disputeId,
              f.name(),
              f.contentType(),
              f.content(),
              Sha256.hex(f.content()),
              now));
    }
    audit.append(
        AuditRecord.of(
                "merchant:" + merchantId,
                "dispute.evidence_submitted",
                "dispute",
                disputeId,
                dispute.status().apiName())
            .withDetail("files=" + evidence.files().size()));
    return dispute;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void applyAnswer(String gateway, String paymentId, DisputeNotice notice) {
    apply(gateway, paymentId, notice);
  }

  private Optional<Dispute> find(String gateway, String gatewayDisputeId) {
    return em.createQuery(
            "SELECT d FROM Dispute d WHERE d.gateway = :g AND d.gatewayDisputeId = :id",
            Dispute.class)
        .setParameter("g", gateway)
        .setParameter("id", gatewayDisputeId)
        .getResultStream()
        .findFirst();
  }

  private void trail(Dispute dispute, String actor) {
    audit.append(
        AuditRecord.of(
                actor,
                "dispute." + dispute.status().apiName(),
                "dispute",
                dispute.id(),
                dispute.status().apiName())
            .withDetail("payment=" + dispute.paymentId() + " amount=" + dispute.amount()));
    merchantEvents.publish(
        dispute.merchantId(),
        "dispute." + dispute.status().apiName(),
        "dispute",
        dispute.id(),
        DisputeRepresentation.of(dispute, List.of()).toString());
    LOG.info(
        () ->
            "event=dispute."
                + dispute.status().apiName()
                + " dispute="
                + dispute.id()
                + " payment="
                + dispute.paymentId());
  }
}
