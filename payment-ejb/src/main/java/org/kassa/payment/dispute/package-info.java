/**
 * Disputes (chargebacks): they arrive by gateway callback, move {@code needs_response ->
 * under_review -> won / lost}, take the merchant's evidence, and hold or take back the disputed
 * payment's money.
 */
package org.kassa.payment.dispute;
