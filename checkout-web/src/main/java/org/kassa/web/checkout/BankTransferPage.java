package org.kassa.web.checkout;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.kassa.payment.banktransfer.BankTransfer;
import org.kassa.payment.banktransfer.BankTransfers;
import org.kassa.payment.banktransfer.ReceivingAccount;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutSessions;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.Payments;
import org.kassa.web.i18n.MoneyFormat;
import org.kassa.web.i18n.SupportedLocales;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

/**
 * What to transfer, at {@code /transfer/{paymentId}}: the account, the exact amount, the reference
 * and the due date while the payment waits; what arrived and what is missing after a short credit;
 * the result once paid or expired. The shopper may bookmark it and come back.
 */
@Named
@ViewScoped
public class BankTransferPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  @Param(pathIndex = 0)
  private String paymentId;

  @Inject
  @Param(name = "lang")
  private String lang;

  @Inject private BankTransfers transfers;
  @Inject private Payments payments;
  @Inject private CheckoutSessions sessions;

  /** The transfer as shown, formatted for the page's language. */
  public record View(
      String state,
      String holder,
      String iban,
      String ibanGrouped,
      String bic,
      String amount,
      String amountPlain,
      String reference,
      String referenceGrouped,
      String dueDate,
      String received,
      String remaining,
      String excess,
      boolean partlyReceived,
      boolean hasExcess,
      String successUrl,
      String payAgainUrl)
      implements Serializable {}

  private Locale locale;
  private View view;

  @PostConstruct
  void load() {
    List<Locale> browser =
        Collections.list(
            ((jakarta.servlet.http.HttpServletRequest) Faces.getRequest()).getLocales());
    Payment payment = paymentId == null ? null : payments.find(paymentId).orElse(null);
    BankTransfer transfer = payment == null ? null : transfers.find(paymentId).orElse(null);
    CheckoutSession session =
        payment == null || payment.sessionId() == null
            ? null
            : sessions.find(payment.sessionId()).orElse(null);
    locale =
        SupportedLocales.choose(
            lang, session == null ? null : session.locale().orElse(null), browser);
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    if (transfer != null && session != null) {
      view = view(transfer, session);
    }
  }

  private View view(BankTransfer transfer, CheckoutSession session) {
    ReceivingAccount account = transfer.account();
    Money due = transfer.amountDue();
    String successUrl = PayPage.withSessionId(session.successUrl(), session.id());
    return new View(
        transfer.state().name(),
        account.holder(),
        account.iban(),
        account.groupedIban(),
        account.bic(),
        MoneyFormat.format(due, locale),
        // For the copy button: the amount as banking apps take it, e.g. 49.99.
        due.toDecimal().toPlainString(),
        transfer.reference().value(),
        transfer.reference().grouped(),
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(locale)
            .withDecimalStyle(java.time.format.DecimalStyle.of(locale))
            .format(transfer.dueAt().atZone(ZoneOffset.UTC)),
        MoneyFormat.format(transfer.amountReceived(), locale),
        MoneyFormat.format(transfer.shortfall(), locale),
        MoneyFormat.format(transfer.amountExcess(), locale),
        transfer.amountReceived().isPositive(),
        transfer.amountExcess().isPositive(),
        successUrl,
        Faces.getRequestContextPath() + "/pay/" + session.id() + "?lang=" + getLanguageTag());
  }

  /** Puts the shopper's locale on the view on every render. */
  public void applyLocale() {
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }

  /** The transfer, or null when there is none with this id. */
  public View getView() {
    return view;
  }

  public String getLanguageTag() {
    return locale.toLanguageTag();
  }

  public String getDirection() {
    return SupportedLocales.isRightToLeft(locale) ? "rtl" : "ltr";
  }
}
