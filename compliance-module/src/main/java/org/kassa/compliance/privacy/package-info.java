/**
 * Personal data handling: pseudonymous subject ids for logs and the audit trail. Data subject
 * export and erasure (the {@code PersonalDataHolder} interface other modules implement) come here
 * with the GDPR work.
 */
package org.kassa.compliance.privacy;
