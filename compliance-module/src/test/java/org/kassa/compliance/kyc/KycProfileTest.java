package org.kassa.compliance.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A profile's steps: verified at once, or reviewed by an officer; erasure. */
class KycProfileTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void aCleanSubmissionVerifiesItsTier() {
    KycProfile p = new KycProfile("sub_a", T0);
    assertThat(p.verifiedTier()).isEqualTo(KycTier.NONE);
    p.submit(KycTier.BASIC, "pd1:k:x", T0);
    p.verify(T0);
    assertThat(p.verifiedTier()).isEqualTo(KycTier.BASIC);
    assertThat(p.status()).contains(KycStatus.VERIFIED);
  }

  @Test
  void aHitWaitsForAnOfficerAndKeepsTheTierVerifiedBefore() {
    KycProfile p = new KycProfile("sub_a", T0);
    p.submit(KycTier.BASIC, "pd1:k:x", T0);
    p.verify(T0);
    p.submit(KycTier.FULL, "pd1:k:y", T0);
    p.holdForReview("sanctions_hit list=l entry=e score=0.900");
    assertThat(p.status()).contains(KycStatus.PENDING_REVIEW);
    assertThat(p.verifiedTier()).isEqualTo(KycTier.BASIC);
    assertThatThrownBy(() -> p.submit(KycTier.FULL, "pd1:k:z", T0))
        .isInstanceOf(KycStateException.class)
        .extracting(e -> ((KycStateException) e).code())
        .isEqualTo("kyc_under_review");
    p.approve("officer@kassa.test", T0.plusSeconds(60));
    assertThat(p.verifiedTier()).isEqualTo(KycTier.FULL);
    assertThat(p.reviewedBy()).contains("officer@kassa.test");
    assertThatThrownBy(() -> p.approve("officer@kassa.test", T0))
        .isInstanceOf(KycStateException.class);
  }

  @Test
  void aRejectedSubmissionVerifiesNothingAndMaySubmitAgain() {
    KycProfile p = new KycProfile("sub_a", T0);
    p.submit(KycTier.FULL, "pd1:k:y", T0);
    p.holdForReview("sanctions_hit");
    p.reject("officer@kassa.test", T0);
    assertThat(p.status()).contains(KycStatus.REJECTED);
    assertThat(p.verifiedTier()).isEqualTo(KycTier.NONE);
    assertThatThrownBy(() -> p.reject("officer@kassa.test", T0))
        .isInstanceOf(KycStateException.class);
    p.submit(KycTier.FULL, "pd1:k:z", T0);
    assertThat(p.status()).isEmpty();
  }

  @Test
  void erasureBlanksTheIdentityAndTheVerification() {
    KycProfile p = new KycProfile("sub_a", T0);
    p.submit(KycTier.BASIC, "pd1:k:x", T0);
    p.verify(T0);
    assertThat(p.eraseIdentity(T0)).isTrue();
    assertThat(p.sealedIdentity()).isEmpty();
    assertThat(p.verifiedTier()).isEqualTo(KycTier.NONE);
    assertThat(p.eraseIdentity(T0)).isFalse();
  }
}
