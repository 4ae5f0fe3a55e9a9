package org.kassa.payment.webhook;

import java.util.List;

/**
 * A merchant's request for a webhook endpoint, after the API or the console has read it. {@link
 * MerchantWebhooks#create} checks every field and names each one that is wrong.
 *
 * @param url where to post events: https, or http to localhost in demo mode
 * @param enabledEvents event types such as {@code payment.captured}, families such as {@code
 *     payment.*}, or {@code ["*"]} for all
 * @param description an optional note for the merchant, at most 200 characters
 */
public record NewWebhookEndpoint(String url, List<String> enabledEvents, String description) {}
