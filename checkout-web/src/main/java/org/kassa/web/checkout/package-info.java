/**
 * The hosted checkout page at {@code /pay/{sessionId}}: shows the order, takes the shopper's
 * details and card, confirms through the payment engine and shows the result; and its help at
 * {@code /help/{sessionId}}, where a shopper reads answers and reports a problem. The backing beans
 * adapt the pages to the services and hold view state, nothing else.
 */
package org.kassa.web.checkout;
