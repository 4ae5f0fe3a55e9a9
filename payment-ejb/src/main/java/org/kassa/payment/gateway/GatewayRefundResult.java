package org.kassa.payment.gateway;

/**
 * A gateway's answer to a refund.
 *
 * @param succeeded whether the money is on its way back
 * @param gatewayReference the gateway's own id of the refund
 * @param failureCode why it failed, when it did
 */
public record GatewayRefundResult(boolean succeeded, String gatewayReference, String failureCode) {

  public static GatewayRefundResult succeeded(String reference) {
    return new GatewayRefundResult(true, reference, null);
  }

  public static GatewayRefundResult failed(String reference, String failureCode) {
    return new GatewayRefundResult(false, reference, failureCode);
  }
}
