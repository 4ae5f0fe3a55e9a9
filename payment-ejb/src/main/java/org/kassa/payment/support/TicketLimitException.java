package org.kassa.payment.support;

import org.kassa.payment.BusinessException;

/** The session already has as many tickets as one session may open. */
public class TicketLimitException extends BusinessException {

  public TicketLimitException(int limit) {
    super(
        "ticket_limit_reached",
        "This checkout already has " + limit + " reports, as many as one may have.");
  }
}
