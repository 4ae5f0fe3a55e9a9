package org.kassa.payment.support;

import java.time.Instant;

/**
 * A ticket as its merchant sees it, its message and contact opened.
 *
 * @param message what the shopper wrote, or null once erased
 * @param contactEmail where to answer, or null when none was given or it was erased
 */
public record TicketView(
    String id,
    String sessionId,
    String paymentId,
    TicketCategory category,
    TicketStatus status,
    String message,
    String contactEmail,
    String locale,
    Instant createdAt,
    Instant updatedAt) {}
