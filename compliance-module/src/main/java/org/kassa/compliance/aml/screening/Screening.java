package org.kassa.compliance.aml.screening;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListedEntry;

/**
 * Screens names against the current {@link ScreeningIndex}. Thread-safe: each search reads the
 * index once, so a search running while {@link #replaceIndex} swaps in a refreshed one finishes on
 * the index it started with.
 *
 * <p>A search scores the names sharing a blocking key with the query ({@link NameScorer} explains
 * the name score), keeps each entry's best name, then adjusts: a date of birth that agrees adds a
 * little and one that contradicts takes away ({@link ScoringPolicy}), a country the entry names
 * adds a little, and an identifier equal to one of the entry's makes the score 1 whatever the name.
 * A known query type excludes entries of another known type. Hits are ordered by score, then list
 * id, then entry id, so the same index and query always give the same answer.
 */
public final class Screening {

  /** The order of hits: score descending, then list id, then entry id. */
  public static final Comparator<Hit> ORDER =
      Comparator.comparingDouble(Hit::score)
          .reversed()
          .thenComparing(Hit::listId)
          .thenComparing(Hit::entryId);

  private volatile ScreeningIndex index;
  private final ScoringPolicy policy;
  private final NameScorer scorer;

  public Screening(ScreeningIndex index) {
    this(index, ScoringPolicy.DEFAULT);
  }

  public Screening(ScreeningIndex index, ScoringPolicy policy) {
    this.index = Objects.requireNonNull(index, "index");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.scorer = new NameScorer(policy);
  }

  /** The index searches run on now. */
  public ScreeningIndex index() {
    return index;
  }

  /** Makes later searches run on {@code next}; searches already running finish on the old one. */
  public void replaceIndex(ScreeningIndex next) {
    index = Objects.requireNonNull(next, "next");
  }

  public ScoringPolicy policy() {
    return policy;
  }

  /** The hits for {@code query}, best first, at most {@link Query#limit()}. */
  public List<Hit> search(Query query) {
    return search(query, false);
  }

  /**
   * The same search without blocking: every indexed name is scored. Far slower; it is the reference
   * the blocking keys are measured against (tests and benchmark), not a production path.
   */
  public List<Hit> searchExhaustive(Query query) {
    return search(query, true);
  }

  /** The ids of the indexed names a search for {@code name} scores: for measuring the blocking. */
  BitSet candidates(String name) {
    ScreeningIndex current = index;
    return current.candidates(new QueryName(current, name).untyped());
  }

  private List<Hit> search(Query query, boolean exhaustive) {
    Objects.requireNonNull(query, "query");
    ScreeningIndex current = index;
    QueryName name = new QueryName(current, query.name());

    BitSet candidates;
    if (exhaustive) {
      candidates = new BitSet(current.nameCount());
      candidates.set(0, current.nameCount());
    } else {
      candidates = current.candidates(name.untyped());
    }
    Map<Integer, String[]> identifierMatches = identifierMatches(current, query);
    List<Integer> identifierOnly = new ArrayList<>();
    for (int e : identifierMatches.keySet()) {
      if (current.firstNameOf(e) == current.endNameOf(e)) {
        identifierOnly.add(e); // an entry without a usable name still hits by identifier
      } else {
        candidates.set(current.firstNameOf(e), current.endNameOf(e));
      }
    }

    List<Hit> hits = new ArrayList<>();
    double maxBonus = policy.dobExactBonus() + policy.countryBonus();
    int entry = -1;
    int bestName = -1;
    double bestScore = -1;
    for (int id = candidates.nextSetBit(0); ; id = candidates.nextSetBit(id + 1)) {
      int e = id < 0 ? -1 : current.entryOfName(id);
      if (e != entry) {
        if (entry >= 0
            && (bestScore + maxBonus >= query.minScore() || identifierMatches.containsKey(entry))) {
          hit(current, query, name, entry, bestName, identifierMatches.get(entry))
              .ifPresent(hits::add);
        }
        entry = e;
        bestName = -1;
        bestScore = -1;
      }
      if (id < 0) {
        break;
      }
      EntryType type = current.entry(e).type();
      if (excluded(query.type(), type)) {
        continue;
      }
      double score = 0;
      for (PreparedName variant : name.forType(type)) {
        score = Math.max(score, scorer.score(variant, current.name(id)));
      }
      if (score > bestScore) {
        bestScore = score;
        bestName = id;
      }
    }
    for (int e : identifierOnly) {
      hit(current, query, name, e, -1, identifierMatches.get(e)).ifPresent(hits::add);
    }
    hits.sort(ORDER);
    return hits.size() > query.limit() ? List.copyOf(hits.subList(0, query.limit())) : hits;
  }

  private Optional<Hit> hit(
      ScreeningIndex current,
      Query query,
      QueryName name,
      int e,
      int nameId,
      String[] identifierMatch) {
    ListedEntry entry = current.entry(e);
    if (excluded(query.type(), entry.type())) {
      return Optional.empty();
    }
    NameMatch match;
    if (nameId >= 0) {
      PreparedName listed = current.name(nameId);
      PreparedName best = null;
      double bestScore = -1;
      for (PreparedName variant : name.forType(entry.type())) {
        double score = scorer.score(variant, listed);
        if (score > bestScore) {
          bestScore = score;
          best = variant;
        }
      }
      match = scorer.explain(best, listed, current.isAlias(nameId));
    } else {
      match =
          new NameMatch(
              entry.name(),
              false,
              "",
              name.forType(entry.type()).get(0).name.text(),
              NameMatch.Method.TOKENS,
              List.of(),
              0);
    }
    List<Adjustment> adjustments = new ArrayList<>();
    double score = match.score();
    Optional<Adjustment> dob = Evidence.dateOfBirth(query.dateOfBirth(), entry, policy);
    if (dob.isPresent()) {
      adjustments.add(dob.get());
      score += dob.get().delta();
    }
    Optional<Adjustment> country = Evidence.country(query.country(), entry, policy);
    if (country.isPresent()) {
      adjustments.add(country.get());
      score += country.get().delta();
    }
    score = Math.max(0, Math.min(1, score));
    if (identifierMatch != null) {
      adjustments.add(
          new Adjustment(
              Adjustment.Kind.IDENTIFIER,
              1 - score,
              identifierMatch[0] + " equals the query's " + identifierMatch[1]));
      score = 1;
    }
    if (score < query.minScore()) {
      return Optional.empty();
    }
    return Optional.of(new Hit(entry, current.listOf(e), match, adjustments, score));
  }

  /** Entry index to {listed identifier described, query value}. */
  private static Map<Integer, String[]> identifierMatches(ScreeningIndex current, Query query) {
    Map<Integer, String[]> matches = new HashMap<>();
    for (String value : query.identifiers()) {
      String normalized = ScreeningIndex.normalizeIdentifier(value);
      if (normalized.length() < ScreeningIndex.MIN_IDENTIFIER_LENGTH) {
        continue;
      }
      for (int e : current.entriesWithIdentifier(normalized)) {
        for (Identifier listed : current.entry(e).identifiers()) {
          if (ScreeningIndex.normalizeIdentifier(listed.value()).equals(normalized)) {
            String described =
                listed.type()
                    + " "
                    + listed.value()
                    + (listed.country() == null ? "" : " (" + listed.country() + ")");
            matches.putIfAbsent(e, new String[] {described, value});
            break;
          }
        }
      }
    }
    return matches;
  }

  /** A known type never matches another known type: a person is not a vessel. */
  static boolean excluded(EntryType queryType, EntryType listedType) {
    return queryType != null
        && queryType != EntryType.UNKNOWN
        && listedType != EntryType.UNKNOWN
        && queryType != listedType;
  }

  /**
   * The query's name tokenized once and, per listed type, with that type's noise words dropped, so
   * that both sides of a comparison were normalized alike; each in its variants (compound names
   * apart and joined), the best of which counts.
   */
  private static final class QueryName {
    private final ScreeningIndex index;
    private final String written;
    private final List<NameToken> tokens;
    private final Map<EntryType, List<PreparedName>> byType = new EnumMap<>(EntryType.class);

    QueryName(ScreeningIndex index, String written) {
      this.index = index;
      this.written = written;
      this.tokens = index.normalizer().tokenize(written);
    }

    /** Every token, nothing dropped: the blocking keys come from these. */
    List<PreparedName> untyped() {
      return prepare(tokens);
    }

    List<PreparedName> forType(EntryType type) {
      return byType.computeIfAbsent(
          type, t -> prepare(index.normalizer().withoutNoiseWords(tokens, t)));
    }

    private List<PreparedName> prepare(List<NameToken> plain) {
      List<NameToken> joined = NameNormalizer.joinCompounds(plain);
      PreparedName first = index.prepareQuery(new NormalizedName(written, plain));
      return joined.equals(plain)
          ? List.of(first)
          : List.of(first, index.prepareQuery(new NormalizedName(written, joined)));
    }
  }
}
