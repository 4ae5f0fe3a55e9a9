package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kassa.compliance.audit.AuditQuery;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.payment.BusinessException;
import org.kassa.payment.dispute.Dispute;
import org.kassa.payment.dispute.Disputes;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.Payments;
import org.kassa.payment.refund.NewRefund;
import org.kassa.payment.refund.Refund;
import org.kassa.payment.refund.RefundReason;
import org.kassa.payment.refund.RefundStatus;
import org.kassa.payment.refund.Refunds;
import org.kassa.payment.webhook.GatewayCallbacks;
import org.kassa.web.i18n.MoneyFormat;
import org.kassa.web.security.ConsoleUsers;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * One payment in the merchant console: what it is, its timeline (every state change and every
 * gateway callback), its refunds and disputes; refund it, and approve or reject refunds that need a
 * second merchant admin (four-eyes: never the one who asked).
 */
@Named
@ViewScoped
public class PaymentDetailConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  @Param(name = "id")
  private String paymentId;

  @Inject private Payments payments;
  @Inject private Refunds refunds;
  @Inject private Disputes disputes;
  @Inject private AuditTrail audit;
  @Inject private GatewayCallbacks callbacks;
  @Inject private ConsoleUsers users;
  @Inject private SecurityContext securityContext;

  private String merchantId;
  private Payment payment;
  private List<Refund> refundList;
  private List<Dispute> disputeList;
  private List<TimelineEntry> timeline;

  private Long refundAmount;
  private RefundReason refundReason;

  /** One line of the payment's history. */
  public record TimelineEntry(Instant at, String what, String who, String detail)
      implements Serializable {}

  @PostConstruct
  void init() {
    merchantId = users.merchantIdOf(user());
    load();
  }

  private void load() {
    payment = payments.find(paymentId).filter(p -> p.merchantId().equals(merchantId)).orElse(null);
    if (payment == null) {
      return;
    }
    refundList = refunds.ofPayment(merchantId, paymentId);
    disputeList =
        disputes.list(merchantId, 100).stream()
            .filter(d -> d.paymentId().equals(paymentId))
            .toList();
    List<TimelineEntry> entries = new ArrayList<>();
    audit
        .find(AuditQuery.forObject(paymentId), 0, 200)
        .forEach(
            e -> entries.add(new TimelineEntry(e.occurredAt(), e.action(), e.actor(), e.detail())));
    for (Refund r : refundList) {
      audit
          .find(AuditQuery.forObject(r.id()), 0, 50)
          .forEach(
              e -> entries.add(new TimelineEntry(e.occurredAt(), e.action(), e.actor(), r.id())));
    }
    callbacks
        .eventsOf(paymentId)
        .forEach(
            e ->
                entries.add(
                    new TimelineEntry(
                        e.receivedAt(),
                        "callback " + e.eventType(),
                        "gateway:" + e.gateway(),
                        e.outcome().name().toLowerCase(java.util.Locale.ROOT))));
    entries.sort(Comparator.comparing(TimelineEntry::at));
    timeline = entries;
  }

  /** Refunds the amount entered (all that remains when empty). */
  public void refund() {
    try {
      Refund r =
          refunds.refund(
              merchantId, paymentId, new NewRefund(refundAmount, null, refundReason), null, user());
      Messages.addGlobalInfo(
          r.status() == RefundStatus.REQUIRES_APPROVAL
              ? text("console.refund.awaitsApproval")
              : text("console.refund.done"),
          r.id(),
          r.status().apiName());
      refundAmount = null;
    } catch (BusinessException e) {
      Messages.addGlobalError(e.getMessage());
    } catch (jakarta.ejb.EJBException e) {
      Messages.addGlobalError(
          e.getCause() instanceof BusinessException b ? b.getMessage() : text("console.error"));
    }
    load();
  }

  public void approve(String refundId) {
    decide(refundId, true);
  }

  public void reject(String refundId) {
    decide(refundId, false);
  }

  private void decide(String refundId, boolean approved) {
    try {
      Refund r = refunds.decide(merchantId, refundId, approved, user());
      Messages.addGlobalInfo(text("console.refund.decided"), r.id(), r.status().apiName());
    } catch (BusinessException e) {
      Messages.addGlobalError(e.getMessage());
    }
    load();
  }

  /** Whether the current user may decide on this refund: another admin than the requester. */
  public boolean canDecide(Refund r) {
    return r.status() == RefundStatus.REQUIRES_APPROVAL
        && !r.requestedBy().map(u -> u.equalsIgnoreCase(user())).orElse(false);
  }

  public String money(Money m) {
    return MoneyFormat.format(m, Faces.getLocale());
  }

  private String user() {
    return securityContext.getCallerPrincipal().getName();
  }

  private static String text(String key) {
    return org.kassa.web.i18n.ConsoleText.get(key);
  }

  public Payment getPayment() {
    return payment;
  }

  public List<Refund> getRefunds() {
    return refundList;
  }

  public List<Dispute> getDisputes() {
    return disputeList;
  }

  public List<TimelineEntry> getTimeline() {
    return timeline;
  }

  public List<RefundReason> getReasons() {
    return List.of(RefundReason.values());
  }

  public Long getRefundAmount() {
    return refundAmount;
  }

  public void setRefundAmount(Long refundAmount) {
    this.refundAmount = refundAmount;
  }

  public RefundReason getRefundReason() {
    return refundReason;
  }

  public void setRefundReason(RefundReason refundReason) {
    this.refundReason = refundReason;
  }
}
