package org.kassa.compliance.aml.screening;

import java.util.Objects;

/**
 * A change made to a hit's name score by something other than the name.
 *
 * @param kind what was compared
 * @param delta what it added (negative: took away); for an identifier, what lifted the score to 1
 * @param reason what agreed or contradicted, e.g. {@code date of birth 1948-12-10 agrees}
 */
public record Adjustment(Kind kind, double delta, String reason) {

  /** What an adjustment compared. */
  public enum Kind {
    DATE_OF_BIRTH,
    COUNTRY,
    IDENTIFIER
  }

  public Adjustment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
