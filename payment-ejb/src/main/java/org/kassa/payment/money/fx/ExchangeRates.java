package org.kassa.payment.money.fx;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import org.kassa.compliance.text.Sha256;

/**
 * The reference rates in use, one set for the whole application. Starts with the bundled example
 * file; a newer good file (from {@link RatesRefresh} or an operator's drop folder) replaces it. A
 * bad file, or one older than the rates in use, never does. Every load is logged with its source,
 * day and SHA-256, and the last {@value #HISTORY} are kept in memory (not in the database: rates
 * are reloaded at every start, and each quote stores the source, day and hash it was made with).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExchangeRates {

  static final String BUNDLED = "eurofxref-example.xml";
  private static final int HISTORY = 50;
  private static final Logger LOG = Logger.getLogger(ExchangeRates.class.getName());

  private volatile ReferenceRates current;
  private final Deque<RatesLoad> loads = new ArrayDeque<>();

  @PostConstruct
  void loadBundled() {
    offer(bundledFile(), "bundled:" + BUNDLED, Instant.now());
    if (current == null) {
      throw new IllegalStateException("the bundled reference-rates file is bad");
    }
  }

  /** The rates in use. */
  public ReferenceRates current() {
    return current;
  }

  /** The latest loads, newest first. */
  public synchronized List<RatesLoad> recentLoads() {
    return List.copyOf(loads);
  }

  /**
   * Checks a file and uses it if it is good and not older than the rates in use.
   *
   * @param source where it came from, kept with the rates and every quote made with them
   */
  public synchronized RatesLoad offer(byte[] file, String source, Instant now) {
    String sha256 = Sha256.hex(file == null ? new byte[0] : file);
    RatesLoad load;
    try {
      EcbRatesFile.Parsed parsed = EcbRatesFile.parse(file);
      ReferenceRates in = current;
      if (in != null && in.sha256().equals(sha256)) {
        load = new RatesLoad(RatesLoad.Outcome.UNCHANGED, source, parsed.date(), sha256, now, "");
      } else if (in != null && parsed.date().isBefore(in.date())) {
        load =
            new RatesLoad(
                RatesLoad.Outcome.STALE,
                source,
                parsed.date(),
                sha256,
                now,
                "older than the rates in use (" + in.date() + ")");
      } else {
        current = new ReferenceRates(source, parsed.date(), sha256, now, parsed.perEuro());
        String ignored =
            parsed.ignored().isEmpty()
                ? ""
                : "not active ISO 4217 currencies, not quoted: "
                    + String.join(", ", parsed.ignored());
        load = new RatesLoad(RatesLoad.Outcome.LOADED, source, parsed.date(), sha256, now, ignored);
      }
    } catch (BadRatesFileException e) {
      load = new RatesLoad(RatesLoad.Outcome.REJECTED, source, null, sha256, now, e.getMessage());
    }
    record(load);
    return load;
  }

  private void record(RatesLoad load) {
    loads.addFirst(load);
    while (loads.size() > HISTORY) {
      loads.removeLast();
    }
    LOG.info(
        () ->
            "event=fx_rates."
                + load.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + " source="
                + load.source()
                + " date="
                + load.date()
                + " sha256="
                + load.sha256()
                + (load.detail().isEmpty() ? "" : " detail=\"" + load.detail() + "\""));
  }

  static byte[] bundledFile() {
    try (InputStream in = ExchangeRates.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled rates " + BUNDLED + " are missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
