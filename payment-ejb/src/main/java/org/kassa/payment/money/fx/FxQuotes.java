package org.kassa.payment.money.fx;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/**
 * Exchange-rate quotes for presenting an amount in the shopper's currency, locked for {@code
 * kassa.fx.quote-lock} (PT30M by default) and stored so that a payment can reference the one it was
 * made with.
 */
@Stateless
public class FxQuotes {

  private static final Logger LOG = Logger.getLogger(FxQuotes.class.getName());

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private ExchangeRates rates;

  @Inject
  @ConfigProperty(name = "kassa.fx.quote-lock", defaultValue = "PT30M")
  Duration lock;

  /** Quotes {@code amount} in {@code presentment} with the rates in use and stores the quote. */
  public FxQuote quote(String merchantId, Money amount, CurrencyCode presentment, Instant now) {
    FxQuote quote = FxQuote.quote(merchantId, amount, presentment, rates.current(), now, lock);
    em.persist(quote);
    LOG.info(
        () ->
            "event=fx_quote.created quote="
                + quote.id()
                + " merchant="
                + merchantId
                + " pair="
                + amount.currency()
                + presentment
                + " rates_date="
                + quote.ratesDate());
    return quote;
  }

  /**
   * The merchant's quote.
   *
   * @throws NotFoundException if there is none with that id for this merchant
   */
  public FxQuote get(String merchantId, String quoteId) {
    FxQuote quote = quoteId == null ? null : em.find(FxQuote.class, quoteId);
    if (quote == null || !quote.merchantId().equals(merchantId)) {
      throw new NotFoundException("fx quote", quoteId);
    }
    return quote;
  }

  /**
   * The quote, to be applied at {@code now} (e.g. to a payment).
   *
   * @throws QuoteExpiredException if its lock has ended: the caller must quote again
   */
  public FxQuote use(String merchantId, String quoteId, Instant now) {
    return get(merchantId, quoteId).requireLockedAt(now);
  }
}
