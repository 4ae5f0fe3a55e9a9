package org.kassa.payment.money.fx;

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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches newer reference rates: daily from {@code kassa.fx.url} (http(s) or {@code file:}; the ECB
 * publishes around 16:00 CET), and every ten minutes from the operator's drop folder {@code
 * kassa.fx.drop-dir}, where each {@code *.xml} file is offered once and then renamed to {@code
 * .loaded}, {@code .unchanged}, {@code .stale} or {@code .rejected} so the operator sees what
 * happened to it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RatesRefresh {

  private static final Logger LOG = Logger.getLogger(RatesRefresh.class.getName());

  @Inject ExchangeRates rates;

  @Inject
  @ConfigProperty(name = "kassa.fx.url", defaultValue = " ")
  String url;

  @Inject
  @ConfigProperty(name = "kassa.fx.drop-dir", defaultValue = " ")
  String dropDir;

  @Schedule(hour = "15", minute = "20", persistent = false)
  public void daily() {
    try {
      fromUrl();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "event=fx_rates.refresh_failed", e);
    }
  }

  @Schedule(hour = "*", minute = "*/10", persistent = false)
  public void dropped() {
    try {
      fromDropDir();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "event=fx_rates.drop_failed", e);
    }
  }

  /** Fetches the configured URL once; empty when none is configured or it cannot be fetched. */
  public List<RatesLoad> fromUrl() {
    if (url.isBlank()) {
      return List.of();
    }
    String source = url.trim();
    try {
      return List.of(rates.offer(fetch(source), source, Instant.now()));
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "event=fx_rates.download_failed source=" + source + " reason=" + e);
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** Offers every {@code *.xml} file in the drop folder, oldest name first. */
  public List<RatesLoad> fromDropDir() {
    List<RatesLoad> results = new ArrayList<>();
    if (dropDir.isBlank() || !Files.isDirectory(Path.of(dropDir.trim()))) {
      return results;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of(dropDir.trim()), "*.xml")) {
      found.forEach(files::add);
    } catch (IOException e) {
      LOG.warning(() -> "event=fx_rates.drop_unreadable reason=" + e);
      return results;
    }
    files.sort(null);
    for (Path file : files) {
      try {
        RatesLoad load = rates.offer(Files.readAllBytes(file), file.toString(), Instant.now());
        results.add(load);
        String done = load.outcome().name().toLowerCase(java.util.Locale.ROOT);
        Files.move(
            file,
            file.resolveSibling(file.getFileName() + "." + done),
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        LOG.warning(() -> "event=fx_rates.drop_unreadable file=" + file + " reason=" + e);
      }
    }
    return results;
  }

  static byte[] fetch(String source) throws IOException, InterruptedException {
    URI uri = URI.create(source);
    if ("file".equals(uri.getScheme())) {
      return Files.readAllBytes(Path.of(uri));
    }
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    return response.body();
  }
}
