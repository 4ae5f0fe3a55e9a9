package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.kassa.compliance.audit.AuditQuery;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.payment.BusinessException;
import org.kassa.payment.dispute.Dispute;
import org.kassa.payment.dispute.Disputes;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.Payments;
import org.kassa.payment.payment.RefundNotAllowedException;
import org.kassa.payment.refund.NewRefund;
import org.kassa.payment.refund.Refund;
import org.kassa.payment.refund.RefundReason;
import org.kassa.payment.refund.RefundStatus;
import org.kassa.payment.refund.Refunds;
import org.kassa.payment.webhook.GatewayCallbacks;
import org.kassa.payment.webhook.WebhookActivity;
import org.kassa.web.i18n.ConsoleLocale;
import org.kassa.web.i18n.ConsoleText;
import org.kassa.web.i18n.MoneyFormat;
import org.kassa.web.i18n.TimeFormat;
import org.kassa.web.security.ConsoleUsers;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Messages;

/**
 * One payment in the merchant console: what it is, its timeline (every state change, every gateway
 * callback, every webhook event and each attempt to deliver it), its refunds and disputes; refund
 * it (an amount in the currency's units), and approve or reject refunds that need a second merchant
 * admin (four-eyes: never the one who asked).
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
  @Inject private WebhookActivity webhooks;
  @Inject private ConsoleUsers users;
  @Inject private SecurityContext securityContext;
  @Inject private ConsoleLocale consoleLocale;

  private String merchantId;
  private Payment payment;
  private List<Refund> refundList;
  private List<Dispute> disputeList;
  private List<TimelineEntry> timeline;

  private String refundAmount;
  private RefundReason refundReason;
  private String refundError;

  /** What a timeline entry records: a state change (audit), a gateway callback, or a webhook. */
  public enum Kind {
    AUDIT,
    CALLBACK,
    WEBHOOK_EVENT,
    WEBHOOK_ATTEMPT
  }

  /** One line of the payment's history. */
  public record TimelineEntry(Instant at, Kind kind, String what, String who, String detail)
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
            e ->
                entries.add(
                    new TimelineEntry(
                        e.occurredAt(), Kind.AUDIT, e.action(), e.actor(), e.detail())));
    List<String> objects = new ArrayList<>(List.of(paymentId));
    for (Refund r : refundList) {
      objects.add(r.id());
      audit
          .find(AuditQuery.forObject(r.id()), 0, 50)
          .forEach(
              e ->
                  entries.add(
                      new TimelineEntry(
                          e.occurredAt(), Kind.AUDIT, e.action(), e.actor(), r.id())));
    }
    callbacks
        .eventsOf(paymentId)
        .forEach(
            e ->
                entries.add(
                    new TimelineEntry(
                        e.receivedAt(),
                        Kind.CALLBACK,
                        "callback " + e.eventType(),
                        "gateway:" + e.gateway(),
                        e.outcome().name().toLowerCase(Locale.ROOT))));
    for (String object : objects) {
      for (WebhookActivity.EventView event : webhooks.eventsAbout(merchantId, object)) {
        entries.add(
            new TimelineEntry(
                event.createdAt(), Kind.WEBHOOK_EVENT, event.type(), "kassa", event.id()));
        for (WebhookActivity.DeliveryView delivery : event.deliveries()) {
          for (WebhookActivity.AttemptView attempt : delivery.attempts()) {
            entries.add(
                new TimelineEntry(
                    attempt.attemptedAt(),
                    Kind.WEBHOOK_ATTEMPT,
                    event.type() + " #" + attempt.number() + " " + attempt.outcome(),
                    delivery.url(),
                    attempt.statusCode() != null
                        ? "HTTP " + attempt.statusCode() + " · " + attempt.durationMillis() + " ms"
                        : String.valueOf(attempt.error())));
          }
          if (delivery.nextAttemptAt() != null) {
            entries.add(
                new TimelineEntry(
                    delivery.nextAttemptAt(),
                    Kind.WEBHOOK_ATTEMPT,
                    event.type() + " " + delivery.status(),
                    delivery.url(),
                    delivery.id()));
          }
        }
      }
    }
    // Equal instants keep the order they were found in: the audit's own order first.
    entries.sort(Comparator.comparing(TimelineEntry::at));
    timeline = entries;
  }

  /** Refunds the amount entered, in the payment's currency units (all that remains when empty). */
  public void refund() {
    refundError = null;
    Long minor = null;
    if (refundAmount != null && !refundAmount.isBlank()) {
      try {
        Money amount = AmountText.parse(refundAmount, payment.amount().currency(), locale());
        if (!amount.isPositive()) {
          refundError = text("console.refund.notPositive");
          return;
        }
        minor = amount.minorUnits();
      } catch (AmountText.Invalid e) {
        refundError = new MessageFormat(text(e.key()), locale()).format(e.arguments());
        return;
      }
    }
    try {
      Refund r =
          refunds.refund(
              merchantId, paymentId, new NewRefund(minor, null, refundReason), null, user());
      Messages.addGlobalInfo(
          r.status() == RefundStatus.REQUIRES_APPROVAL
              ? text("console.refund.awaitsApproval")
              : text("console.refund.done"),
          r.id(),
          r.status().apiName());
      refundAmount = null;
    } catch (RefundNotAllowedException e) {
      load();
      refundError =
          payment.refundable().isPositive()
              ? new MessageFormat(text("console.refund.tooMuch"), locale())
                  .format(new Object[] {money(payment.refundable())})
              : text("console.refund.nothingLeft");
      return;
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

  /** Whether this refund waits for another admin than the current user, who asked for it. */
  public boolean waitsForAnother(Refund r) {
    return r.status() == RefundStatus.REQUIRES_APPROVAL && !canDecide(r);
  }

  public String money(Money m) {
    return MoneyFormat.format(m, locale());
  }

  /** A moment in the console's language, in UTC. */
  public String time(Instant at) {
    return TimeFormat.dateTime(at, locale());
  }

  /** The name of a kind of timeline entry in the console's language. */
  public String kindName(Kind kind) {
    return text(
        switch (kind) {
          case AUDIT -> "console.timeline.audit";
          case CALLBACK -> "console.timeline.callback";
          case WEBHOOK_EVENT -> "console.timeline.webhookEvent";
          case WEBHOOK_ATTEMPT -> "console.timeline.webhookAttempt";
        });
  }

  /** The example amount shown in the refund field, in the payment's currency. */
  public String getAmountExample() {
    return payment == null
        ? ""
        : AmountText.example(
            payment.amount().currency(),
            java.text.DecimalFormatSymbols.getInstance(locale()).getDecimalSeparator());
  }

  private Locale locale() {
    return consoleLocale.getLocale();
  }

  private String user() {
    return securityContext.getCallerPrincipal().getName();
  }

  private static String text(String key) {
    return ConsoleText.get(key);
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

  public String getRefundAmount() {
    return refundAmount;
  }

  public void setRefundAmount(String refundAmount) {
    this.refundAmount = refundAmount;
  }

  public RefundReason getRefundReason() {
    return refundReason;
  }

  public void setRefundReason(RefundReason refundReason) {
    this.refundReason = refundReason;
  }

  /** Why the amount entered cannot be refunded, or null. */
  public String getRefundError() {
    return refundError;
  }
}
