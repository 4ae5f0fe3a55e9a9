/**
 * Refunds: full or partial, several per payment, in the payment's currency only. The payment's row
 * lock orders concurrent refunds, and the payment refuses any that would take the refunds past what
 * was captured. Like a payment, a refund is reserved in one transaction, sent to the gateway with
 * its id as idempotency key, and settled in another.
 */
package org.kassa.payment.refund;
