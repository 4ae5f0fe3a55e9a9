package org.kassa.compliance.aml;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A sanctions list as loaded from one official file.
 *
 * @param listId e.g. {@code ofac-sdn}
 * @param source a human name of the source, e.g. {@code OFAC SDN (CSV)}
 * @param published the publication date the file states, or null when it states none
 * @param sha256 the hex SHA-256 of the file's bytes (of all files, in order, for a set)
 * @param entries the entries, in file order
 */
public record SanctionsList(
    String listId, String source, LocalDate published, String sha256, List<ListedEntry> entries) {

  public SanctionsList {
    Objects.requireNonNull(listId, "listId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
    entries = List.copyOf(entries);
  }

  public int size() {
    return entries.size();
  }
}
