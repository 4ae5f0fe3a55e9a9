package org.kassa.compliance.aml;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reloads the official lists: from the URLs in {@code kassa.sanctions.sources} ({@code
 * <format>=<url>}, comma-separated, e.g. {@code
 * un-xml=https://scsanctions.un.org/resources/xml/en/consolidated.xml}) and from the drop folder
 * {@code kassa.sanctions.drop-dir}, where an operator puts a list's files in a folder named by its
 * format ({@code <drop-dir>/ofac-sdn-csv/sdn.csv, add.csv, alt.csv}). Hourly by default; a file
 * that is already active changes nothing, a bad file is recorded as rejected and the good list
 * stays.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ListRefresh {

  private static final Logger LOG = Logger.getLogger(ListRefresh.class.getName());

  @Inject private SanctionsLists lists;
  @Inject private ScreeningIndexHolder holder;

  @Inject
  @ConfigProperty(name = "kassa.sanctions.sources", defaultValue = " ")
  String sources;

  @Inject
  @ConfigProperty(name = "kassa.sanctions.drop-dir", defaultValue = " ")
  String dropDir;

  @Schedule(hour = "*", minute = "7", persistent = false)
  public void scheduled() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "event=sanctions_refresh.failed", e);
    }
  }

  /** Loads every configured source and dropped folder once; answers what each load did. */
  public List<ListLoadResult> refresh() {
    List<ListLoadResult> results = new ArrayList<>();
    for (String source : sources.split(",")) {
      int eq = source.indexOf('=');
      if (source.isBlank() || eq <= 0) {
        continue;
      }
      String formatId = source.substring(0, eq).trim();
      String url = source.substring(eq + 1).trim();
      Optional<ListFormat> format = ListFormats.find(formatId);
      if (format.isEmpty()) {
        LOG.warning(() -> "event=sanctions_refresh.unknown_format format=" + formatId);
        continue;
      }
      try {
        byte[] body = download(url);
        String name = URI.create(url).getPath().replaceAll(".*/", "");
        results.add(
            lists.load(
                formatId,
                format.get(),
                ListFiles.of(name.isEmpty() ? "list" : name, body),
                url,
                "system"));
      } catch (IOException | RuntimeException e) {
        LOG.warning(
            () -> "event=sanctions_refresh.download_failed format=" + formatId + " reason=" + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return results;
      }
    }
    if (!dropDir.isBlank()) {
      Path root = Path.of(dropDir.trim());
      for (String formatId : ListFormats.officialIds()) {
        Path folder = root.resolve(formatId);
        if (Files.isDirectory(folder)) {
          try {
            results.add(
                lists.load(
                    formatId,
                    ListFormats.find(formatId).orElseThrow(),
                    ListFiles.fromDirectory(folder),
                    folder.toString(),
                    "system"));
          } catch (IOException e) {
            LOG.warning(() -> "event=sanctions_refresh.read_failed folder=" + folder);
          }
        }
      }
    }
    if (results.stream().anyMatch(r -> r.outcome() == ListLoadResult.Outcome.LOADED)) {
      holder.refresh();
    }
    return results;
  }

  private static byte[] download(String url) throws IOException, InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + url);
    }
    return response.body();
  }
}
