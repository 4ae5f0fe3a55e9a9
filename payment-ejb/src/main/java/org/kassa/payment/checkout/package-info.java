/**
 * Checkout sessions: what a merchant asks a shopper to pay (line items, total, currency, locale,
 * where to go afterwards) and until when. A session is paid at most once.
 */
package org.kassa.payment.checkout;
