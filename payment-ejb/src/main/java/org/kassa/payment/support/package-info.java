/**
 * Support tickets: a problem a shopper reports from the hosted page's help, for the merchant of the
 * checkout session it is about. The message and the optional contact email are personal data,
 * sealed under the session's subject (or the payer's, or the ticket's own when neither is known)
 * and covered by the payment module's export and erasure. A ticket moves {@code OPEN → ANSWERED →
 * CLOSED} (or straight to closed); a session takes a few tickets at most ({@code
 * kassa.support.max-tickets-per-session}, 5), so the form cannot be used to flood a merchant.
 *
 * <p>This package may read checkout sessions and payments and use the compliance vault,
 * pseudonymizer and audit trail.
 */
package org.kassa.payment.support;
