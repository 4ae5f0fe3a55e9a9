package org.kassa.payment.support;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.merchant.ApiKey;
import org.kassa.payment.payment.Payment;

/** Opens tickets for shoppers and lets merchants read them and move them along. */
@Stateless
public class SupportTickets {

  private static final Logger LOG = Logger.getLogger(SupportTickets.class.getName());

  /** The most tickets a list answers. */
  public static final int MAX_LIST = 200;

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject private PersonalDataVault vault;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private AuditTrail audit;

  @Inject
  @ConfigProperty(name = "kassa.support.max-tickets-per-session", defaultValue = "5")
  int maxPerSession;

  private final Clock clock = Clock.systemUTC();

  /**
   * Opens a ticket about a checkout session, for its merchant.
   *
   * @param language the language the shopper wrote in
   * @return the new ticket's id
   * @throws NotFoundException if there is no such session
   * @throws TicketLimitException if the session has as many tickets as one may open
   */
  public String report(
      @NotBlank String sessionId, @NotNull @Valid NewTicket ticket, @NotNull Locale language) {
    // Locked so that concurrent reports count each other against the cap.
    CheckoutSession session =
        em.find(CheckoutSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (session == null) {
      throw new NotFoundException("checkout session", sessionId);
    }
    long existing =
        em.createQuery("SELECT COUNT(t) FROM SupportTicket t WHERE t.sessionId = :s", Long.class)
            .setParameter("s", sessionId)
            .getSingleResult();
    if (existing >= maxPerSession) {
      throw new TicketLimitException(maxPerSession);
    }
    String id = SupportTicket.ID_PREFIX + ApiKey.randomToken(24);
    Optional<Payment> payment = session.paymentId().map(p -> em.find(Payment.class, p));
    String contact =
        ticket.contactEmail() == null || ticket.contactEmail().isBlank()
            ? null
            : ticket.contactEmail().trim();
    String subject =
        session
            .subjectRef()
            .or(() -> payment.flatMap(Payment::subjectRef))
            .or(() -> Optional.ofNullable(pseudonymizer.pseudonym(contact)))
            .orElseGet(() -> pseudonymizer.pseudonym("ticket:" + id));
    SupportTicket created =
        new SupportTicket(
            id,
            session.merchantId(),
            sessionId,
            payment.map(Payment::id).orElse(null),
            ticket.category(),
            vault.seal(subject, ticket.message().strip()),
            contact == null ? null : vault.seal(subject, contact),
            subject,
            language.toLanguageTag(),
            clock.instant());
    em.persist(created);
    audit.append(
        new AuditRecord(
            "shopper",
            "support_ticket.opened",
            "support_ticket",
            id,
            TicketStatus.OPEN.apiName(),
            subject,
            "session=" + sessionId + " category=" + ticket.category().apiName()));
    LOG.info(
        () ->
            "event=support_ticket.opened ticket="
                + id
                + " session="
                + sessionId
                + " merchant="
                + session.merchantId()
                + " category="
                + ticket.category().apiName());
    return id;
  }

  /**
   * The merchant's tickets, newest first.
   *
   * @param status only those in this status, or null for all
   * @param limit at most this many (capped at {@value #MAX_LIST})
   */
  public List<TicketView> list(@NotBlank String merchantId, TicketStatus status, int limit) {
    TypedQuery<SupportTicket> q =
        em.createQuery(
                "SELECT t FROM SupportTicket t WHERE t.merchantId = :m"
                    + (status == null ? "" : " AND t.status = :st")
                    + " ORDER BY t.createdAt DESC, t.id",
                SupportTicket.class)
            .setParameter("m", merchantId)
            .setMaxResults(Math.max(1, Math.min(limit, MAX_LIST)));
    if (status != null) {
      q.setParameter("st", status);
    }
    return q.getResultList().stream().map(this::view).toList();
  }

  /**
   * One of the merchant's tickets.
   *
   * @throws NotFoundException if it does not exist or is another merchant's
   */
  public TicketView get(@NotBlank String merchantId, @NotBlank String ticketId) {
    return view(find(merchantId, ticketId));
  }

  /**
   * Moves one of the merchant's tickets to a new status, and audits it.
   *
   * @param actor who did it (a console user or {@code api})
   * @throws TicketStatusException if the ticket cannot move there
   */
  public TicketView changeStatus(
      @NotBlank String merchantId,
      @NotBlank String ticketId,
      @NotNull TicketStatus status,
      @NotBlank String actor) {
    SupportTicket ticket = find(merchantId, ticketId);
    TicketStatus from = ticket.status();
    if (ticket.moveTo(status, clock.instant())) {
      audit.append(
          new AuditRecord(
              actor,
              "support_ticket." + status.apiName(),
              "support_ticket",
              ticket.id(),
              status.apiName(),
              ticket.subjectRef(),
              "from=" + from.apiName()));
    }
    return view(ticket);
  }

  private SupportTicket find(String merchantId, String ticketId) {
    SupportTicket ticket = em.find(SupportTicket.class, ticketId);
    if (ticket == null || !ticket.merchantId().equals(merchantId)) {
      throw new NotFoundException("support ticket", ticketId);
    }
    return ticket;
  }

  private TicketView view(SupportTicket t) {
    return new TicketView(
        t.id(),
        t.sessionId(),
        t.paymentId().orElse(null),
        t.category(),
        t.status(),
        open(t.subjectRef(), t.sealedMessage()),
        open(t.subjectRef(), t.sealedContactEmail()),
        t.locale(),
        t.createdAt(),
        t.updatedAt());
  }

  private String open(String subject, String sealed) {
    return sealed == null ? null : vault.open(subject, sealed).orElse(null);
  }
}
