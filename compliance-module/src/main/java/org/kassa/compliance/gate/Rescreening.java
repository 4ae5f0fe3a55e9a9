package org.kassa.compliance.gate;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.aml.ScreeningIndexHolder;
import org.kassa.compliance.aml.ScreeningSnapshot;
import org.kassa.compliance.aml.screening.Hit;
import org.kassa.compliance.aml.screening.Query;
import org.kassa.compliance.aml.whitelist.FalsePositiveWhitelist;
import org.kassa.compliance.aml.whitelist.WhitelistTriage;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.privacy.PersonalDataVault;

/**
 * Screens the customers already screened again after each index rebuild that changed list versions.
 * A hit that is new for the customer (not known, not validly whitelisted) opens a case, audited,
 * and holds the customer's open authorizations until an officer decides it.
 *
 * <p>Work is claimed in batches ({@link ScreenedSubjects#claim}), so that several nodes share it
 * without doing it twice; each customer is re-screened in a transaction of its own. A customer who
 * was erased (the name no longer opens) is forgotten, not re-screened.
 */
@Stateless
public class Rescreening {

  private static final Logger LOG = Logger.getLogger(Rescreening.class.getName());

  /** How long a claimed subject is left to the node that claimed it. */
  private static final Duration LEASE = Duration.ofMinutes(10);

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject private ScreeningIndexHolder holder;
  @Inject private ScreenedSubjects subjects;
  @Inject private FalsePositiveWhitelist whitelist;
  @Inject private PersonalDataVault vault;
  @Inject private AuditTrail audit;
  @Inject private ComplianceCases cases;
  @Inject private Instance<ReviewedPayments> payments;
  @Inject private Rescreening self;

  @Inject
  @ConfigProperty(name = "kassa.gate.review-score", defaultValue = "0.85")
  double reviewScore;

  @Inject
  @ConfigProperty(name = "kassa.rescreening.batch-size", defaultValue = "100")
  int batchSize;

  private final Clock clock = Clock.systemUTC();

  /**
   * After a rebuild, in the background: voids the whitelistings the new lists end, then re-screens
   * every customer screened against an older index.
   */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void afterRebuild(ScreeningSnapshot snapshot) {
    try {
      whitelist.sweep(snapshot);
      rescreen(snapshot);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "event=rescreening.failed", e);
    }
  }

  /**
   * Re-screens, now and in this thread, every customer not yet screened against the index this node
   * screens with: what a rebuild starts in the background.
   *
   * @return how many customers were re-screened here
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int rescreenAll() {
    ScreeningSnapshot snapshot = holder.snapshot();
    whitelist.sweep(snapshot);
    return rescreen(snapshot);
  }

  private int rescreen(ScreeningSnapshot snapshot) {
    int done = 0;
    int opened = 0;
    while (true) {
      List<String> batch = subjects.claim(snapshot, clock.instant(), LEASE, batchSize);
      if (batch.isEmpty()) {
        break;
      }
      for (String subjectRef : batch) {
        try {
          if (self.rescreenOne(subjectRef, snapshot).isPresent()) {
            opened++;
          }
          done++;
        } catch (RuntimeException e) {
          // Left claimed: it is tried again when the lease ends, here or on another node.
          LOG.log(Level.WARNING, "event=rescreening.subject_failed subject=" + subjectRef, e);
        }
      }
    }
    if (done > 0) {
      int count = done;
      int cases = opened;
      LOG.info(() -> "event=rescreening.done subjects=" + count + " cases=" + cases);
    }
    return done;
  }

  /**
   * Re-screens one customer against {@code snapshot}.
   *
   * @return the case opened for new hits, if any
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<ComplianceCase> rescreenOne(String subjectRef, ScreeningSnapshot snapshot) {
    Instant now = clock.instant();
    Optional<ScreenedSubjects.Screened> stored = subjects.find(subjectRef);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> name = vault.open(subjectRef, stored.get().sealedName());
    if (name.isEmpty() || name.get().isBlank()) {
      subjects.forget(subjectRef); // erased: nothing left to screen
      return Optional.empty();
    }
    List<Hit> hits =
        snapshot.screening().search(Query.of(name.get()).withMinScore(reviewScore).withLimit(5));
    WhitelistTriage triage = WhitelistTriage.of(hits, whitelist.activeFor(subjectRef), now);
    List<Hit> fresh = KnownHit.newHits(triage.standing(), subjects.known(subjectRef));
    Optional<ComplianceCase> opened = Optional.empty();
    if (!fresh.isEmpty()) {
      String reasons =
          fresh.stream()
              .map(
                  hit ->
                      String.format(
                          Locale.ROOT,
                          "rescreening_hit list=%s entry=%s score=%.3f list_sha256=%s",
                          hit.listId(),
                          hit.entryId(),
                          hit.score(),
                          hit.list().sha256().substring(0, 12)))
              .collect(Collectors.joining("; "));
      ComplianceCase c = cases.rescreeningFound(subjectRef, reasons, now);
      // Payment rows first (the payment module audits each hold), then the trail, then ours.
      List<String> held =
          payments.isResolvable()
              ? payments.get().holdOpenAuthorizations(subjectRef, c.id())
              : List.of();
      c.hold(held);
      String detail =
          "held="
              + String.join(",", held)
              + " index="
              + snapshot.versionsKey().substring(0, 12)
              + " "
              + reasons;
      audit.append(
          AuditRecord.of("rescreening", "case.opened", "case", c.id(), "open")
              .withSubject(subjectRef)
              .withDetail(detail.length() > 1000 ? detail.substring(0, 1000) : detail));
      subjects.remember(subjectRef, fresh, now);
      opened = Optional.of(c);
      LOG.info(
          () ->
              "event=rescreening.case_opened case="
                  + c.id()
                  + " subject="
                  + subjectRef
                  + " held="
                  + held.size());
    }
    subjects.rescreened(subjectRef, snapshot, now);
    return opened;
  }
}
