package org.kassa.compliance.access;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.kassa.compliance.text.RandomTokens;
import org.kassa.compliance.text.Sha256;

/** Issues and checks compliance API keys ({@code ck_...}). */
@Stateless
public class ComplianceApiKeys {

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /**
   * The holder of this key, if it is one. The hash is looked up, then compared again in constant
   * time, so that timing says nothing about how much of a guess was right.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ComplianceApiKey> authenticate(String key) {
    if (key == null || key.isBlank() || key.length() > 200) {
      return Optional.empty();
    }
    String hash = Sha256.hex(key);
    return em.createQuery(
            "SELECT k FROM ComplianceApiKey k WHERE k.keyHash = :h", ComplianceApiKey.class)
        .setParameter("h", hash)
        .getResultStream()
        .filter(
            k ->
                MessageDigest.isEqual(
                    k.keyHash().getBytes(StandardCharsets.US_ASCII),
                    hash.getBytes(StandardCharsets.US_ASCII)))
        .findFirst();
  }

  /**
   * Registers a key for {@code name}; the key is returned once and never stored.
   *
   * @param key the key to register, or null to generate one
   * @return the key
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public String issue(String name, String key) {
    String secret = key == null ? "ck_live_" + RandomTokens.base62(32) : key;
    em.persist(
        new ComplianceApiKey(
            "cak_" + RandomTokens.base62(20),
            name,
            Sha256.hex(secret),
            secret.substring(0, 3) + "..." + secret.substring(secret.length() - 4),
            clock.instant()));
    return secret;
  }

  /** Whether a key is registered already (for idempotent seeding). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean exists(String key) {
    return authenticate(key).isPresent();
  }
}
