package org.kassa.payment.webhook;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.dispute.Disputes;
import org.kassa.payment.gateway.CallbackRequest;
import org.kassa.payment.gateway.GatewayEvent;
import org.kassa.payment.gateway.Gateways;
import org.kassa.payment.gateway.InvalidCallbackException;
import org.kassa.payment.gateway.PaymentGateway;
import org.kassa.payment.payment.PaymentAttempts;
import org.kassa.payment.payment.PaymentResult;
import org.kassa.payment.payment.Payments;
import org.kassa.payment.refund.RefundSteps;

/**
 * Receives gateways' callbacks: verify first (a bad signature or an old timestamp changes nothing),
 * store the raw event once by the gateway's event id, apply it in the same transaction. Applying is
 * idempotent and order-tolerant, because a payment only moves forward: a duplicate is found stored,
 * and a late {@code processing} after {@code captured} changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GatewayCallbacks {

  private static final Logger LOG = Logger.getLogger(GatewayCallbacks.class.getName());

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private Gateways gateways;
  @Inject private GatewayCallbacks self;
  @Inject private PaymentAttempts attempts;
  @Inject private RefundSteps refundSteps;
  @Inject private Payments payments;
  @Inject private Disputes disputes;
  @Inject private org.kassa.payment.banktransfer.BankTransfers bankTransfers;

  /** What became of a callback. */
  public enum Receipt {
    APPLIED,
    NO_CHANGE,
    DUPLICATE
  }

  /**
   * Receives one callback.
   *
   * @throws NotFoundException if no gateway of that name is deployed
   * @throws InvalidCallbackException if it does not verify; nothing was stored or changed
   */
  public Receipt receive(String gatewayName, CallbackRequest callback) {
    PaymentGateway gateway =
        gateways.find(gatewayName).orElseThrow(() -> new NotFoundException("gateway", gatewayName));
    GatewayEvent event = gateway.parseCallback(callback);
    try {
      Receipt receipt = self.record(gatewayName, event, callback);
      LOG.info(
          () ->
              "event=callback."
                  + receipt.name().toLowerCase(java.util.Locale.ROOT)
                  + " gateway="
                  + gatewayName
                  + " id="
                  + event.eventId()
                  + " type="
                  + event.type()
                  + " payment="
                  + event.paymentId());
      return receipt;
    } catch (EJBException | PersistenceException e) {
      // The same event delivered twice at once: the other delivery stored it first.
      if (em.find(
              GatewayEventRecord.class, new GatewayEventRecord.Key(gatewayName, event.eventId()))
          != null) {
        return Receipt.DUPLICATE;
      }
      throw e;
    }
  }

  /** Stores and applies one verified event, in one transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Receipt record(String gatewayName, GatewayEvent event, CallbackRequest callback) {
    if (em.find(GatewayEventRecord.class, new GatewayEventRecord.Key(gatewayName, event.eventId()))
        != null) {
      return Receipt.DUPLICATE;
    }
    boolean changed = apply(gatewayName, event);
    String body = new String(callback.body(), StandardCharsets.UTF_8);
    em.persist(
        new GatewayEventRecord(
            gatewayName,
            event,
            // A bank credit names the payer's account: it is kept sealed with the credit, not here.
            event.kind() == GatewayEvent.Kind.BANK_CREDIT ? withoutPayerIban(body) : body,
            changed ? GatewayEventRecord.Outcome.APPLIED : GatewayEventRecord.Outcome.NO_CHANGE,
            callback.receivedAt()));
    em.flush();
    return changed ? Receipt.APPLIED : Receipt.NO_CHANGE;
  }

  /** The callbacks about a payment, oldest first: for its timeline in the console. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public java.util.List<GatewayEventRecord> eventsOf(String paymentId) {
    return em.createQuery(
            "SELECT e FROM GatewayEventRecord e WHERE e.paymentId = :p ORDER BY e.receivedAt",
            GatewayEventRecord.class)
        .setParameter("p", paymentId)
        .getResultList();
  }

  private boolean apply(String gatewayName, GatewayEvent event) {
    String actor = "gateway:" + gatewayName;
    return switch (event.kind()) {
      case PAYMENT -> {
        if (!belongsTo(gatewayName, event.paymentId())) {
          yield false;
        }
        var before = payments.find(event.paymentId()).orElseThrow().status();
        PaymentResult after = attempts.settle(event.paymentId(), event.payment(), actor);
        yield after.status() != before;
      }
      case REFUND -> {
        // Some gateways name only the refund; its payment is then Kassa's to find.
        String paymentId =
            event.paymentId() != null
                ? event.paymentId()
                : refundSteps.paymentOf(event.refundId()).orElse(null);
        if (!belongsTo(gatewayName, paymentId)) {
          yield false;
        }
        var before = refundSteps.status(event.refundId());
        yield before.isPresent()
            && refundSteps.settle(event.refundId(), event.refund()).status() != before.get();
      }
      case DISPUTE -> disputes.apply(gatewayName, event.paymentId(), event.dispute());
      case BANK_CREDIT -> bankTransfers.applyCredit(gatewayName, event.credit());
      case IGNORED -> false;
    };
  }

  /** The body with the payer's IBAN removed, at any depth; text that is not JSON is dropped. */
  static String withoutPayerIban(String body) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
      return strip(reader.readValue()).toString();
    } catch (RuntimeException notJson) {
      return "{}";
    }
  }

  private static jakarta.json.JsonValue strip(jakarta.json.JsonValue value) {
    if (value instanceof jakarta.json.JsonObject object) {
      var out = jakarta.json.Json.createObjectBuilder();
      object.forEach(
          (k, v) -> {
            if (!k.equals(org.kassa.payment.gateway.BankCreditNotice.PAYER_IBAN_FIELD)) {
              out.add(k, strip(v));
            }
          });
      return out.build();
    }
    return value;
  }

  /** A gateway may only speak about its own payments. */
  private boolean belongsTo(String gatewayName, String paymentId) {
    return payments.find(paymentId).map(p -> p.gateway().equals(gatewayName)).orElse(false);
  }
}
