/**
 * The sandbox gateway: an in-process gateway whose answers follow the published test cards
 * (Stripe's test numbers), so that every outcome can be produced on purpose without a network.
 */
package org.kassa.payment.gateway.sandbox;
