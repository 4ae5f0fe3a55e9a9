package org.kassa.web.checkout;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.kassa.payment.gateway.sandbox.SandboxGateway;
import org.kassa.web.i18n.SupportedLocales;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * The sandbox's 3-D Secure challenge at {@code /sandbox/challenge/{paymentId}}: what a card
 * issuer's page does, without an issuer. The shopper passes or fails; the sandbox tells Kassa by
 * callback, and the shopper goes back to the checkout page, which asks the gateway where the
 * payment stands.
 */
@Named
@ViewScoped
public class SandboxChallengePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  @Param(pathIndex = 0)
  private String paymentId;

  /** The shopper's language, as the hosted page passes it on (as {@code ?lang=} there). */
  @Inject
  @Param(name = "lang")
  private String lang;

  @Inject private SandboxGateway sandbox;

  private boolean open;
  private Locale locale;

  @PostConstruct
  void load() {
    List<Locale> browser =
        Collections.list(
            ((jakarta.servlet.http.HttpServletRequest) Faces.getRequest()).getLocales());
    locale = SupportedLocales.choose(lang, null, browser);
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    open = paymentId != null && sandbox.awaitsChallenge(paymentId);
  }

  public void applyLocale() {
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }

  public void pass() {
    answer(true);
  }

  public void fail() {
    answer(false);
  }

  private void answer(boolean passed) {
    sandbox.completeChallenge(paymentId, passed);
    // Only back into Kassa: the return URL is the checkout page's path, never another site.
    String back =
        sandbox
            .returnUrl(paymentId)
            .filter(u -> u.startsWith("/") && !u.startsWith("//"))
            .orElse(null);
    if (back == null) {
      open = false;
      return;
    }
    try {
      FacesContext.getCurrentInstance().getExternalContext().redirect(back);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isOpen() {
    return open;
  }

  public String getLanguageTag() {
    return locale.toLanguageTag();
  }

  /** The page's writing direction, as on the hosted page. */
  public String getDirection() {
    return SupportedLocales.isRightToLeft(locale) ? "rtl" : "ltr";
  }
}
