package org.kassa.payment.webhook;

import java.util.Locale;

/** Where one event's delivery to one endpoint stands. */
public enum DeliveryStatus {
  /** Waiting for its next attempt, due at {@code next_attempt_at}. */
  PENDING,
  /** Claimed by a node that is posting it; the claim lapses at {@code next_attempt_at}. */
  SENDING,
  /** The endpoint answered 2xx. */
  DELIVERED,
  /** Every attempt failed, for the whole retry window. */
  FAILED,
  /** The endpoint was disabled before the event reached it. */
  CANCELED;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether nothing more happens to it unless the merchant replays it. */
  public boolean settled() {
    return this == DELIVERED || this == FAILED || this == CANCELED;
  }
}
