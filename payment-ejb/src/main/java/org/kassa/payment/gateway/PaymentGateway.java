package org.kassa.payment.gateway;

/**
 * A payment gateway: the service provider interface every gateway adapter implements.
 *
 * <p>Contract: {@code paymentId} is the idempotency key. Authorizing the same payment id twice must
 * answer the first outcome again and never charge twice. Implementations must not log or keep the
 * card number or CVC.
 */
public interface PaymentGateway {

  /** A short, stable name stored on each payment, e.g. {@code sandbox}. */
  String name();

  /**
   * Authorizes a card payment, and captures it at once when the request asks for it.
   *
   * @return the gateway's answer; a network failure is thrown as {@link
   *     GatewayUnavailableException}
   */
  GatewayResult authorize(AuthorizationRequest request);

  /**
   * Refunds part or all of a captured payment. The refund id is the idempotency key: asking again
   * for the same refund answers the first result and never pays out twice.
   *
   * @return the gateway's answer; a network failure is thrown as {@link
   *     GatewayUnavailableException}
   */
  GatewayRefundResult refund(RefundRequest request);
}
