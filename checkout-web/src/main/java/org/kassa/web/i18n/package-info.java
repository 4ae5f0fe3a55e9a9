/**
 * Languages and formats of the pages: which locale a shopper gets ({@code ?lang=}, the session's
 * locale, {@code Accept-Language}), the resource bundles, and amounts formatted for the locale with
 * the currency's ISO 4217 minor units.
 */
package org.kassa.web.i18n;
