package org.kassa.compliance.aml.screening;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kassa.compliance.aml.ListedEntry;

/**
 * A listed entry that matched a query, with everything needed to explain why.
 *
 * @param entry the listed entry
 * @param list the list and its version
 * @param name the comparison of the query's name with the entry's best-scoring name or alias
 * @param adjustments what else changed the score (date of birth, country, identifier), in order
 * @param score the final score, 0..1: the name score plus the adjustments, bounded; 1 for an
 *     identifier match
 */
public record Hit(
    ListedEntry entry, ListInfo list, NameMatch name, List<Adjustment> adjustments, double score) {

  public Hit {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(name, "name");
    adjustments = List.copyOf(adjustments);
  }

  public String listId() {
    return entry.listId();
  }

  public String entryId() {
    return entry.entryId();
  }

  /** A few lines for a log, a console or an officer: what matched and how the score was made. */
  public String explain() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%s %s (%s) score %.3f%n",
            listId(),
            entryId(),
            entry.type().apiName(),
            score));
    text.append(
        String.format(
            Locale.ROOT,
            "  list: %s, published %s, sha256 %s%n",
            list.source(),
            list.published() == null ? "-" : list.published(),
            list.sha256()));
    text.append(
        String.format(
            Locale.ROOT,
            "  %s \"%s\" as [%s], query as [%s]: name score %.3f by %s%n",
            name.alias() ? "alias" : "name",
            name.listedName(),
            name.normalizedListed(),
            name.normalizedQuery(),
            name.score(),
            name.method().name().toLowerCase(Locale.ROOT)));
    for (TokenPair pair : name.tokens()) {
      text.append(
          String.format(
              Locale.ROOT,
              "    %-16s ~ %-16s %.3f%s (weight %.2f)%n",
              pair.queryToken() == null ? "-" : pair.queryToken(),
              pair.listedToken() == null ? "-" : pair.listedToken(),
              pair.similarity(),
              pair.byConsonants() ? " by consonants" : "",
              pair.weight()));
    }
    for (Adjustment adjustment : adjustments) {
      text.append(
          String.format(Locale.ROOT, "  %+.3f %s%n", adjustment.delta(), adjustment.reason()));
    }
    return text.toString();
  }
}
