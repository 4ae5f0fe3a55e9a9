package org.kassa.payment.merchant;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Optional;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;

/** Registers merchants and finds the merchant an API key belongs to. */
@Stateless
public class MerchantDirectory {

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @jakarta.inject.Inject private AuditTrail audit;

  private final Clock clock = Clock.systemUTC();

  /** A registered merchant with the key to show once. */
  public record Registration(Merchant merchant, String apiKey) {}

  /** Registers a merchant with a new random API key. */
  public Registration register(@NotBlank @Size(max = 200) String name) {
    return register("mer_" + ApiKey.randomToken(20), name, ApiKey.generate());
  }

  /** Registers a merchant with a given id and key (the demo merchant). */
  public Registration register(
      @NotBlank String id,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(min = 16) String apiKey) {
    Merchant merchant = new Merchant(id, name, apiKey, clock.instant());
    em.persist(merchant);
    audit.append(AuditRecord.of("system", "merchant.registered", "merchant", id, "active"));
    return new Registration(merchant, apiKey);
  }

  /** The merchant holding this key, if any. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Merchant> authenticate(String presentedKey) {
    if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > 200) {
      return Optional.empty();
    }
    return em.createQuery("SELECT m FROM Merchant m WHERE m.apiKeyHash = :hash", Merchant.class)
        .setParameter("hash", ApiKey.hash(presentedKey))
        .getResultStream()
        .filter(m -> m.holdsKey(presentedKey))
        .findFirst();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Merchant> find(String id) {
    return Optional.ofNullable(em.find(Merchant.class, id));
  }
}
