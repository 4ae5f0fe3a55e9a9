/**
 * The compliance gate: the one facade payments call. {@link
 * org.kassa.compliance.gate.ComplianceGate#assess} answers ALLOW, REVIEW or BLOCK with its reasons,
 * stored and audited; a REVIEW opens a case an officer clears or confirms, and the payment module
 * acts on that through {@link org.kassa.compliance.gate.ReviewedPayments}, an interface it
 * implements, so this module never depends on payment classes.
 *
 * <p>The gate keeps the customers it screened ({@link org.kassa.compliance.gate.ScreenedSubjects},
 * names sealed) and {@link org.kassa.compliance.gate.Rescreening} screens them again after each
 * list refresh: a new hit opens a case for the customer and holds their open authorizations.
 */
package org.kassa.compliance.gate;
