/**
 * The payment module's personal data: who paid (sealed per subject), access exports, erasure and
 * retention, for the compliance module's data subject rights.
 */
package org.kassa.payment.privacy;
