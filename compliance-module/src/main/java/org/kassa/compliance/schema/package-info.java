/**
 * The application's one datasource ({@code java:app/jdbc/kassa}) and the compliance module's schema
 * migrations. It lives in the lowest module because every module needs the datasource; each module
 * still owns its own Flyway history and runs it through {@link
 * org.kassa.compliance.schema.SchemaMigration}.
 */
package org.kassa.compliance.schema;
