/**
 * The merchant REST API under {@code /api/v1}: API-key authentication, request reading with
 * per-field errors, and one family of exception mappers that answers every error as RFC 9457 {@code
 * application/problem+json}. Resources only adapt HTTP to the payment services.
 */
package org.kassa.web.api;
