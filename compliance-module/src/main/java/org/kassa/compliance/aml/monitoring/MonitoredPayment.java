package org.kassa.compliance.aml.monitoring;

import java.time.Instant;

/**
 * A payment as monitoring sees it: an amount, when, and nothing that names anyone.
 *
 * @param amountMinor in minor units of {@code currency}
 * @param currency ISO 4217
 * @param at when it was assessed
 */
public record MonitoredPayment(long amountMinor, String currency, Instant at) {}
