package org.kassa.web.checkout;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutSessions;
import org.kassa.payment.payment.PaymentConfirmation;
import org.kassa.payment.saved.SavedPaymentMethod;
import org.kassa.payment.saved.SavedPaymentMethods;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Messages;

/**
 * The hosted page's saved cards, for a session whose merchant named the customer: the customer's
 * cards first, each paid with in one step (its security code again when the gateway asks), "use
 * another card", and removing a card after a confirmation. The payment's outcome is the page's
 * ({@link PayPage#payWith}).
 */
@Named("savedCards")
@ViewScoped
public class SavedCardsPanel implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One saved card as the page shows it. */
  public record Card(String id, String brand, String last4, String expiry, boolean cvcRequired)
      implements Serializable {}

  @Inject
  @Param(pathIndex = 0)
  private String sessionId;

  @Inject private CheckoutSessions sessions;
  @Inject private SavedPaymentMethods savedMethods;
  @Inject private PaymentConfirmation confirmation;
  @Inject private PayPage page;

  private String merchantId;
  private String customerRef;
  private List<Card> cards = List.of();
  private boolean useAnother;
  private String confirming;
  private final Map<String, String> cvc = new HashMap<>();
  private final Map<String, String> cvcErrors = new HashMap<>();

  @PostConstruct
  void load() {
    CheckoutSession session = sessionId == null ? null : sessions.find(sessionId).orElse(null);
    if (session == null || session.customerRef().isEmpty()) {
      return;
    }
    merchantId = session.merchantId();
    customerRef = session.customerRef().get();
    reload();
  }

  private void reload() {
    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    cards =
        savedMethods.listForSubject(merchantId, customerRef).stream()
            .filter(m -> !m.expiredBy(now)) // an expired card cannot pay: not offered
            .map(this::view)
            .toList();
  }

  private Card view(SavedPaymentMethod method) {
    var card = method.card();
    return new Card(
        method.id(),
        card.brand().displayName(),
        card.lastFour(),
        String.format("%02d/%02d", card.expMonth(), card.expYear() % 100),
        savedMethods.needsCvc(method));
  }

  /**
   * Pays with a saved card in one step.
   *
   * @param id the saved card's id, as the page showed it
   */
  public void pay(String id) {
    cvcErrors.clear();
    Card card = cards.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    if (card == null) {
      return;
    }
    String code = cvc.getOrDefault(id, "");
    code = code == null ? "" : code.trim();
    if (card.cvcRequired() && !code.matches("[0-9]{3,4}")) {
      cvcErrors.put(id, text("saved.cvc.required"));
      cvc.clear();
      return;
    }
    String typed = card.cvcRequired() ? code : null;
    cvc.clear(); // never kept in the view state beyond the request
    try {
      savedMethods.get(merchantId, customerRef, id);
    } catch (NotFoundException e) {
      reload(); // removed meanwhile (another tab, the merchant)
      return;
    }
    page.payWith(
        returnUrl ->
            confirmation.confirmSaved(
                sessionId,
                id,
                typed,
                page.getEmail(),
                PayPage.clientIp(),
                returnUrl,
                page.consentChoices()));
  }

  /** Shows the form for another card instead. */
  public void useAnotherCard() {
    useAnother = true;
    confirming = null;
  }

  /** Asks the shopper to confirm removing a card. */
  public void askRemoval(String id) {
    confirming = id;
    cvcErrors.clear();
  }

  public void cancelRemoval() {
    confirming = null;
  }

  /**
   * Removes the card the shopper confirmed: Kassa and the gateway forget it, and with the last card
   * the consent to saving cards is withdrawn.
   */
  public void remove() {
    if (confirming == null) {
      return;
    }
    try {
      savedMethods.remove(merchantId, customerRef, confirming, "shopper", "hosted_page");
      Messages.addGlobalInfo(text("saved.removed"));
    } catch (NotFoundException e) {
      // removed already: the list below says so
    }
    confirming = null;
    reload();
  }

  private String text(String key) {
    return ResourceBundle.getBundle("org.kassa.web.i18n.messages", page.getLocale()).getString(key);
  }

  /** Whether the page offers the saved cards first (else the form for a card). */
  public boolean isShown() {
    return !cards.isEmpty() && !useAnother;
  }

  /** Whether the merchant named the customer, so that a card can be saved for them. */
  public boolean isCustomerKnown() {
    return customerRef != null;
  }

  public List<Card> getCards() {
    return cards;
  }

  /** The id of the card whose removal waits for the shopper's confirmation, or null. */
  public String getConfirming() {
    return confirming;
  }

  /** The security codes typed, by card id; cleared on every payment attempt. */
  public Map<String, String> getCvc() {
    return cvc;
  }

  /** Per card, what is wrong with the security code typed. */
  public Map<String, String> getCvcErrors() {
    return cvcErrors;
  }
}
