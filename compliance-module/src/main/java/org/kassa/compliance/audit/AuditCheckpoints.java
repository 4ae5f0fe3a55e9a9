package org.kassa.compliance.audit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs checkpoints of the audit chain with the deployment's Ed25519 key: every {@code
 * kassa.audit.checkpoint-every} events (1000) or {@code kassa.audit.checkpoint-interval} (5
 * minutes), whichever comes first, when there is anything new. A checkpoint is keyed by its
 * sequence number, so two nodes signing at once store it once.
 */
@Stateless
public class AuditCheckpoints {

  private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class.getName());

  /** The demo deployment's key pair; production refuses it (see KassaStartup). */
  public static final String DEMO_SIGNING_KEY =
      "MC4CAQAwBQYDK2VwBCIEIPUYwyacz/wxtTlKdCoIqtRWnB1rhrZtcBrxtoz0UuG9";

  public static final String DEMO_VERIFY_KEY =
      "MCowBQYDK2VwAyEAbLvbUNyZAgVD16zaDECoTYhfjuNu0uHv63rp++8WDgU=";

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject
  @ConfigProperty(name = "kassa.audit.signing-key", defaultValue = DEMO_SIGNING_KEY)
  String signingKey;

  @Inject
  @ConfigProperty(name = "kassa.audit.verify-key", defaultValue = DEMO_VERIFY_KEY)
  String verifyKey;

  @Inject
  @ConfigProperty(name = "kassa.audit.checkpoint-every", defaultValue = "1000")
  long every;

  @Inject
  @ConfigProperty(name = "kassa.audit.checkpoint-interval", defaultValue = "PT5M")
  Duration interval;

  private final Clock clock = Clock.systemUTC();

  @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
  public void scheduled() {
    try {
      checkpointIfDue(clock.instant());
    } catch (RuntimeException e) {
      // Two nodes signing the same head: the other one stored it. Anything else: next minute.
      LOG.log(Level.FINE, "event=audit.checkpoint_skipped", e);
    }
  }

  /**
   * Signs the chain head if enough events or time passed since the last checkpoint.
   *
   * @return the new checkpoint, if one was due
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<AuditCheckpoint> checkpointIfDue(Instant now) {
    ChainHead head = em.find(ChainHead.class, ChainHead.ID);
    HashChain.ChainHeadState state = head.state();
    Optional<AuditCheckpoint> last = latest();
    long lastSeq = last.map(AuditCheckpoint::seq).orElse(0L);
    if (state.lastSeq() <= lastSeq) {
      return Optional.empty();
    }
    boolean dueByCount = state.lastSeq() - lastSeq >= every;
    boolean dueByTime = last.map(c -> !c.signedAt().plus(interval).isAfter(now)).orElse(true);
    if (!dueByCount && !dueByTime) {
      return Optional.empty();
    }
    return Optional.of(sign(state, now));
  }

  /** Signs the chain head now, whatever is due (for an export that must end on a checkpoint). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public AuditCheckpoint checkpointNow() {
    HashChain.ChainHeadState state = em.find(ChainHead.class, ChainHead.ID).state();
    AuditCheckpoint existing = em.find(AuditCheckpoint.class, state.lastSeq());
    return existing != null ? existing : sign(state, clock.instant());
  }

  private AuditCheckpoint sign(HashChain.ChainHeadState state, Instant now) {
    PrivateKey key = CheckpointSignature.privateKey(signingKey);
    AuditCheckpoint checkpoint =
        new AuditCheckpoint(
            state.lastSeq(),
            state.lastHash(),
            now,
            CheckpointSignature.keyId(publicKey()),
            CheckpointSignature.sign(key, state.lastSeq(), state.lastHash(), now));
    em.persist(checkpoint);
    em.flush();
    LOG.info(() -> "event=audit.checkpoint seq=" + checkpoint.seq());
    return checkpoint;
  }

  /** The checkpoints from {@code fromSeq} to {@code toSeq}, in order. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditCheckpoint> between(long fromSeq, long toSeq) {
    return em.createQuery(
            "SELECT c FROM AuditCheckpoint c WHERE c.seq BETWEEN :f AND :t ORDER BY c.seq",
            AuditCheckpoint.class)
        .setParameter("f", fromSeq)
        .setParameter("t", toSeq)
        .getResultList();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<AuditCheckpoint> latest() {
    return em.createQuery(
            "SELECT c FROM AuditCheckpoint c ORDER BY c.seq DESC", AuditCheckpoint.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The key exports are verified with: give it to whoever verifies offline. */
  public PublicKey publicKey() {
    return CheckpointSignature.publicKey(verifyKey);
  }

  /** The configured public key in its base64 X.509 form. */
  public String publicKeyText() {
    return verifyKey.trim();
  }
}
