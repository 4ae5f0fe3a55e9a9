package org.kassa.compliance.gate;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.aml.ScreeningIndexHolder;
import org.kassa.compliance.aml.ScreeningSnapshot;
import org.kassa.compliance.aml.monitoring.MonitoredPayment;
import org.kassa.compliance.aml.monitoring.MonitoringPolicy;
import org.kassa.compliance.aml.monitoring.MonitoringRules;
import org.kassa.compliance.aml.screening.Hit;
import org.kassa.compliance.aml.screening.Query;
import org.kassa.compliance.aml.whitelist.FalsePositiveWhitelist;
import org.kassa.compliance.aml.whitelist.WhitelistTriage;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.text.RandomTokens;

/**
 * The compliance gate: the one facade payments call, in the payment's own first transaction, so
 * that the decision, its audit event and the payment are stored together or not at all.
 *
 * <p>Rules (thresholds are configuration, not code):
 *
 * <ul>
 *   <li>{@code sanctions_hit}: the payer's name screened against every loaded list; a hit scoring
 *       at least {@code kassa.gate.block-score} (0.95) blocks, one at least {@code
 *       kassa.gate.review-score} (0.85) holds the payment for review. A hit on an entry an officer
 *       whitelisted for this customer ({@link FalsePositiveWhitelist}, keyed by the payment's
 *       {@code subjectRef}) is set aside and named as {@code whitelisted_hit ... wl=<id>}; a
 *       whitelisting that no longer holds is voided, once, and the hit counts.
 *   <li>{@code high_risk_country}: a payer in one of {@code kassa.gate.review-countries} (default:
 *       the FATF's call-for-action list) is held for review.
 *   <li>Transaction monitoring ({@link MonitoringRules}) on the customer's recent payments: {@code
 *       large_amount} ({@code kassa.monitoring.large-amount}, e.g. {@code EUR=1000000}), {@code
 *       velocity} ({@code kassa.monitoring.velocity.count} within {@code .window}) and {@code
 *       structuring} ({@code kassa.monitoring.structuring.count} payments just under the large
 *       amount within {@code .window}); a hit holds the payment for review.
 * </ul>
 *
 * Reasons name rule ids, list ids, entry ids, scores and list versions, never the payer's name. A
 * named payer with a subject id is kept for re-screening after list refreshes ({@link
 * ScreenedSubjects}, the name sealed; {@link Rescreening}).
 */
@Stateless
public class ComplianceGate {

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject private ScreeningIndexHolder screening;
  @Inject private AuditTrail audit;
  @Inject private FalsePositiveWhitelist whitelist;
  @Inject private ScreenedSubjects subjects;

  @Inject
  @ConfigProperty(name = "kassa.gate.block-score", defaultValue = "0.95")
  double blockScore;

  @Inject
  @ConfigProperty(name = "kassa.gate.review-score", defaultValue = "0.85")
  double reviewScore;

  @Inject
  @ConfigProperty(name = "kassa.gate.review-countries")
  Optional<String> reviewCountries;

  @Inject
  @ConfigProperty(
      name = "kassa.monitoring.large-amount",
      defaultValue = "EUR=1000000,USD=1000000,GBP=1000000,CHF=1000000,JPY=150000000")
  String largeAmounts;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.velocity.count", defaultValue = "20")
  int velocityCount;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.velocity.window", defaultValue = "PT1H")
  java.time.Duration velocityWindow;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.structuring.count", defaultValue = "3")
  int structuringCount;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.structuring.share", defaultValue = "0.9")
  double structuringShare;

  @Inject
  @ConfigProperty(name = "kassa.monitoring.structuring.window", defaultValue = "P1D")
  java.time.Duration structuringWindow;

  private final Clock clock = Clock.systemUTC();

  /** Assesses a payment; stores and audits the decision, and opens a case for a review. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public GateDecision assess(PaymentContext payment) {
    List<String> reasons = new ArrayList<>();
    GateDecision.Outcome outcome = GateDecision.Outcome.ALLOW;
    Instant now = clock.instant();
    boolean named = payment.payerName() != null && !payment.payerName().isBlank();
    ScreeningSnapshot snapshot = screening.snapshot();
    List<Hit> hits = List.of();
    WhitelistTriage triage = WhitelistTriage.of(List.of(), List.of(), now);
    if (named) {
      hits =
          snapshot
              .screening()
              .search(Query.of(payment.payerName()).withMinScore(reviewScore).withLimit(5));
      triage = WhitelistTriage.of(hits, whitelist.activeFor(payment.subjectRef()), now);
      for (Hit hit : triage.standing()) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "sanctions_hit list=%s entry=%s score=%.3f list_sha256=%s",
                hit.listId(),
                hit.entryId(),
                hit.score(),
                hit.list().sha256().substring(0, 12)));
        outcome =
            worse(
                outcome,
                hit.score() >= blockScore
                    ? GateDecision.Outcome.BLOCK
                    : GateDecision.Outcome.REVIEW);
      }
      // An officer decided these are someone else: said, so the decision explains itself.
      triage
          .whitelisted()
          .forEach(
              (hit, w) ->
                  reasons.add(
                      String.format(
                          Locale.ROOT,
                          "whitelisted_hit list=%s entry=%s score=%.3f wl=%s",
                          hit.listId(),
                          hit.entryId(),
                          hit.score(),
                          w.id())));
    }
    if (payment.country() != null
        && countries().contains(payment.country().toUpperCase(Locale.ROOT))) {
      reasons.add("high_risk_country country=" + payment.country().toUpperCase(Locale.ROOT));
      outcome = worse(outcome, GateDecision.Outcome.REVIEW);
    }
    List<String> monitoring = monitor(payment, now);
    if (!monitoring.isEmpty()) {
      reasons.addAll(monitoring);
      outcome = worse(outcome, GateDecision.Outcome.REVIEW);
    }
    String id = "gd_" + RandomTokens.base62(20);
    String joined = String.join("; ", reasons);
    em.createNativeQuery(
            "INSERT INTO gate_decision (id, payment_ref, outcome, reasons, subject_ref, decided_at,"
                + " amount_minor, currency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, id)
        .setParameter(2, payment.paymentRef())
        .setParameter(3, outcome.name())
        .setParameter(4, joined.length() > 4000 ? joined.substring(0, 4000) : joined)
        .setParameter(5, payment.subjectRef())
        .setParameter(6, now.atOffset(java.time.ZoneOffset.UTC))
        .setParameter(7, payment.amountMinor())
        .setParameter(8, payment.currency())
        .executeUpdate();
    String caseId = null;
    if (outcome == GateDecision.Outcome.REVIEW) {
      boolean sanctionsHit = reasons.stream().anyMatch(r -> r.startsWith("sanctions_hit"));
      ComplianceCase opened =
          ComplianceCase.forPayment(
              "case_" + RandomTokens.base62(20),
              payment.paymentRef(),
              id,
              payment.subjectRef(),
              sanctionsHit,
              now);
      em.persist(opened);
      caseId = opened.id();
    }
    audit.append(
        AuditRecord.of(
                "compliance-gate",
                "gate." + outcome.name().toLowerCase(Locale.ROOT),
                "payment",
                payment.paymentRef(),
                outcome.name().toLowerCase(Locale.ROOT))
            .withSubject(payment.subjectRef())
            .withDetail(
                ("decision=" + id + (caseId == null ? "" : " case=" + caseId) + " " + joined)
                    .trim()));
    // After the trail: its lock is taken before the whitelist's and screened subjects' rows.
    triage.toVoid().forEach((w, why) -> whitelist.voidOnce(w, why, "compliance-gate"));
    if (named && payment.subjectRef() != null) {
      subjects.record(
          payment.subjectRef(), payment.payerName(), payment.country(), snapshot, hits, now);
    }
    return new GateDecision(id, outcome, reasons, caseId);
  }

  /** The monitoring rules on this payment and the same customer's recent ones (not blocked). */
  private List<String> monitor(PaymentContext payment, Instant now) {
    MonitoringPolicy policy = monitoringPolicy();
    List<MonitoredPayment> history = List.of();
    if (payment.subjectRef() != null) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT amount_minor, currency, decided_at FROM gate_decision"
                      + " WHERE subject_ref = ?1 AND decided_at > ?2 AND outcome <> 'BLOCK'"
                      + " AND amount_minor IS NOT NULL")
              .setParameter(1, payment.subjectRef())
              .setParameter(2, now.minus(policy.lookBack()).atOffset(java.time.ZoneOffset.UTC))
              .getResultList();
      history =
          rows.stream()
              .map(
                  r ->
                      new MonitoredPayment(
                          ((Number) r[0]).longValue(), ((String) r[1]).trim(), instant(r[2])))
              .toList();
    }
    return MonitoringRules.evaluate(
        new MonitoredPayment(payment.amountMinor(), payment.currency(), now), history, policy);
  }

  private static Instant instant(Object value) {
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.Instant i) {
      return i;
    }
    throw new IllegalStateException("unexpected time " + value.getClass());
  }

  private MonitoringPolicy monitoringPolicy() {
    java.util.Map<String, Long> large = new java.util.HashMap<>();
    for (String pair : largeAmounts.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        large.put(
            pair.substring(0, eq).trim().toUpperCase(Locale.ROOT),
            Long.parseLong(pair.substring(eq + 1).trim()));
      }
    }
    return new MonitoringPolicy(
        large,
        velocityCount,
        velocityWindow,
        structuringCount,
        structuringShare,
        structuringWindow);
  }

  private Set<String> countries() {
    return reviewCountries
        .filter(s -> !s.isBlank())
        .map(
            s ->
                Arrays.stream(s.split(","))
                    .map(c -> c.trim().toUpperCase(Locale.ROOT))
                    .filter(c -> !c.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()))
        .orElseGet(HighRiskCountries::fatfCallForAction);
  }

  private static GateDecision.Outcome worse(GateDecision.Outcome a, GateDecision.Outcome b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
