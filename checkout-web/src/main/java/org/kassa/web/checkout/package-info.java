/**
 * The hosted checkout page at {@code /pay/{sessionId}}: shows the order, takes the shopper's
 * details and card, confirms through the payment engine and shows the result. The backing bean
 * adapts the page to the services and holds view state, nothing else.
 */
package org.kassa.web.checkout;
