/**
 * The Stripe gateway: Kassa's {@link org.kassa.payment.gateway.PaymentGateway} spoken as Stripe's
 * own HTTP API (PaymentIntents, Refunds, signed webhooks), with {@code java.net.http} and no Stripe
 * SDK. It may call the gateway SPI, {@code money}, {@code card} and the signature scheme in {@code
 * webhook}; nothing else in Kassa calls into it except through the SPI.
 */
package org.kassa.payment.gateway.stripe;
