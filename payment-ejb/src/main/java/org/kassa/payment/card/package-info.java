/**
 * Card data as the shopper enters it: number checks (Luhn, length, brand), expiry and CVC rules. A
 * full card number and a CVC live only in memory, for the gateway call; what is kept is a {@link
 * org.kassa.payment.card.CardSummary} (brand, last four, expiry).
 */
package org.kassa.payment.card;
