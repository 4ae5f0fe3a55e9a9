package org.kassa.payment.gateway;

import java.time.Instant;
import org.kassa.payment.money.Money;

/**
 * A dispute (chargeback) as a gateway reports it.
 *
 * @param gatewayDisputeId the gateway's id of the dispute
 * @param status the gateway's status in Kassa's words: {@code needs_response}, {@code
 *     under_review}, {@code won} or {@code lost}
 * @param amount the disputed amount, in the payment's currency
 * @param reason the card network's reason as the gateway names it, e.g. {@code fraudulent}
 * @param evidenceDueBy the deadline for the merchant's evidence, or null once it is past or moot
 */
public record DisputeNotice(
    String gatewayDisputeId, String status, Money amount, String reason, Instant evidenceDueBy) {}
