package org.kassa.payment.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A server-side payment as the merchant asks for it: charge a saved payment method off-session.
 *
 * @param amount in minor units of the currency
 * @param currency ISO 4217 code
 * @param paymentMethod a card saved for the customer on the hosted page, by its id ({@code
 *     spm_...}), or a gateway's own token, e.g. {@code pm_card_visa} in the sandbox
 * @param customerId the merchant's id of the customer the method was saved for (required with a
 *     saved card's id)
 * @param captureMethod automatic (the default) or manual
 * @param country the customer's country (ISO 3166 alpha-2), for routing; optional
 */
public record NewPayment(
    @NotNull @Positive Long amount,
    @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,
    @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_]+", message = "must be a token")
        String paymentMethod,
    @Size(max = 100) String customerId,
    CaptureMethod captureMethod,
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code such as DE")
        String country) {}
