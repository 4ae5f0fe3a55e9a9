package org.kassa.web.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;

/** Creates console users and tells which merchant a merchant admin works for. */
@Stateless
public class ConsoleUsers {

  @PersistenceContext(unitName = "web")
  private EntityManager em;

  @Inject private Pbkdf2PasswordHash passwordHash;
  @Inject private AuditTrail audit;

  private final Clock clock = Clock.systemUTC();

  /** Creates a user with one role; the password is stored as a PBKDF2 hash only. */
  public void create(String username, char[] password, String role, String merchantId) {
    em.persist(
        new ConsoleUser(
            username, passwordHash.generate(password), role, merchantId, clock.instant()));
    audit.append(AuditRecord.of("system", "console_user.created", "console_user", username, role));
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  /** The merchant a console user works for, or "" for one who works for none (an officer). */
  public String merchantIdOf(String username) {
    return find(username).flatMap(ConsoleUser::merchantId).orElse("");
  }

  /** The compliance officers' user names, sorted: whom a case may be assigned to. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> complianceOfficers() {
    return em.createQuery(
            "SELECT u.username FROM ConsoleUser u JOIN u.roles r WHERE r = :role"
                + " ORDER BY u.username",
            String.class)
        .setParameter("role", Roles.COMPLIANCE_OFFICER)
        .getResultList();
  }

  /** The compliance officer {@code username} names (in any case), as their user name is stored. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> complianceOfficer(String username) {
    return username == null
        ? Optional.empty()
        : complianceOfficers().stream()
            .filter(u -> u.equalsIgnoreCase(username.strip()))
            .findFirst();
  }

  public Optional<ConsoleUser> find(String username) {
    return username == null
        ? Optional.empty()
        : Optional.ofNullable(em.find(ConsoleUser.class, username));
  }
}
