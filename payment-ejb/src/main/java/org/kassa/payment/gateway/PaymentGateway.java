package org.kassa.payment.gateway;

import java.util.Optional;

/**
 * A payment gateway: the service provider interface every gateway adapter implements. Adapters are
 * CDI beans; Kassa finds them through {@link Gateways}.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Kassa's payment id is the idempotency key of every call about a payment, and the refund id
 *       of every call about a refund. Sending the same call twice must answer the first outcome
 *       again and never charge or pay out twice.
 *   <li>A network failure, a timeout or a gateway-side 5xx is thrown as {@link
 *       GatewayUnavailableException}: the outcome is unknown and Kassa asks again later through
 *       {@link #retrieve}.
 *   <li>A request the gateway refuses as invalid (not a decline) is thrown as {@link
 *       GatewayRejectedException}.
 *   <li>Implementations never log or keep a card number or a CVC.
 * </ul>
 */
public interface PaymentGateway {

  /** A short, stable name stored on each payment and used in {@code /hooks/{name}}. */
  String name();

  /**
   * Whether this gateway has what it needs (credentials, base URL) to take payments. Routing skips
   * a gateway that is not configured.
   */
  boolean configured();

  /** What this gateway can do and what it costs. */
  GatewayCapabilities capabilities();

  /**
   * Authorizes a payment, and captures it at once when the request asks for it. The answer may also
   * be {@code REQUIRES_ACTION} (3-D Secure, a redirect) or {@code PROCESSING} (the outcome arrives
   * later by callback).
   */
  GatewayResult authorize(AuthorizationRequest request);

  /** Captures all or part of an authorization. */
  GatewayResult capture(CaptureRequest request);

  /** Voids an authorization that was not captured; the answer's outcome is {@code CANCELED}. */
  GatewayResult voidAuthorization(PaymentReference payment);

  /** Refunds part or all of a captured payment. */
  GatewayRefundResult refund(RefundRequest request);

  /**
   * The gateway's current view of a payment, asked by Kassa's payment id (and the gateway's own
   * reference when Kassa has it).
   *
   * @return empty when the gateway never received the payment, so it is safe to send it again
   */
  Optional<GatewayResult> retrieve(PaymentReference payment);

  /**
   * The issuing country of the card a payment is made with (ISO 3166 alpha-2), when the gateway
   * knows it without a network call: the compliance gate asks before any call is made. Gateways
   * without such knowledge keep the default, which does not know.
   */
  default Optional<String> cardCountry(PaymentMethod method) {
    return Optional.empty();
  }

  /**
   * Whether an on-session payment with this saved card needs the shopper to re-enter its security
   * code, as the gateway (or the issuer behind it) requires. Gateways that never ask keep the
   * default.
   */
  default boolean savedCardNeedsCvc(String token) {
    return false;
  }

  /**
   * Forgets a saved card at the gateway (the shopper removed it, or was erased): the token can no
   * longer be charged. Gateways that keep no cards for Kassa keep the default, which has nothing to
   * forget.
   */
  default void detachSavedMethod(String token) {}

  /**
   * Sends the merchant's evidence for a dispute. Gateways without disputes in their API keep the
   * default, which refuses.
   *
   * @return the dispute as the gateway now reports it (usually {@code under_review})
   */
  default DisputeNotice submitDisputeEvidence(DisputeEvidence evidence) {
    throw new GatewayRejectedException(
        "disputes_unsupported",
        "The gateway " + name() + " takes no dispute evidence via its API.");
  }

  /**
   * Verifies a callback (signature first, then its timestamp) and reads it.
   *
   * @throws InvalidCallbackException when the signature does not match, the timestamp is outside
   *     the tolerance or the body cannot be read; Kassa then changes nothing
   * @return the event; {@link GatewayEvent.Kind#IGNORED} for event types Kassa does not act on
   */
  GatewayEvent parseCallback(CallbackRequest callback);
}
