package org.kassa.compliance.kyc;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.ScreeningIndexHolder;
import org.kassa.compliance.aml.screening.Hit;
import org.kassa.compliance.aml.screening.Query;
import org.kassa.compliance.aml.whitelist.FalsePositiveWhitelist;
import org.kassa.compliance.aml.whitelist.WhitelistTriage;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.gate.HighRiskCountries;
import org.kassa.compliance.privacy.PersonalDataVault;

/**
 * KYC: which tier a payment needs and whether the customer has it, submissions (checked, sealed,
 * for FULL screened: a hit waits for an officer), and officers' reviews. Every submission,
 * verification and review is audited by pseudonymous id only.
 */
@Stateless
public class KycService {

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject private KycSettings settings;
  @Inject private HighRiskCountries highRiskCountries;
  @Inject private PersonalDataVault vault;
  @Inject private ScreeningIndexHolder screening;
  @Inject private FalsePositiveWhitelist whitelist;
  @Inject private AuditTrail audit;

  @Inject
  @ConfigProperty(name = "kassa.gate.review-score", defaultValue = "0.85")
  double reviewScore;

  private final Clock clock = Clock.systemUTC();

  /**
   * The tier the subject must still reach before this payment: NONE when its verified tier is
   * enough. For the hosted page, before it confirms, so that it asks only when needed; the gate
   * decides again with the screening of the payer's name.
   *
   * @param subjectRef the payer's pseudonymous id, or null (then only this payment counts)
   * @param country the payer's country, or null
   */
  public KycTier requiredTier(
      String subjectRef, long amountMinor, String currency, String country) {
    boolean highRisk =
        country != null
            && !country.isBlank()
            && !highRiskCountries.listsHolding(country.trim().toUpperCase(Locale.ROOT)).isEmpty();
    KycTier needed = need(subjectRef, amountMinor, currency, highRisk, false).tier();
    return needed.above(verifiedTier(subjectRef)) ? needed : KycTier.NONE;
  }

  /**
   * What the payment needs, from the subject's earlier payments the gate let through (allowed or
   * held for review; not blocked, not refused for KYC).
   */
  public KycRequirement.Need need(
      String subjectRef,
      long amountMinor,
      String currency,
      boolean highRiskCountry,
      boolean screeningHit) {
    List<KycRequirement.Spent> history = List.of();
    if (subjectRef != null) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT amount_minor, currency FROM gate_decision WHERE subject_ref = ?1"
                      + " AND outcome IN ('ALLOW', 'REVIEW') AND amount_minor IS NOT NULL")
              .setParameter(1, subjectRef)
              .getResultList();
      history =
          rows.stream()
              .map(
                  r ->
                      new KycRequirement.Spent(((Number) r[0]).longValue(), ((String) r[1]).trim()))
              .toList();
    }
    return KycRequirement.tierNeeded(
        settings.policy(), history, amountMinor, currency, highRiskCountry, screeningHit);
  }

  /** The tier the subject has verified; NONE for null or an unknown subject. */
  public KycTier verifiedTier(String subjectRef) {
    return subjectRef == null
        ? KycTier.NONE
        : find(subjectRef).map(KycProfile::verifiedTier).orElse(KycTier.NONE);
  }

  public Optional<KycProfile> find(String subjectRef) {
    return Optional.ofNullable(em.find(KycProfile.class, subjectRef));
  }

  /**
   * Takes a submission: checks it (today's date, UTC), seals the identity under the subject's key,
   * and for FULL screens the whole identity (name, date of birth, issuing country, document
   * number): a hit that no valid whitelisting sets aside waits for an officer, otherwise the tier
   * is verified at once.
   *
   * @param actor who submits, for the trail: {@code shopper}, {@code merchant:<id>}
   * @return the profile: VERIFIED, or PENDING_REVIEW
   * @throws InvalidKycException listing every field that is missing or wrong
   * @throws KycStateException while an earlier submission waits for an officer
   */
  public KycProfile submit(String subjectRef, KycSubmission submission, String actor) {
    Instant now = clock.instant();
    KycChecks.Checked checked =
        KycChecks.check(submission, LocalDate.ofInstant(now, ZoneOffset.UTC));
    if (!checked.valid()) {
      throw new InvalidKycException(checked.errors());
    }
    Identity identity = checked.identity().orElseThrow();
    KycProfile profile = em.find(KycProfile.class, subjectRef, LockModeType.PESSIMISTIC_WRITE);
    if (profile == null) {
      profile = new KycProfile(subjectRef, now);
      em.persist(profile);
    }
    profile.submit(identity.tier(), vault.seal(subjectRef, identity.toJson().toString()), now);
    audit.append(
        AuditRecord.of(actor, "kyc.submitted", "kyc_profile", subjectRef, identity.tier().apiName())
            .withSubject(subjectRef));
    List<Hit> hits =
        identity.tier() == KycTier.FULL ? screen(subjectRef, identity, now) : List.of();
    if (hits.isEmpty()) {
      profile.verify(now);
      audit.append(
          AuditRecord.of("kyc", "kyc.verified", "kyc_profile", subjectRef, "verified")
              .withSubject(subjectRef)
              .withDetail("tier=" + identity.tier().apiName()));
    } else {
      String reasons =
          hits.stream()
              .map(
                  h ->
                      String.format(
                          Locale.ROOT,
                          "sanctions_hit list=%s entry=%s score=%.3f",
                          h.listId(),
                          h.entryId(),
                          h.score()))
              .collect(Collectors.joining("; "));
      profile.holdForReview(reasons);
      audit.append(
          AuditRecord.of("kyc", "kyc.pending_review", "kyc_profile", subjectRef, "pending_review")
              .withSubject(subjectRef)
              .withDetail("tier=" + identity.tier().apiName() + " " + reasons));
    }
    return profile;
  }

  private List<Hit> screen(String subjectRef, Identity identity, Instant now) {
    Identity.Document document = identity.document();
    List<Hit> hits =
        screening
            .screening()
            .search(
                new Query(
                    identity.name(),
                    EntryType.PERSON,
                    identity.dateOfBirth(),
                    document.issuingCountry(),
                    List.of(document.number()),
                    reviewScore,
                    5));
    return WhitelistTriage.of(hits, whitelist.activeFor(subjectRef), now).standing();
  }

  /** The profiles whose last submission has the status, oldest submission first. */
  public List<KycProfile> withStatus(KycStatus status, int limit) {
    return em.createQuery(
            "SELECT p FROM KycProfile p WHERE p.status = :s ORDER BY p.submittedAt, p.subjectRef",
            KycProfile.class)
        .setParameter("s", status)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * An officer approves a submission waiting for review: the screening hit is someone else.
   *
   * @throws KycStateException if none waits
   */
  public KycProfile approve(String subjectRef, String officer) {
    return review(subjectRef, officer, true);
  }

  /**
   * An officer rejects a submission waiting for review: its tier is not verified.
   *
   * @throws KycStateException if none waits
   */
  public KycProfile reject(String subjectRef, String officer) {
    return review(subjectRef, officer, false);
  }

  private KycProfile review(String subjectRef, String officer, boolean approved) {
    KycProfile profile = em.find(KycProfile.class, subjectRef, LockModeType.PESSIMISTIC_WRITE);
    if (profile == null) {
      throw new KycStateException(
          "kyc_not_pending_review", "The subject's KYC is not waiting for a review.");
    }
    Instant now = clock.instant();
    if (approved) {
      profile.approve(officer, now);
    } else {
      profile.reject(officer, now);
    }
    audit.append(
        AuditRecord.of(
                officer,
                approved ? "kyc.approved" : "kyc.rejected",
                "kyc_profile",
                subjectRef,
                approved ? "verified" : "rejected")
            .withSubject(subjectRef)
            .withDetail("tier=" + profile.submittedTier().map(KycTier::apiName).orElse("none")));
    return profile;
  }

  /** The identity submitted, opened; empty once erased. */
  public Optional<Identity> identity(KycProfile profile) {
    return profile
        .sealedIdentity()
        .flatMap(text -> vault.open(profile.subjectRef(), text))
        .map(Identity::fromJson);
  }
}
