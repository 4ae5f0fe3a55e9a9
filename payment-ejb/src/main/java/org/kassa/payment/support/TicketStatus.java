package org.kassa.payment.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where a ticket stands: open until the merchant answered it, closed for good. */
public enum TicketStatus {
  OPEN,
  ANSWERED,
  CLOSED;

  /** The statuses a ticket in this one may move to. */
  public Set<TicketStatus> next() {
    return switch (this) {
      case OPEN -> Set.of(ANSWERED, CLOSED);
      case ANSWERED -> Set.of(CLOSED);
      case CLOSED -> Set.of();
    };
  }

  /** The name the API uses, e.g. {@code open}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TicketStatus> fromApiName(String name) {
    return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst();
  }
}
