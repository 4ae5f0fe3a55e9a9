package org.kassa.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.kassa.compliance.aml.ListVersion;
import org.kassa.compliance.aml.SanctionsLists;
import org.kassa.compliance.aml.ScreeningIndexHolder;
import org.omnifaces.cdi.ViewScoped;

/**
 * The sanctions lists as screened now: each active list's source, date, entry count, SHA-256 and
 * when it was loaded; the latest loads, rejected ones with their error; and when this node last
 * built its screening index.
 */
@Named
@ViewScoped
public class ListsConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many of the latest loads are shown. */
  private static final int RECENT = 50;

  @Inject private SanctionsLists lists;
  @Inject private ScreeningIndexHolder holder;

  private List<ListVersion> active;
  private List<ListVersion> recent;
  private Instant indexBuiltAt;
  private int indexedEntries;

  @PostConstruct
  void init() {
    active = lists.active();
    recent = lists.recentLoads(RECENT);
    indexBuiltAt = holder.builtAt().orElse(null);
    indexedEntries = holder.snapshot().screening().index().entryCount();
  }

  public String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  public List<ListVersion> getActive() {
    return active;
  }

  public List<ListVersion> getRecent() {
    return recent;
  }

  public Instant getIndexBuiltAt() {
    return indexBuiltAt;
  }

  public int getIndexedEntries() {
    return indexedEntries;
  }
}
