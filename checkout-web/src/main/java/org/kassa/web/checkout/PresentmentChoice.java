package org.kassa.web.checkout;

import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.kassa.payment.checkout.SessionPresentment;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;
import org.kassa.payment.money.fx.FxQuote;
import org.kassa.payment.money.fx.QuoteExpiredException;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.Payments;
import org.kassa.payment.payment.Presentment;
import org.kassa.web.i18n.MoneyFormat;
import org.kassa.web.i18n.ShopperCurrency;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Messages;

/**
 * The hosted page's offer to pay in the shopper's own currency (the currency of the page's
 * language's country, {@link ShopperCurrency}), when it is not the session's and the reference
 * rates cover both: a locked quote, taken when the page offers it, and the shopper's choice between
 * it and the session's currency. The choice is recorded on the session just before a payment
 * begins; a quote past its lock is never applied: the page quotes again, shows the new amount and
 * asks the shopper to pay again.
 */
@Named("presentment")
@ViewScoped
public class PresentmentChoice implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The radio's values. */
  public static final String SESSION = "session";

  public static final String PRESENTMENT = "presentment";

  /**
   * A quote (or a payment's terms) as the page shows it, in plain values: the view's state is
   * serialized with the web session.
   */
  record Offer(
      String quoteId,
      long amount,
      String currency,
      long presented,
      String presentedCurrency,
      BigDecimal rate,
      LocalDate ratesDate,
      Instant lockedUntil)
      implements Serializable {

    static Offer of(FxQuote q) {
      return new Offer(
          q.id(),
          q.amount().minorUnits(),
          q.amount().currency().code(),
          q.presentmentAmount().minorUnits(),
          q.presentmentAmount().currency().code(),
          q.rate(),
          q.ratesDate(),
          q.lockedUntil().toInstant());
    }

    static Offer of(Payment payment, Presentment p) {
      return new Offer(
          p.quoteId(),
          payment.amount().minorUnits(),
          payment.amount().currency().code(),
          p.amount().minorUnits(),
          p.amount().currency().code(),
          p.rate(),
          p.ratesDate(),
          null);
    }

    Money sessionMoney() {
      return Money.of(amount, currency);
    }

    Money presentedMoney() {
      return Money.of(presented, presentedCurrency);
    }
  }

  @Inject
  @Param(pathIndex = 0)
  private String sessionId;

  @Inject private SessionPresentment presentments;
  @Inject private Payments payments;

  private transient Clock clock;

  /** The currency the offer was made for (the page's language's), to notice a language switch. */
  private CurrencyCode offeredFor;

  private boolean prepared;
  private Offer offer;
  private String choice = SESSION;

  /** The receipt's terms, once read for a payment. */
  private String receiptPaymentId;

  private Offer receipt;

  /**
   * Makes the offer for the page's language before the choice is shown: at the first render, after
   * a language switch (another language, maybe another currency: the shopper chooses again), and,
   * while the shopper has not chosen it, when the shown quote's lock has ended.
   */
  public void prepare() {
    Locale locale = locale();
    CurrencyCode wanted = ShopperCurrency.of(locale).orElse(null);
    boolean stale = offer != null && !now().isBefore(offer.lockedUntil()) && !isChosen();
    if (prepared && java.util.Objects.equals(wanted, offeredFor) && !stale) {
      return;
    }
    if (prepared && !java.util.Objects.equals(wanted, offeredFor)) {
      choice = SESSION;
    }
    prepared = true;
    offeredFor = wanted;
    offer = presentments.offer(sessionId, wanted).map(Offer::of).orElse(null);
  }

  /**
   * Records the shopper's choice on the session, just before the payment begins.
   *
   * @return false when the chosen quote's lock has ended: a new quote is shown with a message, and
   *     the shopper pays again once they have seen it
   */
  public boolean recordChoice() {
    if (!isChosen()) {
      presentments.choose(sessionId, null);
      return true;
    }
    if (!now().isBefore(offer.lockedUntil())) {
      quoteExpired();
      return false;
    }
    try {
      presentments.choose(sessionId, offer.quoteId());
      return true;
    } catch (QuoteExpiredException e) {
      quoteExpired();
      return false;
    }
  }

  /**
   * The quote the shopper chose ended its lock before the payment began: quotes again and says so,
   * with the new amount, so that the shopper confirms it by paying again.
   */
  public void quoteExpired() {
    offer = presentments.offer(sessionId, offeredFor).map(Offer::of).orElse(null);
    if (offer == null) {
      choice = SESSION;
      Messages.addGlobalWarn(text("presentment.unavailable"));
      return;
    }
    Messages.addGlobalWarn(
        MessageFormat.format(
            text("presentment.requoted"), presented(offer), lockedUntil(offer.lockedUntil())));
  }

  /** Whether the page offers the shopper's currency. */
  public boolean isOffered() {
    return offer != null;
  }

  /** Whether the shopper chose to pay in their currency. */
  public boolean isChosen() {
    return offer != null && PRESENTMENT.equals(choice);
  }

  public String getChoice() {
    return choice;
  }

  public void setChoice(String choice) {
    this.choice = PRESENTMENT.equals(choice) ? PRESENTMENT : SESSION;
  }

  /** The session's amount, as the first option shows it. */
  public String getSessionAmount() {
    return offer == null ? "" : MoneyFormat.format(offer.sessionMoney(), locale());
  }

  /** The amount in the shopper's currency, as the second option shows it. */
  public String getPresentedAmount() {
    return offer == null ? "" : presented(offer);
  }

  /** A currency's name in the page's language, e.g. "Japanese Yen", "日本円". */
  public String getSessionCurrencyName() {
    return offer == null ? "" : currencyName(offer.currency());
  }

  public String getPresentedCurrencyName() {
    return offer == null ? "" : currencyName(offer.presentedCurrency());
  }

  /** The rate, its source and day, and until when it is locked. */
  public String getTerms() {
    if (offer == null) {
      return "";
    }
    return MessageFormat.format(
        text("presentment.terms"),
        offer.currency(),
        rate(offer.rate()),
        offer.presentedCurrency(),
        day(offer.ratesDate()),
        lockedUntil(offer.lockedUntil()));
  }

  /** The pay button's label for each choice, for the script that switches it with the choice. */
  public String getPaySessionLabel() {
    return offer == null ? "" : MessageFormat.format(text("pay.button"), getSessionAmount());
  }

  public String getPayPresentedLabel() {
    return offer == null ? "" : MessageFormat.format(text("pay.button"), getPresentedAmount());
  }

  /** The id of the quote shown, for tests and support. */
  public String getQuoteId() {
    return offer == null ? "" : offer.quoteId();
  }

  /**
   * What the result page says of a payment presented in the shopper's currency: charged amount, the
   * merchant's amount, the rate and its source; empty for a payment in the session's currency.
   */
  public String receipt(String paymentId) {
    if (paymentId == null) {
      return "";
    }
    if (!paymentId.equals(receiptPaymentId)) {
      receiptPaymentId = paymentId;
      Optional<Payment> payment = payments.find(paymentId);
      receipt = payment.flatMap(p -> p.presentment().map(terms -> Offer.of(p, terms))).orElse(null);
    }
    if (receipt == null) {
      return "";
    }
    return MessageFormat.format(
        text("presentment.receipt"),
        MoneyFormat.format(receipt.presentedMoney(), locale()),
        MoneyFormat.format(receipt.sessionMoney(), locale()),
        receipt.currency(),
        rate(receipt.rate()),
        receipt.presentedCurrency(),
        day(receipt.ratesDate()));
  }

  private String presented(Offer o) {
    return MoneyFormat.format(o.presentedMoney(), locale());
  }

  private String currencyName(String code) {
    try {
      return Currency.getInstance(code).getDisplayName(locale());
    } catch (IllegalArgumentException unknownToJdk) {
      return code;
    }
  }

  private String rate(BigDecimal rate) {
    NumberFormat format = NumberFormat.getNumberInstance(locale());
    format.setMaximumFractionDigits(Math.max(0, rate.stripTrailingZeros().scale()));
    format.setMinimumFractionDigits(0);
    return format.format(rate);
  }

  private String day(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(locale())
        .withDecimalStyle(DecimalStyle.of(locale()))
        .format(date);
  }

  private String lockedUntil(Instant until) {
    return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
            .withLocale(locale())
            .withDecimalStyle(DecimalStyle.of(locale()))
            .format(until.atZone(ZoneOffset.UTC))
        + " UTC";
  }

  private String text(String key) {
    return ResourceBundle.getBundle("org.kassa.web.i18n.messages", locale()).getString(key);
  }

  private static Locale locale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }

  private Instant now() {
    if (clock == null) {
      clock = Clock.systemUTC();
    }
    return clock.instant();
  }
}
