package org.kassa.payment.checkout;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.fx.ExchangeRates;
import org.kassa.payment.money.fx.FxQuote;
import org.kassa.payment.money.fx.FxQuotes;

/**
 * The hosted page's offer to pay in the shopper's currency: a locked quote for the session's
 * amount, and the shopper's choice, recorded on the session, which the payment then applies (or
 * refuses once the quote is past its lock).
 */
@Stateless
public class SessionPresentment {

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private FxQuotes quotes;
  @Inject private ExchangeRates rates;

  private final Clock clock = Clock.systemUTC();

  /**
   * A locked quote of the session's amount in {@code currency}, when that is another currency than
   * the session's and the rates in use cover both.
   */
  public Optional<FxQuote> offer(String sessionId, CurrencyCode currency) {
    CheckoutSession session = session(sessionId, false);
    CurrencyCode own = session.amount().currency();
    if (currency == null
        || currency.equals(own)
        || !rates.current().covers(own)
        || !rates.current().covers(currency)
        || session.statusAt(clock.instant()) != CheckoutStatus.OPEN) {
      return Optional.empty();
    }
    return Optional.of(
        quotes.quote(session.merchantId(), session.amount(), currency, clock.instant()));
  }

  /**
   * Records the shopper's choice: to pay at the quote {@code quoteId}, or in the session's currency
   * ({@code null}).
   *
   * @throws org.kassa.payment.money.fx.QuoteExpiredException if the quote is past its lock
   * @throws NotFoundException if the quote is not the session merchant's
   */
  public void choose(String sessionId, String quoteId) {
    CheckoutSession session = session(sessionId, true);
    session.presentWith(
        quoteId == null ? null : quotes.use(session.merchantId(), quoteId, clock.instant()));
  }

  private CheckoutSession session(String sessionId, boolean lock) {
    CheckoutSession session =
        sessionId == null
            ? null
            : em.find(
                CheckoutSession.class,
                sessionId,
                lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
    if (session == null) {
      throw new NotFoundException("checkout session", sessionId);
    }
    return session;
  }
}
