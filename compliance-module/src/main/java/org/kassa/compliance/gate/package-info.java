/**
 * The compliance gate: the one facade payments call. {@link
 * org.kassa.compliance.gate.ComplianceGate#assess} answers ALLOW, REVIEW or BLOCK with its reasons,
 * stored and audited; a REVIEW opens a case an officer clears or confirms, and the payment module
 * acts on that through {@link org.kassa.compliance.gate.ReviewedPayments}, an interface it
 * implements, so this module never depends on payment classes.
 */
package org.kassa.compliance.gate;
