package org.kassa.payment.gateway;

import java.util.Objects;

/**
 * A gateway's answer about a payment: to an authorization, a capture, a void or a retrieval.
 *
 * @param outcome what happened
 * @param gatewayReference the gateway's own id for the payment, if it made one
 * @param declineReason why it was declined, when it was
 * @param actionUrl where to send the shopper, when the outcome is {@code REQUIRES_ACTION}
 * @param amountCaptured what has been captured so far, in minor units of the payment's currency;
 *     meaningful when the outcome is {@code CAPTURED}, 0 otherwise
 * @param savedMethodToken the token of the card the gateway saved for later payments, when Kassa
 *     asked it to save the card ({@link AuthorizationRequest#saveMethod()}); null otherwise
 */
public record GatewayResult(
    Outcome outcome,
    String gatewayReference,
    DeclineReason declineReason,
    String actionUrl,
    long amountCaptured,
    String savedMethodToken) {

  /** An answer that saves no card. */
  public GatewayResult(
      Outcome outcome,
      String gatewayReference,
      DeclineReason declineReason,
      String actionUrl,
      long amountCaptured) {
    this(outcome, gatewayReference, declineReason, actionUrl, amountCaptured, null);
  }

  /** The outcomes Kassa's payment state machine knows how to apply. */
  public enum Outcome {
    /** Accepted, outcome not known yet: a callback or a retrieval will tell. */
    PROCESSING,
    /** The shopper must do something first (3-D Secure, a wallet's page): see the action URL. */
    REQUIRES_ACTION,
    AUTHORIZED,
    CAPTURED,
    DECLINED,
    /** The authorization was voided, or expired at the gateway. */
    CANCELED
  }

  public GatewayResult {
    Objects.requireNonNull(outcome, "outcome");
    if (outcome == Outcome.REQUIRES_ACTION && actionUrl == null) {
      throw new IllegalArgumentException("requires_action needs an action URL");
    }
  }

  public static GatewayResult processing(String reference) {
    return new GatewayResult(Outcome.PROCESSING, reference, null, null, 0);
  }

  public static GatewayResult requiresAction(String reference, String actionUrl) {
    return new GatewayResult(Outcome.REQUIRES_ACTION, reference, null, actionUrl, 0);
  }

  public static GatewayResult authorized(String reference) {
    return new GatewayResult(Outcome.AUTHORIZED, reference, null, null, 0);
  }

  public static GatewayResult captured(String reference, long amountCaptured) {
    return new GatewayResult(Outcome.CAPTURED, reference, null, null, amountCaptured);
  }

  public static GatewayResult declined(String reference, DeclineReason reason) {
    return new GatewayResult(Outcome.DECLINED, reference, reason, null, 0);
  }

  public static GatewayResult canceled(String reference) {
    return new GatewayResult(Outcome.CANCELED, reference, null, null, 0);
  }

  /** The same answer, telling the token of the card the gateway saved. */
  public GatewayResult withSavedMethod(String token) {
    return new GatewayResult(
        outcome, gatewayReference, declineReason, actionUrl, amountCaptured, token);
  }

  /** Whether this answer is final: nothing further will happen to the payment at the gateway. */
  public boolean isFinal() {
    return outcome == Outcome.DECLINED || outcome == Outcome.CANCELED;
  }
}
