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
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.aml.ScreeningIndexHolder;
import org.kassa.compliance.aml.ScreeningSnapshot;
import org.kassa.compliance.aml.monitoring.MonitoredPayment;
import org.kassa.compliance.aml.monitoring.MonitoringPolicy;
import org.kassa.compliance.aml.monitoring.MonitoringRules;
import org.kassa.compliance.aml.monitoring.MonitoringSettings;
import org.kassa.compliance.aml.screening.Hit;
import org.kassa.compliance.aml.screening.Query;
import org.kassa.compliance.aml.whitelist.FalsePositiveWhitelist;
import org.kassa.compliance.aml.whitelist.WhitelistTriage;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.kyc.KycRequirement;
import org.kassa.compliance.kyc.KycService;
import org.kassa.compliance.kyc.KycTier;
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
 *       kassa.gate.review-score} (0.85) holds the payment for review.
 *   <li>{@code high_risk_country}: a payer whose billing country or card's issuing country is on a
 *       list {@link HighRiskCountries} holds (the FATF's call-for-action list and the EU's
 *       high-risk third countries by default) is held for review.
 *   <li>Transaction monitoring ({@link MonitoringRules}, configured by {@link MonitoringSettings})
 *       on the recent payments of the same customer, card or IP address: {@code large_amount},
 *       {@code velocity} and {@code velocity_amount} per customer, card and IP address, {@code
 *       structuring} and {@code country_mismatch}; a hit holds the payment for review.
 *   <li>{@code kyc_required}: the payer's verified KYC tier is below what the payment needs ({@link
 *       KycService#need}: cumulative amount, a high-risk country, a screening hit at review level);
 *       unless it is blocked, the payment fails before any gateway call (KYC_REQUIRED) and the
 *       payer verifies first. Alerts are raised, but no case holds a payment that failed.
 * </ul>
 *
 * Every rule hit is an alert ({@link ComplianceCases#raise}); the rules in {@code
 * kassa.gate.alert-only-rules} (none by default; never {@code sanctions_hit}) raise alerts without
 * holding the payment.
 *
 * <p>Reasons name rule ids, list ids, entry ids, scores and list versions, never the payer's name.
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
  @ConfigProperty(name = "kassa.gate.alert-only-rules", defaultValue = " ")
  String alertOnlyRules;

  @Inject private HighRiskCountries highRiskCountries;
  @Inject private MonitoringSettings monitoring;
  @Inject private ComplianceCases cases;
  @Inject private KycService kyc;

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
    Set<String> alertOnly = alertOnly();
    List<String> rules = new ArrayList<>(highRisk(payment));
    rules.addAll(monitor(payment, now));
    reasons.addAll(rules);
    if (rules.stream().anyMatch(r -> !alertOnly.contains(Alert.ruleOf(r)))) {
      outcome = worse(outcome, GateDecision.Outcome.REVIEW);
    }
    List<String> alerts = List.copyOf(reasons);
    KycTier kycRequired = KycTier.NONE;
    if (outcome != GateDecision.Outcome.BLOCK) {
      KycRequirement.Need need =
          kyc.need(
              payment.subjectRef(),
              payment.amountMinor(),
              payment.currency(),
              rules.stream().anyMatch(r -> r.startsWith("high_risk_country ")),
              !triage.standing().isEmpty());
      KycTier verified = kyc.verifiedTier(payment.subjectRef());
      if (need.tier().above(verified)) {
        kycRequired = need.tier();
        outcome = GateDecision.Outcome.KYC_REQUIRED;
        reasons.add(
            "kyc_required tier="
                + need.tier().apiName()
                + " verified="
                + verified.apiName()
                + " ("
                + String.join(", ", need.reasons())
                + ")");
      }
    }
    String id = "gd_" + RandomTokens.base62(20);
    String joined = String.join("; ", reasons);
    em.createNativeQuery(
            "INSERT INTO gate_decision (id, payment_ref, outcome, reasons, subject_ref, decided_at,"
                + " amount_minor, currency, card_fingerprint, ip_ref)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        .setParameter(1, id)
        .setParameter(2, payment.paymentRef())
        .setParameter(3, outcome.name())
        .setParameter(4, joined.length() > 4000 ? joined.substring(0, 4000) : joined)
        .setParameter(5, payment.subjectRef())
        .setParameter(6, now.atOffset(java.time.ZoneOffset.UTC))
        .setParameter(7, payment.amountMinor())
        .setParameter(8, payment.currency())
        .setParameter(9, payment.cardFingerprint())
        .setParameter(10, payment.ipRef())
        .executeUpdate();
    String caseId =
        cases.raise(id, payment, alerts, outcome == GateDecision.Outcome.REVIEW, alertOnly, now);
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
    return new GateDecision(id, outcome, reasons, caseId, kycRequired);
  }

  /** The lists that hold the payer's billing country and the card's issuing country. */
  private List<String> highRisk(PaymentContext payment) {
    List<String> hits = new ArrayList<>();
    String billing = upper(payment.country());
    String card = upper(payment.cardCountry());
    for (String country : new java.util.LinkedHashSet<>(Arrays.asList(billing, card))) {
      List<String> lists = highRiskCountries.listsHolding(country);
      if (country != null && !lists.isEmpty()) {
        String of =
            country.equals(billing) ? (country.equals(card) ? "billing,card" : "billing") : "card";
        hits.add(
            "high_risk_country country="
                + country
                + " of="
                + of
                + " lists="
                + String.join(",", lists));
      }
    }
    return hits;
  }

  private static String upper(String country) {
    return country == null || country.isBlank() ? null : country.trim().toUpperCase(Locale.ROOT);
  }

  /**
   * The monitoring rules on this payment and the recent ones (not blocked, not refused for KYC) of
   * the same customer, card or IP address.
   */
  private List<String> monitor(PaymentContext payment, Instant now) {
    MonitoringPolicy policy = monitoring.policy();
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    if (payment.subjectRef() != null) {
      keys.add("subject_ref");
      values.add(payment.subjectRef());
    }
    if (payment.cardFingerprint() != null) {
      keys.add("card_fingerprint");
      values.add(payment.cardFingerprint());
    }
    if (payment.ipRef() != null) {
      keys.add("ip_ref");
      values.add(payment.ipRef());
    }
    List<MonitoredPayment> history = List.of();
    if (!keys.isEmpty()) {
      StringBuilder any = new StringBuilder();
      for (int i = 0; i < keys.size(); i++) {
        any.append(i == 0 ? "" : " OR ").append(keys.get(i)).append(" = ?").append(i + 2);
      }
      jakarta.persistence.Query query =
          em.createNativeQuery(
                  "SELECT amount_minor, currency, decided_at, subject_ref, card_fingerprint, ip_ref"
                      + " FROM gate_decision WHERE decided_at > ?1"
                      + " AND outcome IN ('ALLOW', 'REVIEW')"
                      + " AND amount_minor IS NOT NULL AND ("
                      + any
                      + ")")
              .setParameter(1, now.minus(policy.lookBack()).atOffset(java.time.ZoneOffset.UTC));
      for (int i = 0; i < values.size(); i++) {
        query.setParameter(i + 2, values.get(i));
      }
      @SuppressWarnings("unchecked")
      List<Object[]> rows = query.getResultList();
      history =
          rows.stream()
              .map(
                  r ->
                      new MonitoredPayment(
                          ((Number) r[0]).longValue(),
                          ((String) r[1]).trim(),
                          instant(r[2]),
                          (String) r[3],
                          (String) r[4],
                          (String) r[5],
                          null,
                          null))
              .toList();
    }
    return MonitoringRules.evaluate(
        new MonitoredPayment(
            payment.amountMinor(),
            payment.currency(),
            now,
            payment.subjectRef(),
            payment.cardFingerprint(),
            payment.ipRef(),
            upper(payment.country()),
            upper(payment.cardCountry())),
        history,
        policy);
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

  private Set<String> alertOnly() {
    return Arrays.stream(alertOnlyRules.split(","))
        .map(String::trim)
        .filter(r -> !r.isEmpty() && !r.equals(Alert.SANCTIONS_HIT))
        .collect(Collectors.toUnmodifiableSet());
  }

  private static GateDecision.Outcome worse(GateDecision.Outcome a, GateDecision.Outcome b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
