package org.kassa.compliance.aml.screening;

import java.time.LocalDate;
import java.util.List;
import org.kassa.compliance.aml.EntryType;

/**
 * What to screen.
 *
 * @param name the name as the caller has it, in any script; may be blank when identifiers are given
 * @param type what is screened, or null when unknown: a known type excludes entries of another
 *     known type (a person never hits a vessel)
 * @param dateOfBirth the person's date of birth, or null
 * @param country a country name or ISO 3166 alpha-2 code the caller associates with the name, or
 *     null
 * @param identifiers passport, national id, IMO or other numbers, matched exactly (spaces and
 *     punctuation ignored)
 * @param minScore hits scoring less are not returned, 0..1
 * @param limit at most this many hits are returned, 1..{@value #MAX_LIMIT}
 */
public record Query(
    String name,
    EntryType type,
    LocalDate dateOfBirth,
    String country,
    List<String> identifiers,
    double minScore,
    int limit) {

  /** The largest {@link #limit} accepted. */
  public static final int MAX_LIMIT = 1000;

  /** The minimum score of {@link #of(String)}. */
  public static final double DEFAULT_MIN_SCORE = 0.85;

  /** The limit of {@link #of(String)}. */
  public static final int DEFAULT_LIMIT = 10;

  public Query {
    name = name == null ? "" : name;
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    if (name.isBlank() && identifiers.stream().allMatch(String::isBlank)) {
      throw new IllegalArgumentException("a query needs a name or an identifier");
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be within 0..1, was " + minScore);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", was " + limit);
    }
  }

  /** A name of unknown type, with the default minimum score and limit. */
  public static Query of(String name) {
    return new Query(name, null, null, null, List.of(), DEFAULT_MIN_SCORE, DEFAULT_LIMIT);
  }

  /** Identifiers alone, no name, with the default minimum score and limit. */
  public static Query ofIdentifiers(List<String> identifiers) {
    return new Query("", null, null, null, identifiers, DEFAULT_MIN_SCORE, DEFAULT_LIMIT);
  }

  public Query withType(EntryType type) {
    return new Query(name, type, dateOfBirth, country, identifiers, minScore, limit);
  }

  public Query withDateOfBirth(LocalDate dateOfBirth) {
    return new Query(name, type, dateOfBirth, country, identifiers, minScore, limit);
  }

  public Query withCountry(String country) {
    return new Query(name, type, dateOfBirth, country, identifiers, minScore, limit);
  }

  public Query withIdentifiers(List<String> identifiers) {
    return new Query(name, type, dateOfBirth, country, identifiers, minScore, limit);
  }

  public Query withMinScore(double minScore) {
    return new Query(name, type, dateOfBirth, country, identifiers, minScore, limit);
  }

  public Query withLimit(int limit) {
    return new Query(name, type, dateOfBirth, country, identifiers, minScore, limit);
  }
}
