/**
 * The governed false-positive whitelist: an officer marks a screening hit (a subject and a listed
 * entry) as a false positive, with a reason and an expiry. A whitelisting holds only for the entry
 * as it was listed when it was made ({@link org.kassa.compliance.aml.whitelist.EntryFingerprint}):
 * it is void once the entry changes, expires or is revoked. May call the screening index and the
 * audit trail; knows nothing of payments.
 */
package org.kassa.compliance.aml.whitelist;
