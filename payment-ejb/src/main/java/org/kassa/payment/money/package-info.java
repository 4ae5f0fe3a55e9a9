/**
 * Money: amounts in minor units of an ISO 4217 currency. The currency table is the official one
 * (copied from ISO), not the JDK's, so minor units follow the standard exactly.
 */
package org.kassa.payment.money;
