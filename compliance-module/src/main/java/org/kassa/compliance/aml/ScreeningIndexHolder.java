package org.kassa.compliance.aml;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.aml.screening.Screening;
import org.kassa.compliance.aml.screening.ScreeningIndex;
import org.kassa.compliance.schema.ComplianceSchema;
import org.kassa.compliance.text.Sha256;

/**
 * This node's screening index, built from the active version of every list. Lists change in the
 * database (a load on any node); each node notices within a minute and builds a new index, then
 * swaps it in: a search always sees one whole index, never one half-built.
 *
 * <p>In demo mode, with no list loaded yet, it loads the bundled UN consolidated list and OFAC SDN
 * list (real files, of the dates in their names), so that screening works out of the box.
 */
@Singleton
@Startup
@DependsOn("ComplianceSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScreeningIndexHolder {

  private static final Logger LOG = Logger.getLogger(ScreeningIndexHolder.class.getName());

  /** The bundled demo lists: format id, then its resource files. */
  private static final List<String[]> DEMO_LISTS =
      List.of(
          new String[] {"un-xml", "demo/UN_consolidated_2026-02-27.xml"},
          new String[] {"ofac-sdn-csv", "demo/sdn.csv", "demo/add.csv", "demo/alt.csv"});

  @EJB private ComplianceSchema schema;
  @Inject private SanctionsLists lists;
  @Inject private Event<ScreeningIndexRebuilt> rebuilt;

  @Inject
  @ConfigProperty(name = "kassa.mode", defaultValue = "demo")
  String mode;

  private record Built(Set<String> versions, ScreeningSnapshot snapshot, Instant builtAt) {}

  private volatile Built current =
      new Built(
          Set.of(),
          new ScreeningSnapshot(
              new Screening(ScreeningIndex.build(List.of())), versionsKey(Set.of()), Instant.EPOCH),
          null);

  @PostConstruct
  void start() {
    if ("demo".equals(mode) && lists.active().isEmpty()) {
      for (String[] demo : DEMO_LISTS) {
        lists.load(
            demo[0],
            ListFormats.find(demo[0]).orElseThrow(),
            resources(java.util.Arrays.copyOfRange(demo, 1, demo.length)),
            "bundled:" + demo[1],
            "system");
      }
    }
    refresh();
  }

  /** Rebuilds the index if the active versions changed; every node runs it every minute. */
  @Schedule(hour = "*", minute = "*", second = "15", persistent = false)
  public void scheduled() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "event=screening_index.refresh_failed", e);
    }
  }

  /**
   * Builds a new index when the active versions differ from the ones this node screens with, and
   * then tells the observers of {@link ScreeningIndexRebuilt}.
   */
  public synchronized void refresh() {
    List<ListVersion> active = lists.active();
    Set<String> ids = new TreeSet<>();
    active.forEach(v -> ids.add(v.id()));
    if (ids.equals(current.versions())) {
      return;
    }
    long started = System.nanoTime();
    List<SanctionsList> loaded = new ArrayList<>();
    for (ListVersion v : active) {
      try {
        loaded.add(ListFormats.find(v.format()).orElseThrow().read(lists.files(v.id())));
      } catch (ListFormatException e) {
        // It was read when it was loaded; failing now means the stored files were damaged.
        throw new IllegalStateException("stored list " + v.id() + " no longer reads", e);
      }
    }
    ScreeningIndex index = ScreeningIndex.build(loaded);
    Instant newest =
        active.stream().map(ListVersion::loadedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    ScreeningSnapshot snapshot =
        new ScreeningSnapshot(new Screening(index), versionsKey(ids), newest);
    current = new Built(Set.copyOf(ids), snapshot, Instant.now());
    long ms = (System.nanoTime() - started) / 1_000_000;
    LOG.info(
        () ->
            "event=screening_index.built lists="
                + loaded.size()
                + " entries="
                + index.entryCount()
                + " ms="
                + ms);
    rebuilt.fire(new ScreeningIndexRebuilt(snapshot));
  }

  /** What to search with now: one whole index, swapped in at once after a rebuild. */
  public Screening screening() {
    return current.snapshot().screening();
  }

  /** The index searched now, with the list versions it was built from. */
  public ScreeningSnapshot snapshot() {
    return current.snapshot();
  }

  /** When this node last built its index; empty before the first build. */
  public java.util.Optional<Instant> builtAt() {
    return java.util.Optional.ofNullable(current.builtAt());
  }

  private static String versionsKey(Set<String> versionIds) {
    return Sha256.hex(String.join(",", new TreeSet<>(versionIds)));
  }

  private static ListFiles resources(String... paths) {
    ListFiles files = null;
    for (String path : paths) {
      try (InputStream in = ScreeningIndexHolder.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("bundled list " + path + " is missing");
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        byte[] bytes = in.readAllBytes();
        files = files == null ? ListFiles.of(name, bytes) : files.with(name, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
