package org.kassa.payment.dispute;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A dispute's states.
 *
 * <pre>
 * needs_response  under_review, won, lost
 * under_review    won, lost
 * won, lost       final
 * </pre>
 */
public enum DisputeStatus {
  NEEDS_RESPONSE,
  UNDER_REVIEW,
  WON,
  LOST;

  public Set<DisputeStatus> next() {
    return switch (this) {
      case NEEDS_RESPONSE -> EnumSet.of(UNDER_REVIEW, WON, LOST);
      case UNDER_REVIEW -> EnumSet.of(WON, LOST);
      case WON, LOST -> EnumSet.noneOf(DisputeStatus.class);
    };
  }

  public boolean isClosed() {
    return this == WON || this == LOST;
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status a gateway names, in Kassa's words ({@code needs_response}, ...). */
  public static Optional<DisputeStatus> fromApiName(String name) {
    for (DisputeStatus s : values()) {
      if (s.apiName().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
