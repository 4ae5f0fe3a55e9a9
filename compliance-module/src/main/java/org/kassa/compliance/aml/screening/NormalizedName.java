package org.kassa.compliance.aml.screening;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A name as written and the tokens the matcher compares.
 *
 * @param written the name as the list or the caller wrote it
 * @param tokens in written order; empty when nothing comparable is left
 */
public record NormalizedName(String written, List<NameToken> tokens) {
  public NormalizedName {
    Objects.requireNonNull(written, "written");
    tokens = List.copyOf(tokens);
  }

  /** The tokens joined by single spaces, e.g. {@code saddam hussein al tikriti}. */
  public String text() {
    return tokens.stream().map(NameToken::text).collect(Collectors.joining(" "));
  }

  public boolean isEmpty() {
    return tokens.isEmpty();
  }
}
