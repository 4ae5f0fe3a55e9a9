package org.kassa.compliance.kyc;

import java.util.Locale;
import java.util.Optional;

/** Where a customer's last KYC submission stands. */
public enum KycStatus {
  /** Checked and, for FULL, screened without a hit: its tier is verified. */
  VERIFIED,
  /** A FULL identity whose screening hit a list: an officer approves or rejects it. */
  PENDING_REVIEW,
  /** An officer rejected it: the tier is not verified. */
  REJECTED;

  /** {@code verified}, {@code pending_review}, {@code rejected}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<KycStatus> ofApiName(String name) {
    for (KycStatus s : values()) {
      if (s.apiName().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
