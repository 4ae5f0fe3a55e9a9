/**
 * The consoles: the merchant's payments ({@code /console}, role merchant-admin) and the audit trail
 * with its chain verification ({@code /compliance}, role compliance-officer). Beans adapt pages to
 * services; big tables load lazily a page at a time.
 */
package org.kassa.web.console;
