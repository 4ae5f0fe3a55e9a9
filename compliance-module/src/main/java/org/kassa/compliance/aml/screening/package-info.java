/**
 * Sanctions screening: names are normalized and transliterated ({@link
 * org.kassa.compliance.aml.screening.NameNormalizer}), the loaded lists are indexed by blocking
 * keys and identifiers ({@link org.kassa.compliance.aml.screening.ScreeningIndex}), and {@link
 * org.kassa.compliance.aml.screening.Screening} answers a query with hits that explain their score.
 * Plain Java over the list model of {@code org.kassa.compliance.aml}; the EJB service, REST API and
 * persistence that use it live elsewhere.
 */
package org.kassa.compliance.aml.screening;
