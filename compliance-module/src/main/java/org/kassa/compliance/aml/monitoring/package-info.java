/**
 * Transaction monitoring: rules evaluated by the compliance gate on every payment against the
 * recent payments of the same customer, card or IP address (pseudonymous keys only). The rules are
 * pure logic configured by {@link org.kassa.compliance.aml.monitoring.MonitoringPolicy}; {@link
 * org.kassa.compliance.aml.monitoring.MonitoringSettings} reads it from configuration.
 */
package org.kassa.compliance.aml.monitoring;
