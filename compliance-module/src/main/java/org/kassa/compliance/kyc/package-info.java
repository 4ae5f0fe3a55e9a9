/**
 * Customer verification (KYC): the tiers NONE &lt; BASIC &lt; FULL, the rule that says which tier a
 * payment needs ({@link org.kassa.compliance.kyc.KycRequirement}, pure), the checks of what a
 * customer submits ({@link org.kassa.compliance.kyc.KycChecks}, pure, with an error code per
 * field), and each subject's {@link org.kassa.compliance.kyc.KycProfile} with the identity sealed
 * by the {@link org.kassa.compliance.privacy.PersonalDataVault}. The gate asks {@link
 * org.kassa.compliance.kyc.KycService} whether a payer's verified tier is enough; a full identity
 * is screened against the sanctions lists ({@code aml}) and a hit waits for an officer.
 */
package org.kassa.compliance.kyc;
