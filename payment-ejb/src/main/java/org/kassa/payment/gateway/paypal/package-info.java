/**
 * The PayPal gateway: PayPal wallets through PayPal's REST APIs (OAuth2, Orders v2, Payments v2,
 * webhook verification), spoken with the JDK's HTTP client and Jakarta JSON. It may call the
 * gateway SPI and the money types; nothing else in Kassa calls into it except through {@link
 * org.kassa.payment.gateway.PaymentGateway}.
 */
package org.kassa.payment.gateway.paypal;
