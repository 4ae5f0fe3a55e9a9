/**
 * Saved payment methods: a card a returning shopper saved, with consent, for one merchant's
 * customer. Kassa keeps only the gateway's token and what the page shows (brand, last four,
 * expiry), never the number or the security code. Saving happens when a payment succeeds ({@code
 * payment} calls in), removing withdraws the consent (the compliance module's ledger) and makes the
 * gateway forget the token.
 */
package org.kassa.payment.saved;
