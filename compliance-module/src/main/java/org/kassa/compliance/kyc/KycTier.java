package org.kassa.compliance.kyc;

import java.util.Locale;

/** How far a customer's identity is verified, in increasing order. */
public enum KycTier {
  /** Nothing verified. */
  NONE,
  /** Name, date of birth (an adult) and address, checked for consistency. */
  BASIC,
  /** BASIC and an identity document, and a sanctions screen of the whole identity. */
  FULL;

  /** The lower-case name used in the API, reasons and page: {@code none}, {@code basic}, ... */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this tier is more than the other. */
  public boolean above(KycTier other) {
    return compareTo(other) > 0;
  }

  /** The higher of the two. */
  public static KycTier max(KycTier a, KycTier b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * The tier of an API name.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static KycTier ofApiName(String name) {
    for (KycTier t : values()) {
      if (t.apiName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("not a KYC tier: " + name);
  }
}
