/**
 * Anti-money-laundering: sanctions lists in their official formats ({@link
 * org.kassa.compliance.aml.ListFormat}), the screening index and matcher, and (later) transaction
 * monitoring rules, alerts and cases.
 */
package org.kassa.compliance.aml;
