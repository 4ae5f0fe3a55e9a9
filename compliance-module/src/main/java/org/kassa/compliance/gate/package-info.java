/**
 * The compliance gate: the one facade payments call. {@link
 * org.kassa.compliance.gate.ComplianceGate#assess} answers ALLOW, REVIEW, KYC_REQUIRED (the payer
 * must first verify their identity to the tier the payment needs, see {@code kyc}) or BLOCK with
 * its reasons, stored and audited. Every rule hit is an {@link org.kassa.compliance.gate.Alert}; a
 * REVIEW puts the payment in its customer's one open {@link
 * org.kassa.compliance.gate.ComplianceCase}, which an officer clears or confirms for all its
 * payments. The payment module acts on that through {@link
 * org.kassa.compliance.gate.ReviewedPayments}, an interface it implements, so this module never
 * depends on payment classes. {@link org.kassa.compliance.gate.HighRiskCountries} is the one place
 * that knows the high-risk jurisdictions.
 *
 * <p>The gate keeps the customers it screened ({@link org.kassa.compliance.gate.ScreenedSubjects},
 * names sealed) and {@link org.kassa.compliance.gate.Rescreening} screens them again after each
 * list refresh: a new hit joins or opens the customer's case and holds their open authorizations.
 *
 * <p>Before a case is decided officers work on it through {@link
 * org.kassa.compliance.gate.CaseWork}: assign, comment ({@link
 * org.kassa.compliance.gate.CaseComment}), escalate; and read its screening hits explained ({@link
 * org.kassa.compliance.gate.ScreeningHitDetail}) from what the gate stored.
 */
package org.kassa.compliance.gate;
