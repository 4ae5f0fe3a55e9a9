/**
 * The consoles: the merchant's dashboard, payments search, payment timeline, refunds and webhooks
 * ({@code /console}, role merchant-admin) and the audit trail with its chain verification and the
 * compliance work ({@code /compliance}, role compliance-officer). Beans adapt pages to services;
 * big tables load lazily a page at a time; what a user types is read here (amounts in a currency's
 * units, a search's filters) and handed to the services as values they check again.
 */
package org.kassa.web.console;
