package org.kassa.payment.refund;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * A merchant's refund request, after the API has read it.
 *
 * @param amount in the payment's minor units; null refunds all that remains
 * @param currency optional; if given it must be the payment's currency
 * @param reason optional
 */
public record NewRefund(
    @Positive Long amount,
    @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code in upper case")
        String currency,
    RefundReason reason) {}
