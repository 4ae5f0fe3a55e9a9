package org.kassa.payment.gateway;

import org.kassa.payment.card.CardDetails;
import org.kassa.payment.money.Money;

/**
 * What Kassa asks a gateway to authorize.
 *
 * @param paymentId Kassa's payment id, also the gateway's idempotency key
 * @param amount the amount in the payment's currency
 * @param card the card, in memory only
 * @param capture whether to capture at once (the default for hosted checkout)
 */
public record AuthorizationRequest(
    String paymentId, Money amount, CardDetails card, boolean capture) {}
