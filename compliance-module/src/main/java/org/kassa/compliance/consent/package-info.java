/**
 * The consent ledger: purposes, their versioned wording per locale, and every grant and withdrawal
 * with the exact wording, time and channel, by pseudonymous subject id.
 */
package org.kassa.compliance.consent;
