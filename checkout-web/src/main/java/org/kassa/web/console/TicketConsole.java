package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import org.kassa.payment.BusinessException;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.support.SupportTickets;
import org.kassa.payment.support.TicketStatus;
import org.kassa.payment.support.TicketView;
import org.kassa.web.i18n.ConsoleText;
import org.kassa.web.security.ConsoleUsers;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Messages;

/**
 * One support ticket in the merchant console: what the shopper reported, about which session and
 * payment, and where to answer; mark it answered or closed.
 */
@Named
@ViewScoped
public class TicketConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  @Param(name = "id")
  private String ticketId;

  @Inject private SupportTickets tickets;
  @Inject private ConsoleUsers users;
  @Inject private SecurityContext securityContext;

  private String merchantId;
  private TicketView ticket;

  @PostConstruct
  void init() {
    merchantId = users.merchantIdOf(user());
    load();
  }

  private void load() {
    try {
      ticket = ticketId == null ? null : tickets.get(merchantId, ticketId);
    } catch (NotFoundException e) {
      ticket = null;
    }
  }

  /** Moves the ticket on: answered or closed. */
  public void moveTo(TicketStatus status) {
    try {
      ticket = tickets.changeStatus(merchantId, ticketId, status, user());
      Messages.addGlobalInfo(ConsoleText.get("console.tickets.changed"));
    } catch (BusinessException e) {
      Messages.addGlobalError(e.getMessage());
      load();
    }
  }

  /** Whether the ticket may move to {@code status} now (its button is shown). */
  public boolean canMoveTo(TicketStatus status) {
    return ticket != null && ticket.status().next().contains(status);
  }

  public TicketView getTicket() {
    return ticket;
  }

  private String user() {
    return securityContext.getCallerPrincipal().getName();
  }
}
