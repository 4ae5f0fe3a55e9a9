package org.kassa.payment.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.kassa.compliance.consent.ConsentChoice;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.gateway.AuthorizationRequest;
import org.kassa.payment.gateway.GatewayResult;
import org.kassa.payment.gateway.GatewayUnavailableException;
import org.kassa.payment.gateway.Gateways;
import org.kassa.payment.gateway.PaymentGateway;
import org.kassa.payment.gateway.PaymentMethod;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.gateway.PaymentReference;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;
import org.kassa.payment.saved.SavedPaymentMethod;
import org.kassa.payment.saved.SavedPaymentMethods;

/**
 * Takes payments, in the three steps of the payment flow: store a processing payment (transaction
 * one), call the gateway with the payment id as idempotency key (no transaction), apply the answer
 * (transaction two). A crash or a timeout between the steps leaves a processing payment, which a
 * callback or the reconciler settles.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentConfirmation {

  private static final Logger LOG = Logger.getLogger(PaymentConfirmation.class.getName());

  @Inject private PaymentAttempts attempts;
  @Inject private Gateways gateways;
  @Inject private MetricRegistry metrics;
  @Inject private Payments payments;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private QrCodes qrCodes;
  @Inject private org.kassa.payment.checkout.CheckoutSessions sessions;
  @Inject private SavedPaymentMethods savedMethods;

  /**
   * Pays a checkout session with a card typed on the hosted page, without the shopper's IP address
   * (callers that have none).
   *
   * @see #confirm(String, CardDetails, Payer, String, String)
   */
  public PaymentResult confirm(
      @NotBlank String sessionId,
      @NotNull CardDetails card,
      @NotNull @Valid Payer payer,
      @NotBlank String returnUrl) {
    return confirm(sessionId, card, payer, null, returnUrl);
  }

  /**
   * Pays a checkout session with a card typed on the hosted page.
   *
   * @param payer who pays: the name on the card and the email for the receipt
   * @param clientIp the shopper's IP address as the page saw it, or null; the compliance gate gets
   *     a keyed pseudonym of it, and of the card number, for its velocity rules
   * @param returnUrl where 3-D Secure sends the shopper back to
   * @return the payment and its status: captured, requires action (with the URL to send the shopper
   *     to), failed (with the decline reason) or, when the gateway did not answer, processing
   * @throws SessionNotPayableException if the session is paid, expired or being paid
   * @throws org.kassa.payment.money.fx.QuoteExpiredException if the shopper chose to pay in their
   *     currency at a quote now past its lock: nothing is stored; quote again and ask them
   */
  public PaymentResult confirm(
      @NotBlank String sessionId,
      @NotNull CardDetails card,
      @NotNull @Valid Payer payer,
      String clientIp,
      @NotBlank String returnUrl) {
    return confirm(sessionId, card, payer, clientIp, returnUrl, List.of());
  }

  /**
   * As above, recording the shopper's consents (the terms shown, the boxes ticked) in the payment's
   * first transaction, under the payer's pseudonymous id.
   *
   * @param consents the exact wordings the shopper accepted
   */
  public PaymentResult confirm(
      @NotBlank String sessionId,
      @NotNull CardDetails card,
      @NotNull @Valid Payer payer,
      String clientIp,
      @NotBlank String returnUrl,
      @NotNull List<@Valid ConsentChoice> consents) {
    PaymentMethod.Card method = new PaymentMethod.Card(card);
    Payment payment =
        attempts.beginCheckout(
            sessionId,
            new PaymentAttempts.Instrument(
                PaymentMethodType.CARD,
                card.summary(),
                null,
                pseudonymizer.pseudonym("card", card.number()),
                gateways.cardCountry(method).orElse(null)),
            payer,
            clientIp,
            consents);
    // The gateway saves the card only when the shopper ticked the box and the merchant named the
    // customer to save it for; Kassa keeps it once the payment succeeded.
    boolean save =
        consents.stream().anyMatch(c -> SavedPaymentMethods.CONSENT_PURPOSE.equals(c.purpose()))
            && sessions.find(sessionId).flatMap(s -> s.customerRef()).isPresent();
    return send(payment, method, returnUrl, save);
  }

  /**
   * Pays a checkout session in one step with a card the session's customer saved before: only the
   * security code is typed again, when the card's gateway requires it.
   *
   * @param savedMethodId the saved card's id ({@code spm_...})
   * @param cvc the re-entered security code, or null where the gateway does not ask for it; held in
   *     memory for the gateway call only
   * @param email the receipt address the page shows, or null
   * @throws org.kassa.payment.NotFoundException if the session's customer has no such saved card
   *     with the session's merchant
   * @throws SessionNotPayableException if the session is paid, expired or being paid
   */
  public PaymentResult confirmSaved(
      @NotBlank String sessionId,
      @NotBlank String savedMethodId,
      String cvc,
      String email,
      String clientIp,
      @NotBlank String returnUrl,
      @NotNull List<@Valid ConsentChoice> consents) {
    org.kassa.payment.checkout.CheckoutSession session =
        sessions
            .find(sessionId)
            .orElseThrow(() -> new NotFoundException("checkout session", sessionId));
    String customer =
        session
            .customerRef()
            .orElseThrow(() -> new NotFoundException("payment method", savedMethodId));
    SavedPaymentMethod saved = savedMethods.get(session.merchantId(), customer, savedMethodId);
    String token = saved.token().orElseThrow();
    PaymentMethod.Saved method = new PaymentMethod.Saved(token, PaymentMethodType.CARD, cvc);
    String holder = savedMethods.holderName(saved).orElse(saved.card().brand().displayName());
    Payment payment =
        attempts.beginCheckout(
            sessionId,
            PaymentAttempts.Instrument.saved(
                saved.card(),
                token,
                gateways.cardCountry(method).orElse(null),
                saved.gateway(),
                saved.id()),
            new Payer(holder, email),
            clientIp,
            consents);
    return send(payment, method, returnUrl, false);
  }

  /**
   * Pays a checkout session with a wallet: one the shopper is sent to and approves in (PayPal), or
   * one whose QR code the shopper scans (Alipay, WeChat Pay). The gateway answers {@code
   * requires_action} with where the shopper approves (the wallet's page, or what the QR code
   * encodes); the shopper's approval reaches Kassa by the gateway's callback, or when the page asks
   * again ({@link #refresh}).
   *
   * @param type the wallet, one the session offers
   * @param payer who pays: their name (screened by the compliance gate) and email
   * @param returnUrl where the wallet sends the shopper back to
   * @throws SessionNotPayableException if the session is paid, expired or being paid
   * @throws org.kassa.payment.InvalidRequestException if the session does not offer the method
   */
  public PaymentResult confirmWallet(
      @NotBlank String sessionId,
      @NotNull PaymentMethodType type,
      @NotNull @Valid Payer payer,
      String clientIp,
      @NotBlank String returnUrl,
      @NotNull List<@Valid ConsentChoice> consents) {
    if (type == PaymentMethodType.CARD) {
      throw new IllegalArgumentException("a card is paid with its details, not as a wallet");
    }
    Payment payment =
        attempts.beginCheckout(
            sessionId, new PaymentAttempts.Instrument(type, null, null), payer, clientIp, consents);
    // A QR code ends when Kassa says (kassa.qr.expiry); a redirect wallet keeps its own limit.
    return send(
        payment,
        new PaymentMethod.Wallet(type, QrCodes.isQr(type) ? qrCodes.expiresAt(payment) : null),
        returnUrl);
  }

  /**
   * Charges a saved payment method off-session (a server-side payment).
   *
   * @param idempotencyKey the call's claimed key, or null; the payment is bound to it
   * @return the payment and its status
   */
  public PaymentResult charge(
      @NotBlank String merchantId, @NotNull @Valid NewPayment request, String idempotencyKey) {
    Money amount = new Money(request.amount(), CurrencyCode.of(request.currency()));
    CaptureMethod capture =
        request.captureMethod() == null ? CaptureMethod.AUTOMATIC : request.captureMethod();
    // A card Kassa saved for the customer is named by its id (spm_...): paid with its token, at the
    // gateway holding it; anything else is a gateway's own token (the sandbox's pm_card_visa).
    Optional<SavedPaymentMethod> kept = savedForCustomer(merchantId, request);
    PaymentMethod.Saved saved =
        new PaymentMethod.Saved(
            kept.flatMap(SavedPaymentMethod::token).orElse(request.paymentMethod()),
            PaymentMethodType.CARD);
    Payment payment =
        attempts.beginServerSide(
            merchantId,
            amount,
            // A saved method's card details stay at the gateway; Kassa keeps only its token (and,
            // for the cards it saved, brand, last four and expiry). It has no card number to
            // fingerprint, but the gateway may know the card's country.
            new PaymentAttempts.Instrument(
                PaymentMethodType.CARD,
                kept.map(SavedPaymentMethod::card).orElse(null),
                saved.token(),
                null,
                gateways.cardCountry(saved).orElse(null),
                kept.map(SavedPaymentMethod::gateway).orElse(null),
                kept.map(SavedPaymentMethod::id).orElse(null)),
            request.customerId(),
            capture,
            request.country(),
            idempotencyKey);
    return send(payment, saved, null);
  }

  /**
   * The saved card a server-side payment names by its Kassa id, which only the customer it was
   * saved for may be charged with.
   *
   * @throws InvalidRequestException if it names a saved card without a customer
   * @throws NotFoundException if the merchant's customer has no such card, or it was removed
   */
  private Optional<SavedPaymentMethod> savedForCustomer(String merchantId, NewPayment request) {
    if (!request.paymentMethod().startsWith(SavedPaymentMethod.ID_PREFIX)) {
      // A card Kassa saved is charged by its id only, so that its customer is always checked.
      if (savedMethods.holdsToken(request.paymentMethod())) {
        throw new InvalidRequestException(
            "saved_payment_method_by_id",
            "A card saved for a customer is charged by its id (spm_...) with that customer.",
            Map.of("payment_method", "name the saved card by its id (spm_...)"));
      }
      return Optional.empty();
    }
    if (request.customerId() == null || request.customerId().isBlank()) {
      throw new InvalidRequestException(
          "customer_required",
          "A saved payment method is charged for the customer it was saved for.",
          Map.of("customer", "is required with a saved payment method (spm_...)"));
    }
    return Optional.of(
        savedMethods.get(
            merchantId,
            savedMethods.customerSubject(request.customerId()),
            request.paymentMethod()));
  }

  /**
   * Sends a processing payment to its gateway again, after the gateway said it never received it.
   * Only a saved payment method can be sent again: a typed card is not kept.
   */
  public PaymentResult resend(Payment payment) {
    String token =
        payment
            .methodToken()
            .orElseThrow(() -> new IllegalArgumentException(payment.id() + " has no saved method"));
    return send(payment, new PaymentMethod.Saved(token, payment.method()), null);
  }

  /**
   * Asks the gateway where an open payment stands and applies the answer: when the shopper comes
   * back from 3-D Secure or a wallet, and for the reconciler.
   *
   * @return the payment's status after the answer; unchanged when the payment was not open, the
   *     gateway did not answer, or does not know it
   */
  public PaymentResult refresh(@NotBlank String paymentId) {
    Payment payment =
        payments.find(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
    if (!payment.status().isPending() && payment.status() != PaymentStatus.AUTHORIZED) {
      return PaymentResult.of(payment);
    }
    Optional<GatewayResult> answer;
    try {
      answer =
          gateways
              .named(payment.gateway())
              .retrieve(
                  new PaymentReference(payment.id(), payment.gatewayReference().orElse(null)));
    } catch (GatewayUnavailableException e) {
      LOG.warning(() -> "event=gateway.unavailable op=retrieve payment=" + paymentId);
      return PaymentResult.of(payment);
    }
    return answer
        .map(a -> attempts.complete(paymentId, a))
        .orElseGet(() -> PaymentResult.of(payment));
  }

  private PaymentResult send(Payment payment, PaymentMethod method, String returnUrl) {
    return send(payment, method, returnUrl, false);
  }

  private PaymentResult send(
      Payment payment, PaymentMethod method, String returnUrl, boolean saveMethod) {
    if (payment.status() != PaymentStatus.PROCESSING) {
      countOutcome(payment.status());
      return PaymentResult.of(payment); // blocked by the compliance gate: no gateway call
    }
    PaymentGateway gateway = gateways.named(payment.gateway());
    GatewayResult answer;
    long started = System.nanoTime();
    try {
      answer =
          gateway.authorize(
              new AuthorizationRequest(
                  payment.id(),
                  payment.charged(),
                  method,
                  payment.captureMethod() == CaptureMethod.AUTOMATIC,
                  returnUrl,
                  saveMethod));
    } catch (GatewayUnavailableException e) {
      // Unknown outcome: the payment stays processing until a callback or the reconciler.
      LOG.warning(
          () -> "event=gateway.unavailable payment=" + payment.id() + " gateway=" + gateway.name());
      countOutcome(PaymentStatus.PROCESSING);
      return PaymentResult.of(payment);
    } finally {
      metrics
          .timer("kassa_gateway_call", new Tag("gateway", gateway.name()))
          .update(Duration.ofNanos(System.nanoTime() - started));
    }
    PaymentResult result = attempts.complete(payment.id(), answer);
    countOutcome(result.status());
    return result;
  }

  private void countOutcome(PaymentStatus status) {
    metrics.counter("kassa_payments_total", new Tag("outcome", status.apiName())).inc();
  }
}
