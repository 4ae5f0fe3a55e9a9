package org.kassa.compliance.aml.screening;

import java.util.List;
import java.util.Objects;

/**
 * How the query's name compared with the one listed name that scored best for an entry.
 *
 * @param listedName the primary name or alias as the list writes it
 * @param alias true when it is an alias, not the primary name
 * @param normalizedListed its tokens, e.g. {@code hussein saddam}
 * @param normalizedQuery the query's tokens as compared with it
 * @param method whether the score came from aligned tokens or from the names joined into one word
 * @param tokens every token of both sides: the aligned pairs, then the tokens left unmatched
 * @param score the name score, 0..1, before any adjustment
 */
public record NameMatch(
    String listedName,
    boolean alias,
    String normalizedListed,
    String normalizedQuery,
    Method method,
    List<TokenPair> tokens,
    double score) {

  /** How a name score was reached. */
  public enum Method {
    /** Tokens aligned one to one in the best order, each pair scored by Jaro-Winkler. */
    TOKENS,
    /**
     * Both names with their spaces removed, compared by edit distance: catches names written in a
     * different number of words ({@code XI Jin Ping} and {@code XI Jinping}, {@code ABDUL RAHMAN}
     * and {@code ABDULRAHMAN}).
     */
    JOINED
  }

  public NameMatch {
    Objects.requireNonNull(listedName, "listedName");
    Objects.requireNonNull(method, "method");
    tokens = List.copyOf(tokens);
  }
}
