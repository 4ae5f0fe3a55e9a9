package org.kassa.compliance.gate;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kassa.compliance.aml.screening.Hit;
import org.kassa.compliance.aml.whitelist.EntryFingerprint;

/**
 * A hit already known for a subject: the listed entry, as it was listed when the hit was seen (its
 * fingerprint). The same entry listed differently since is not known: who it designates changed, so
 * an officer looks again.
 */
public record KnownHit(String listId, String entryId, String entryFingerprint) {

  public KnownHit {
    Objects.requireNonNull(listId, "listId");
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(entryFingerprint, "entryFingerprint");
  }

  public static KnownHit of(Hit hit) {
    return new KnownHit(hit.listId(), hit.entryId(), EntryFingerprint.of(hit.entry()));
  }

  /** The hits among {@code hits} not in {@code known}, in their order. */
  public static List<Hit> newHits(Collection<Hit> hits, Set<KnownHit> known) {
    return hits.stream().filter(h -> !known.contains(of(h))).toList();
  }
}
