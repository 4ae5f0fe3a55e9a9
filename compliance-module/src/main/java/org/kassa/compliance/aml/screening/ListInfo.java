package org.kassa.compliance.aml.screening;

import java.time.LocalDate;
import java.util.Objects;
import org.kassa.compliance.aml.SanctionsList;

/**
 * Which list, in which version, a hit comes from.
 *
 * @param listId e.g. {@code ofac-sdn}
 * @param source e.g. {@code OFAC SDN (CSV)}
 * @param published the date the file states, or null
 * @param sha256 the hash of the file that was loaded: the version when no date is given
 * @param entries how many entries the list has
 */
public record ListInfo(
    String listId, String source, LocalDate published, String sha256, int entries) {

  public ListInfo {
    Objects.requireNonNull(listId, "listId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
  }

  static ListInfo of(SanctionsList list) {
    return new ListInfo(list.listId(), list.source(), list.published(), list.sha256(), list.size());
  }
}
