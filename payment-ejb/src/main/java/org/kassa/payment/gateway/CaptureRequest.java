package org.kassa.payment.gateway;

import org.kassa.payment.money.Money;

/**
 * Captures all or part of an authorization.
 *
 * @param payment the payment, by Kassa's id (the idempotency key) and the gateway's reference
 * @param amount how much to capture, at most what was authorized
 */
public record CaptureRequest(PaymentReference payment, Money amount) {}
