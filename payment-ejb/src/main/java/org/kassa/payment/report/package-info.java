/**
 * Reports on a merchant's payments for the console's dashboard: success rate, captured volume per
 * currency and declines by reason, per day. Read only; the sums are made by the database (one
 * grouped query each) and never add up different currencies.
 */
package org.kassa.payment.report;
