package org.kassa.web.checkout;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.kassa.payment.gateway.sandbox.SandboxBank;
import org.kassa.payment.gateway.sandbox.SandboxGateway;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;
import org.kassa.payment.webhook.GatewayCallbacks;
import org.kassa.web.i18n.SupportedLocales;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The sandbox bank at {@code /sandbox/bank}: reports money arriving on the receiving account, as
 * the payer's transfer would (amount, currency, the reference as typed, optionally the account it
 * came from). Not in production mode, where the sandbox is off.
 */
@Named
@ViewScoped
public class SandboxBankPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  @Param(name = "lang")
  private String lang;

  @Inject
  @Param(name = "reference")
  private String reference;

  @Inject private SandboxBank bank;
  @Inject private SandboxGateway sandbox;

  private Locale locale;
  private String amount;
  private String currency = "EUR";
  private String payerIban;
  private String outcome;

  @PostConstruct
  void load() {
    List<Locale> browser =
        Collections.list(
            ((jakarta.servlet.http.HttpServletRequest) Faces.getRequest()).getLocales());
    locale = SupportedLocales.choose(lang, null, browser);
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }

  public void applyLocale() {
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }

  /** Reports the credit and says what Kassa made of it. */
  public void report() {
    outcome = null;
    Money money;
    try {
      CurrencyCode code = CurrencyCode.of(currency.strip().toUpperCase(Locale.ROOT));
      money =
          new Money(
              new BigDecimal(amount.strip().replace(',', '.'))
                  .movePointRight(code.minorUnits())
                  .longValueExact(),
              code);
    } catch (RuntimeException e) {
      Messages.addGlobalError(text("bank.amount.invalid"));
      return;
    }
    if (!money.isPositive()) {
      Messages.addGlobalError(text("bank.amount.invalid"));
      return;
    }
    GatewayCallbacks.Receipt receipt =
        bank.reportCredit(money, reference, payerIban == null ? null : payerIban.strip());
    outcome = receipt.name().toLowerCase(Locale.ROOT);
  }

  /** Whether the sandbox runs here (not in production mode). */
  public boolean isOpen() {
    return sandbox.configured();
  }

  private String text(String key) {
    return java.util.ResourceBundle.getBundle("org.kassa.web.i18n.messages", locale).getString(key);
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String reference) {
    this.reference = reference;
  }

  public String getPayerIban() {
    return payerIban;
  }

  public void setPayerIban(String payerIban) {
    this.payerIban = payerIban;
  }

  /** What Kassa did with the last credit reported: applied, no_change or duplicate. */
  public String getOutcome() {
    return outcome;
  }

  public String getLanguageTag() {
    return locale.toLanguageTag();
  }

  public String getDirection() {
    return SupportedLocales.isRightToLeft(locale) ? "rtl" : "ltr";
  }
}
