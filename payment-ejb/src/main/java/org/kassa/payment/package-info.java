/**
 * The payment engine. Sub-packages are rooms, one per domain concept; this package only holds the
 * root of business failures that every room raises.
 */
package org.kassa.payment;
