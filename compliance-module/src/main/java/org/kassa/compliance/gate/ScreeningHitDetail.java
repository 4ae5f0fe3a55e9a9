package org.kassa.compliance.gate;

import java.util.Objects;
import org.kassa.compliance.aml.ListVersion;
import org.kassa.compliance.aml.ListedEntry;

/**
 * A case's screening hit explained to an officer: what the gate stored, the list version it
 * screened against, and the listed entry as it is listed now.
 *
 * @param reason what the gate stored
 * @param entry the entry in the lists screened now, or null if it is no longer listed
 * @param screenedVersion the list version the hash names, or null if it is not known here
 * @param activeVersion the list's active version now, or null if the list is gone
 */
public record ScreeningHitDetail(
    ScreeningHitReason reason,
    ListedEntry entry,
    ListVersion screenedVersion,
    ListVersion activeVersion) {

  public ScreeningHitDetail {
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Whether the list was loaded again since the screening: the entry shown is as listed now, and
   * may differ from what was matched.
   */
  public boolean listChangedSince() {
    if (activeVersion == null) {
      return true;
    }
    return reason.listSha256() != null && !activeVersion.sha256().startsWith(reason.listSha256());
  }
}
