package org.kassa.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;

/**
 * Form login for the consoles. The login page hands the typed credential over through {@code
 * SecurityContext.authenticate}; the identity store checks it and answers the caller's groups,
 * which are kept in the HTTP session and given to the container with the caller on every later
 * request. A protected page without a signed-in caller redirects to {@code /login}.
 *
 * <p>Why not {@code @CustomFormAuthenticationMechanismDefinition}: its session reuse hands the
 * container only the caller and lets it look the groups up again, which under load intermittently
 * comes back empty (payara/Payara#6145, open), so a signed-in merchant admin got 403. Naming the
 * groups each time leaves nothing to look up.
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

  /** Who signed in, as kept in their HTTP session. */
  record Caller(String name, Set<String> groups) implements Serializable {
    Caller {
      groups = Set.copyOf(groups);
    }
  }

  static final String SESSION_KEY = ConsoleAuthentication.class.getName() + ".caller";

  @Inject private IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (credential != null) {
      CredentialValidationResult result = identityStores.validate(credential);
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        // The login page says so itself: no 401, no redirect.
        return AuthenticationStatus.SEND_FAILURE;
      }
      // A new session id on signing in (session fixation), then the caller in it.
      request.getSession(true);
      request.changeSessionId();
      Caller caller = new Caller(result.getCallerPrincipal().getName(), result.getCallerGroups());
      request.getSession().setAttribute(SESSION_KEY, caller);
      return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_KEY) instanceof Caller caller) {
      return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }
    if (context.isProtected()) {
      return context.redirect(request.getContextPath() + "/login");
    }
    return context.doNothing();
  }
}
