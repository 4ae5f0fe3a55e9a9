package org.kassa.web.checkout;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutSessions;
import org.kassa.payment.support.NewTicket;
import org.kassa.payment.support.SupportTickets;
import org.kassa.payment.support.TicketCategory;
import org.kassa.payment.support.TicketLimitException;
import org.kassa.web.i18n.SupportedLocales;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The payment help at {@code /help/{sessionId}}: answers to common questions, in the language the
 * hosted page spoke ({@code ?lang=}), and a form that reports a problem to the session's merchant.
 */
@Named
@ViewScoped
public class HelpPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The categories offered, in this order, with their labels' keys. */
  private static final Map<TicketCategory, String> CATEGORY_LABELS = new LinkedHashMap<>();

  static {
    CATEGORY_LABELS.put(TicketCategory.PAYMENT_FAILED, "report.category.paymentFailed");
    CATEGORY_LABELS.put(TicketCategory.CHARGED_TWICE, "report.category.chargedTwice");
    CATEGORY_LABELS.put(TicketCategory.WRONG_AMOUNT, "report.category.wrongAmount");
    CATEGORY_LABELS.put(TicketCategory.REFUND, "report.category.refund");
    CATEGORY_LABELS.put(TicketCategory.SECURITY, "report.category.security");
    CATEGORY_LABELS.put(TicketCategory.OTHER, "report.category.other");
  }

  /** A category as the select shows it. */
  public record Category(String value, String label) implements Serializable {}

  @Inject
  @Param(pathIndex = 0)
  private String sessionId;

  @Inject
  @Param(name = "lang")
  private String lang;

  @Inject private CheckoutSessions sessions;
  @Inject private SupportTickets tickets;

  private Locale locale;
  private boolean sessionKnown;
  private List<Category> categories;
  private String sentTicket;

  @NotNull private String category;

  @NotBlank
  @Size(max = NewTicket.MAX_MESSAGE)
  private String message;

  @Email
  @Size(max = 254)
  private String contactEmail;

  @PostConstruct
  void load() {
    List<Locale> browser =
        Collections.list(
            ((jakarta.servlet.http.HttpServletRequest) Faces.getRequest()).getLocales());
    Optional<CheckoutSession> session =
        sessionId == null ? Optional.empty() : sessions.find(sessionId);
    String sessionLocale = session.flatMap(CheckoutSession::locale).orElse(null);
    sessionKnown = session.isPresent();
    locale = SupportedLocales.choose(lang, sessionLocale, browser);
    applyLocale();
    ResourceBundle bundle = bundle();
    categories =
        CATEGORY_LABELS.entrySet().stream()
            .map(e -> new Category(e.getKey().apiName(), bundle.getString(e.getValue())))
            .toList();
  }

  /** Puts the shopper's locale on the view, on the first render and after every postback. */
  public void applyLocale() {
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }

  /** Sends the report to the merchant; the form is emptied and a confirmation shown. */
  public void report() {
    sentTicket = null; // the confirmation is of this report only
    try {
      sentTicket =
          tickets.report(
              sessionId,
              new NewTicket(
                  TicketCategory.fromApiName(category).orElse(TicketCategory.OTHER),
                  message,
                  contactEmail),
              locale);
      category = null;
      message = null;
      contactEmail = null;
    } catch (TicketLimitException e) {
      Messages.addGlobalError(bundle().getString("report.error.limit"));
    } catch (NotFoundException e) {
      sessionKnown = false;
    }
  }

  private ResourceBundle bundle() {
    return ResourceBundle.getBundle("org.kassa.web.i18n.messages", locale);
  }

  /** The hosted page, in the same language. */
  public String getPaymentUrl() {
    return Faces.getRequestContextPath() + "/pay/" + sessionId + "?lang=" + getLanguageTag();
  }

  public boolean isSessionKnown() {
    return sessionKnown;
  }

  public String getSessionId() {
    return sessionId;
  }

  public String getSentTicket() {
    return sentTicket;
  }

  public List<Category> getCategories() {
    return categories;
  }

  public List<Locale> getLocales() {
    return SupportedLocales.ALL;
  }

  public String languageName(Locale l) {
    return SupportedLocales.nativeName(l);
  }

  public Locale getLocale() {
    return locale;
  }

  public String getLanguageTag() {
    return locale.toLanguageTag();
  }

  public String getDirection() {
    return SupportedLocales.isRightToLeft(locale) ? "rtl" : "ltr";
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }
}
