/**
 * Receipt emails to payers. A captured payment with a payer email gets one row in an outbox ({@link
 * org.kassa.payment.receipt.ReceiptEmails#queue}, called by the payment state machine in the
 * capture's transaction); every node claims due rows with {@code FOR UPDATE SKIP LOCKED} under a
 * lease, as webhook delivery does, and the web module renders and sends them (Jakarta Mail). The
 * outbox holds no address: the payer's sealed email is opened only when a row is claimed for
 * sending, so erasing the payer cancels what was not sent yet.
 *
 * <p>Configuration ({@link org.kassa.payment.receipt.MailSettings}): {@code kassa.mail.host} (none:
 * receipts are off), {@code kassa.mail.port} (25), {@code kassa.mail.from}, {@code
 * kassa.mail.username}, {@code kassa.mail.password}, {@code kassa.mail.starttls} (false), {@code
 * kassa.mail.ssl} (false), {@code kassa.mail.timeout} (PT10S), {@code kassa.mail.batch-size} (20),
 * {@code kassa.mail.lease} (PT2M), {@code kassa.mail.retry.first-delay} (PT1M), {@code
 * kassa.mail.retry.max-delay} (PT1H), {@code kassa.mail.retry.window} (P2D).
 *
 * <p>This package may read payments, checkout sessions, merchants and the compliance vault; the
 * payment state machine calls it, never the other way round.
 */
package org.kassa.payment.receipt;
