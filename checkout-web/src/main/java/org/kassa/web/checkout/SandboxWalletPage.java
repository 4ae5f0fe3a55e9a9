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
import java.util.Optional;
import java.util.ResourceBundle;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.gateway.sandbox.SandboxGateway;
import org.kassa.web.i18n.MoneyFormat;
import org.kassa.web.i18n.SupportedLocales;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * The sandbox's wallets, without a wallet: what PayPal's approval page is at {@code
 * /sandbox/wallet/{paymentId}} (approve or cancel, then back to the checkout page), and what a
 * wallet app does with a scanned QR code at {@code /sandbox/qr/{paymentId}} (pay, decline, or let
 * the code expire; the checkout page, polling, sees the outcome). The sandbox tells Kassa by its
 * signed callback, as for cards.
 */
@Named
@ViewScoped
public class SandboxWalletPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  @Param(pathIndex = 0)
  private String paymentId;

  /** The shopper's language, as the hosted page passes it on (as {@code ?lang=} there). */
  @Inject
  @Param(name = "lang")
  private String lang;

  @Inject private SandboxGateway sandbox;

  private Locale locale;
  private boolean open;
  private boolean qr;
  private String walletName;
  private String amount;

  /** What the page said after the shopper's answer on a QR code, as a message key; or null. */
  private String outcome;

  @PostConstruct
  void load() {
    List<Locale> browser =
        Collections.list(
            ((jakarta.servlet.http.HttpServletRequest) Faces.getRequest()).getLocales());
    locale = SupportedLocales.choose(lang, null, browser);
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    Optional<SandboxGateway.WalletRequest> request =
        paymentId == null ? Optional.empty() : sandbox.walletRequest(paymentId);
    open = request.isPresent();
    request.ifPresent(
        r -> {
          qr = r.method() == PaymentMethodType.ALIPAY || r.method() == PaymentMethodType.WECHAT_PAY;
          walletName = text("method.name." + r.method().apiName());
          amount = MoneyFormat.format(r.amount(), locale);
        });
  }

  public void applyLocale() {
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }

  /** Approves (the redirect wallet) or pays (the QR code). */
  public void approve() {
    answer(true);
  }

  /** Cancels (the redirect wallet) or declines (the QR code). */
  public void cancel() {
    answer(false);
  }

  /** Lets the QR code run out now: the sandbox's stand-in for waiting until its end. */
  public void expire() {
    if (open && qr) {
      sandbox.expireQr(paymentId);
      open = false;
      outcome = "sandbox.qr.expired";
    }
  }

  private void answer(boolean yes) {
    if (!open) {
      return;
    }
    if (qr) {
      sandbox.scanQr(paymentId, yes);
      open = false;
      outcome = yes ? "sandbox.qr.paid" : "sandbox.qr.declined";
      return;
    }
    sandbox.completeWallet(paymentId, yes);
    // Only back into Kassa: the return URL is the checkout page's path, never another site.
    String back =
        sandbox
            .returnUrl(paymentId)
            .filter(u -> u.startsWith("/") && !u.startsWith("//"))
            .orElse(null);
    open = false;
    if (back != null) {
      try {
        FacesContext.getCurrentInstance().getExternalContext().redirect(back);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private String text(String key) {
    return ResourceBundle.getBundle("org.kassa.web.i18n.messages", locale).getString(key);
  }

  public boolean isOpen() {
    return open;
  }

  public boolean isQr() {
    return qr;
  }

  public String getWalletName() {
    return walletName;
  }

  public String getAmount() {
    return amount;
  }

  /** What happened to the QR code, in the page's language; null before an answer. */
  public String getOutcome() {
    return outcome == null ? null : text(outcome);
  }

  public String getLanguageTag() {
    return locale.toLanguageTag();
  }

  /** The page's writing direction, as on the hosted page. */
  public String getDirection() {
    return SupportedLocales.isRightToLeft(locale) ? "rtl" : "ltr";
  }
}
