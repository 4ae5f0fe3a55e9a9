/**
 * Bank transfers (SEPA credit transfers): the account a shopper pays into, the structured creditor
 * reference (ISO 11649) that names the payment, the credits the bank reports and how they are
 * matched to payments (exact, short, over, unknown), and the timer that ends transfers past their
 * due date. It calls the payment room only through {@code PaymentAttempts} and {@code
 * PaymentStateMachine}, so every status change is audited and announced as for any payment.
 */
package org.kassa.payment.banktransfer;
