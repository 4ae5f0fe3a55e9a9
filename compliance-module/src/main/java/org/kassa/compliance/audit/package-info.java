/**
 * The audit trail: an append-only log of what happened (who, what, on which object, with which
 * outcome), chained by SHA-256 hashes so that a changed, deleted, reordered or missing event is
 * detected. Other modules append through {@link org.kassa.compliance.audit.AuditTrail}; nothing
 * here knows what a payment is. Personal data enters only as a pseudonymous subject reference.
 */
package org.kassa.compliance.audit;
