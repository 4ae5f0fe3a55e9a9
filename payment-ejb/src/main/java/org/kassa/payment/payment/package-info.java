/**
 * Payments and their state machine. Every state change goes through {@link
 * org.kassa.payment.payment.PaymentStateMachine#transition}, which refuses an illegal one and
 * writes exactly one audit event. Confirming a session runs in three steps so that no database
 * transaction is held open across the gateway call.
 */
package org.kassa.payment.payment;
