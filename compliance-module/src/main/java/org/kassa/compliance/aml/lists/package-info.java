/**
 * The official sanctions list formats, one {@link org.kassa.compliance.aml.ListFormat} each: OFAC
 * SDN and consolidated non-SDN CSV, OFAC SDN XML, the UN consolidated XML, the EU Financial
 * Sanctions File XML 1.1 and the UK OFSI ConList CSV. Each turns the publisher's bytes into {@link
 * org.kassa.compliance.aml.ListedEntry} records and refuses a file it cannot read whole. It knows
 * nothing of screening, storage or downloads; it may call only {@code org.kassa.compliance.aml} and
 * {@code org.kassa.compliance.text}.
 *
 * <p>Across formats: names and aliases are kept as written (whitespace collapsed); aliases the
 * publisher marks weak or low quality are left out, as OFAC's own CSV leaves its weak a.k.a.s out
 * of ALT.CSV; dates of birth are {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}, with {@code
 * circa } before an approximate one and {@code " to "} between the ends of a range, or as written
 * when a list writes something else; countries are nationalities, citizenships, address countries
 * and vessel flags as the list names them (not places of birth).
 */
package org.kassa.compliance.aml.lists;
