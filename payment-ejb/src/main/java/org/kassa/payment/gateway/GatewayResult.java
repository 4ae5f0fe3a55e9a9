package org.kassa.payment.gateway;

/**
 * A gateway's answer to an authorization.
 *
 * @param outcome what happened
 * @param gatewayReference the gateway's own id for the charge, if it made one
 * @param declineReason why it was declined, when it was
 */
public record GatewayResult(Outcome outcome, String gatewayReference, DeclineReason declineReason) {

  /** The outcomes Kassa's payment state machine knows how to apply. */
  public enum Outcome {
    AUTHORIZED,
    CAPTURED,
    DECLINED
  }

  public static GatewayResult captured(String reference) {
    return new GatewayResult(Outcome.CAPTURED, reference, null);
  }

  public static GatewayResult authorized(String reference) {
    return new GatewayResult(Outcome.AUTHORIZED, reference, null);
  }

  public static GatewayResult declined(String reference, DeclineReason reason) {
    return new GatewayResult(Outcome.DECLINED, reference, reason);
  }
}
