package org.kassa.compliance.aml.whitelist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kassa.compliance.aml.screening.Hit;

/**
 * Sorts a subject's screening hits by its whitelistings: a hit on an entry the subject is validly
 * whitelisted for is set aside; every other hit stands. A whitelisting that no longer holds
 * (expired, or its entry changed) is reported to be voided, and never sets a hit aside.
 *
 * @param standing the hits that count
 * @param whitelisted the hits set aside, each with the whitelisting that does it
 * @param toVoid active whitelistings met here that no longer hold, with why
 */
public record WhitelistTriage(
    List<Hit> standing,
    Map<Hit, Whitelisting> whitelisted,
    Map<Whitelisting, Whitelisting.Standing> toVoid) {

  public WhitelistTriage {
    standing = List.copyOf(standing);
    whitelisted = Map.copyOf(whitelisted);
    toVoid = Map.copyOf(toVoid);
  }

  /**
   * Triage of {@code hits} by the subject's {@code active} whitelistings. Each hit carries its
   * entry as listed now, so its fingerprint is the current one.
   */
  public static WhitelistTriage of(List<Hit> hits, List<Whitelisting> active, Instant now) {
    List<Hit> standing = new ArrayList<>();
    Map<Hit, Whitelisting> whitelisted = new LinkedHashMap<>();
    Map<Whitelisting, Whitelisting.Standing> toVoid = new LinkedHashMap<>();
    for (Hit hit : hits) {
      Whitelisting holding = null;
      String fingerprint = null;
      for (Whitelisting w : active) {
        if (!w.listId().equals(hit.listId()) || !w.entryId().equals(hit.entryId())) {
          continue;
        }
        if (fingerprint == null) {
          fingerprint = EntryFingerprint.of(hit.entry());
        }
        Whitelisting.Standing s = w.standing(fingerprint, now);
        if (s == Whitelisting.Standing.VALID) {
          holding = holding == null ? w : holding;
        } else if (w.status() == Whitelisting.Status.ACTIVE) {
          toVoid.put(w, s);
        }
      }
      if (holding == null) {
        standing.add(hit);
      } else {
        whitelisted.put(hit, holding);
      }
    }
    return new WhitelistTriage(standing, whitelisted, toVoid);
  }
}
