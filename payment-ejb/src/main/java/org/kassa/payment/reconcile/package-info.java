/**
 * Settles what a crash, a timeout or a lost callback left open: payments still processing or
 * waiting for the shopper, authorizations past their capture deadline, refunds the gateway never
 * answered. Work is claimed with {@code FOR UPDATE SKIP LOCKED}, so any number of nodes can run it.
 */
package org.kassa.payment.reconcile;
