/**
 * Transaction monitoring: rules evaluated by the compliance gate on every payment against the same
 * customer's recent payments. Pure logic, configured by {@link
 * org.kassa.compliance.aml.monitoring.MonitoringPolicy}.
 */
package org.kassa.compliance.aml.monitoring;
