/**
 * Email to shoppers: the receipt of a captured payment, rendered in the shopper's language (plain
 * text and HTML, {@code multipart/alternative}) and sent over SMTP with Jakarta Mail by a timer on
 * every node. The outbox, its claims and the mail settings belong to the payment module's {@code
 * receipt} room; this package only renders and sends.
 */
package org.kassa.web.mail;
