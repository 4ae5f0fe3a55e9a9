package org.kassa.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The console users in the application database, checked by {@link ConsoleAuthentication} (the
 * consoles' form login).
 */
@ApplicationScoped
@DeclareRoles({Roles.MERCHANT_ADMIN, Roles.COMPLIANCE_OFFICER})
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "java:app/jdbc/kassa",
    callerQuery = "SELECT password_hash FROM console_user WHERE username = ?",
    groupsQuery = "SELECT role FROM console_user_role WHERE username = ?",
    hashAlgorithm = Pbkdf2PasswordHash.class)
public class SecurityConfig {}
