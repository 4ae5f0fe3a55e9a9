/**
 * Webhooks, both ways. Inbound: gateways' callbacks are verified ({@link
 * org.kassa.payment.webhook.TimestampedSignature}), stored once by the gateway's event id and
 * applied in the same transaction ({@link org.kassa.payment.webhook.GatewayCallbacks}). Outbound: a
 * transactional outbox of merchant events ({@link org.kassa.payment.webhook.MerchantEvents}, called
 * in the transaction of the change it reports), sent, signed and retried by every node without
 * sending an attempt twice ({@link org.kassa.payment.webhook.WebhookDelivery}), to endpoints that
 * merchants manage ({@link org.kassa.payment.webhook.MerchantWebhooks}) and inspect ({@link
 * org.kassa.payment.webhook.WebhookActivity}).
 *
 * <p>Configuration: {@code kassa.webhooks.timeout} (PT10S), {@code kassa.webhooks.batch-size} (50),
 * {@code kassa.webhooks.lease} (PT2M, at least three timeouts), {@code
 * kassa.webhooks.retry.first-delay} (PT30S), {@code kassa.webhooks.retry.max-delay} (PT6H), {@code
 * kassa.webhooks.retry.window} (P3D), {@code kassa.webhooks.rotation-overlap} (PT24H).
 *
 * <p>This package may call the payment, refund and gateway rooms and the compliance audit trail;
 * the payment state machine calls {@code MerchantEvents}, never the other way round.
 */
package org.kassa.payment.webhook;
