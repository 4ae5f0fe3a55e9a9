package org.kassa.payment.gateway;

import org.kassa.payment.money.Money;

/**
 * What Kassa asks a gateway to refund.
 *
 * @param refundId Kassa's refund id, also the gateway's idempotency key
 * @param paymentId the payment refunded
 * @param gatewayReference the gateway's own id of the charge
 * @param amount how much, in the currency the payment was charged in (its presentment currency when
 *     it was presented in the shopper's)
 */
public record RefundRequest(
    String refundId, String paymentId, String gatewayReference, Money amount) {}
