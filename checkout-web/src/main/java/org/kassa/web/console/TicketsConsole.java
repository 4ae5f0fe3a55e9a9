package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;
import org.kassa.payment.support.SupportTickets;
import org.kassa.payment.support.TicketStatus;
import org.kassa.payment.support.TicketView;
import org.kassa.web.security.ConsoleUsers;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;

/** The merchant's support tickets, newest first, filtered by status ({@code ?status=open}). */
@Named
@ViewScoped
public class TicketsConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  @Param(name = "status")
  private String statusParameter;

  @Inject private SupportTickets tickets;
  @Inject private ConsoleUsers users;
  @Inject private SecurityContext securityContext;

  private String merchantId;
  private TicketStatus status;
  private List<TicketView> list;

  @PostConstruct
  void init() {
    merchantId = users.merchantIdOf(securityContext.getCallerPrincipal().getName());
    status =
        statusParameter == null ? null : TicketStatus.fromApiName(statusParameter).orElse(null);
    load();
  }

  /** Shows the tickets in the status chosen. */
  public void load() {
    list = tickets.list(merchantId, status, SupportTickets.MAX_LIST);
  }

  public List<TicketStatus> getStatuses() {
    return List.of(TicketStatus.values());
  }

  public TicketStatus getStatus() {
    return status;
  }

  public void setStatus(TicketStatus status) {
    this.status = status;
  }

  public List<TicketView> getTickets() {
    return list;
  }
}
