package org.kassa.compliance.aml;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.kassa.compliance.aml.screening.Screening;

/**
 * One index as a node screens with it, and which list versions it was built from: what a screening
 * and the record of it must agree on.
 *
 * @param screening the matcher over the index
 * @param versionsKey the SHA-256 of the sorted ids of the list versions indexed: two nodes screen
 *     alike when their keys are equal
 * @param newestLoad when the newest of those versions was loaded (the epoch for none): an index
 *     with an older one is behind, and never re-screens what a newer one screened
 */
public record ScreeningSnapshot(Screening screening, String versionsKey, Instant newestLoad) {

  public ScreeningSnapshot {
    Objects.requireNonNull(screening, "screening");
    Objects.requireNonNull(versionsKey, "versionsKey");
    Objects.requireNonNull(newestLoad, "newestLoad");
  }

  /** A listed entry as indexed now. */
  public Optional<ListedEntry> entry(String listId, String entryId) {
    return screening.index().find(listId, entryId);
  }
}
