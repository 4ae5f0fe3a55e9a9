/**
 * The gateway SPI ({@link org.kassa.payment.gateway.PaymentGateway}) and one sub-package per
 * gateway. A gateway call always carries Kassa's payment id as the gateway's idempotency key, so
 * that asking twice never charges twice.
 */
package org.kassa.payment.gateway;
