package org.kassa.payment.gateway;

/**
 * A payment as both sides know it.
 *
 * @param paymentId Kassa's payment id, the idempotency key
 * @param gatewayReference the gateway's own id, or null when the gateway never answered
 */
public record PaymentReference(String paymentId, String gatewayReference) {}
