package org.kassa.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** The console login form: hands the credentials to Jakarta Security. */
@Named
@RequestScoped
public class LoginPage {

  private static final Logger LOG = Logger.getLogger(LoginPage.class.getName());

  @Inject private SecurityContext securityContext;

  private String username;
  private String password;

  public void login() throws IOException {
    HttpServletRequest request = Faces.getRequest();
    HttpServletResponse response = Faces.getResponse();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, password)));
    password = null;
    switch (status) {
      case SEND_CONTINUE -> Faces.responseComplete();
      case SUCCESS -> {
        LOG.info("event=console.login outcome=success");
        Faces.redirect(landingPage());
      }
      default -> {
        LOG.info("event=console.login outcome=failure");
        Messages.addGlobalError(
            ResourceBundle.getBundle("org.kassa.web.i18n.console", Faces.getLocale())
                .getString("login.failed"));
      }
    }
  }

  private String landingPage() {
    if (securityContext.isCallerInRole(Roles.COMPLIANCE_OFFICER)) {
      return "compliance/audit";
    }
    return "console/dashboard";
  }

  public void logout() throws IOException, ServletException {
    Faces.getRequest().logout();
    Faces.invalidateSession();
    Faces.redirect("login");
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
