package org.kassa.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/** Form login for the consoles, against the console users in the application database. */
@ApplicationScoped
@DeclareRoles({Roles.MERCHANT_ADMIN, Roles.COMPLIANCE_OFFICER})
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "java:app/jdbc/kassa",
    callerQuery = "SELECT password_hash FROM console_user WHERE username = ?",
    groupsQuery = "SELECT role FROM console_user_role WHERE username = ?",
    hashAlgorithm = Pbkdf2PasswordHash.class)
public class SecurityConfig {}
