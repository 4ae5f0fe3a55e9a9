package org.kassa.compliance.kyc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A data subject's KYC: the tier verified, and the last submission (its tier, status and the
 * identity, sealed). It guards its own steps: a submission under review is decided by an officer
 * before another is taken, and only a submission under review is approved or rejected.
 */
@Entity
@Table(name = "kyc_profile")
public class KycProfile {

  @Id
  @Column(name = "subject_ref", length = 100)
  private String subjectRef;

  @Enumerated(EnumType.STRING)
  @Column(name = "verified_tier", nullable = false, length = 10)
  private KycTier verifiedTier;

  @Enumerated(EnumType.STRING)
  @Column(name = "submitted_tier", length = 10)
  private KycTier submittedTier;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 20)
  private KycStatus status;

  @Column(name = "sealed_identity", length = 4000)
  private String sealedIdentity;

  @Column(name = "review_reasons", length = 2000)
  private String reviewReasons;

  @Column(name = "submitted_at")
  private OffsetDateTime submittedAt;

  @Column(name = "verified_at")
  private OffsetDateTime verifiedAt;

  @Column(name = "reviewed_by", length = 254)
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private OffsetDateTime reviewedAt;

  @Column(name = "erased_at")
  private OffsetDateTime erasedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected KycProfile() {}

  /** A subject with nothing verified yet. */
  public KycProfile(String subjectRef, Instant now) {
    this.subjectRef = Objects.requireNonNull(subjectRef, "subjectRef");
    this.verifiedTier = KycTier.NONE;
    this.createdAt = at(now);
  }

  /**
   * Takes a checked submission, its identity sealed.
   *
   * @throws KycStateException while an earlier one waits for an officer
   */
  public void submit(KycTier tier, String sealedIdentity, Instant now) {
    if (status == KycStatus.PENDING_REVIEW) {
      throw new KycStateException(
          "kyc_under_review", "An earlier submission is waiting for a compliance officer.");
    }
    if (tier == KycTier.NONE) {
      throw new IllegalArgumentException("a submission is for BASIC or FULL");
    }
    this.submittedTier = tier;
    this.sealedIdentity = Objects.requireNonNull(sealedIdentity, "sealedIdentity");
    this.submittedAt = at(now);
    this.reviewReasons = null;
    this.reviewedBy = null;
    this.reviewedAt = null;
    this.erasedAt = null;
    this.status = null;
  }

  /** The submission passed every check (and, for FULL, the screening): its tier is verified. */
  public void verify(Instant now) {
    requireSubmitted();
    this.status = KycStatus.VERIFIED;
    this.verifiedTier = KycTier.max(verifiedTier, submittedTier);
    this.verifiedAt = at(now);
  }

  /** The screening hit a list: an officer decides. */
  public void holdForReview(String reasons) {
    requireSubmitted();
    this.status = KycStatus.PENDING_REVIEW;
    this.reviewReasons =
        reasons == null || reasons.length() <= 2000 ? reasons : reasons.substring(0, 2000);
  }

  /**
   * An officer found the hit to be someone else: the submitted tier is verified.
   *
   * @throws KycStateException if nothing waits for a review
   */
  public void approve(String officer, Instant now) {
    requirePending();
    this.reviewedBy = officer;
    this.reviewedAt = at(now);
    this.status = KycStatus.VERIFIED;
    this.verifiedTier = KycTier.max(verifiedTier, submittedTier);
    this.verifiedAt = at(now);
  }

  /**
   * An officer found the hit to stand: the submitted tier is not verified.
   *
   * @throws KycStateException if nothing waits for a review
   */
  public void reject(String officer, Instant now) {
    requirePending();
    this.reviewedBy = officer;
    this.reviewedAt = at(now);
    this.status = KycStatus.REJECTED;
  }

  /**
   * Blanks the identity (erasure or retention). Nothing then proves the verification, so the
   * subject is verified for no tier any more; the dates, status and reviewer stay, pseudonymous.
   *
   * @return whether there was an identity to blank
   */
  public boolean eraseIdentity(Instant now) {
    boolean had = sealedIdentity != null;
    this.sealedIdentity = null;
    this.verifiedTier = KycTier.NONE;
    if (status == KycStatus.PENDING_REVIEW) {
      this.status = null; // nothing left to review
    }
    this.erasedAt = at(now);
    return had;
  }

  private void requireSubmitted() {
    if (submittedTier == null || status != null) {
      throw new KycStateException("kyc_not_submitted", "There is no new submission to decide.");
    }
  }

  private void requirePending() {
    if (status != KycStatus.PENDING_REVIEW) {
      throw new KycStateException(
          "kyc_not_pending_review", "The subject's KYC is not waiting for a review.");
    }
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  public String subjectRef() {
    return subjectRef;
  }

  public KycTier verifiedTier() {
    return verifiedTier;
  }

  public Optional<KycTier> submittedTier() {
    return Optional.ofNullable(submittedTier);
  }

  public Optional<KycStatus> status() {
    return Optional.ofNullable(status);
  }

  public Optional<String> sealedIdentity() {
    return Optional.ofNullable(sealedIdentity);
  }

  /** Why the submission waits for an officer: list and entry ids and scores, never names. */
  public Optional<String> reviewReasons() {
    return Optional.ofNullable(reviewReasons);
  }

  public Optional<Instant> submittedAt() {
    return Optional.ofNullable(submittedAt).map(OffsetDateTime::toInstant);
  }

  public Optional<Instant> verifiedAt() {
    return Optional.ofNullable(verifiedAt).map(OffsetDateTime::toInstant);
  }

  public Optional<String> reviewedBy() {
    return Optional.ofNullable(reviewedBy);
  }

  public Optional<Instant> reviewedAt() {
    return Optional.ofNullable(reviewedAt).map(OffsetDateTime::toInstant);
  }

  public Optional<Instant> erasedAt() {
    return Optional.ofNullable(erasedAt).map(OffsetDateTime::toInstant);
  }
}
