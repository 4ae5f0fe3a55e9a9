package org.kassa.payment.support;

import org.kassa.payment.BusinessException;

/** A ticket cannot move to the status asked (e.g. a closed one back to answered). */
public class TicketStatusException extends BusinessException {

  public TicketStatusException(String ticketId, TicketStatus from, TicketStatus to) {
    super(
        "ticket_status_not_allowed",
        "Ticket "
            + ticketId
            + " is "
            + from.apiName()
            + " and cannot become "
            + to.apiName()
            + ".");
  }
}
