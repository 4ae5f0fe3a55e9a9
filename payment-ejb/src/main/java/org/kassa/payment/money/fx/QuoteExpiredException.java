package org.kassa.payment.money.fx;

import java.time.OffsetDateTime;
import org.kassa.payment.BusinessException;

/** A quote past its lock: the shopper gets a new quote, never the old rate applied silently. */
public class QuoteExpiredException extends BusinessException {

  private static final long serialVersionUID = 1L;

  public QuoteExpiredException(String quoteId, OffsetDateTime lockedUntil) {
    super(
        "fx_quote_expired",
        "The exchange-rate quote "
            + quoteId
            + " was locked until "
            + lockedUntil
            + " and can no longer be used; request a new quote.");
  }
}
