package org.kassa.compliance.gate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.text.Csv;

/**
 * The high-risk jurisdictions whose payments the gate holds for review, the one place that knows
 * them:
 *
 * <ul>
 *   <li>the FATF's call-for-action list (black list), or instead the codes in {@code
 *       kassa.gate.review-countries} when that is set; its increased-monitoring list (grey list)
 *       too when {@code kassa.gate.fatf-grey-review} is true (default false);
 *   <li>the EU's high-risk third countries (Delegated Regulation 2016/1675 as amended by 2025/1184)
 *       unless {@code kassa.gate.eu-high-risk-review} is false.
 * </ul>
 *
 * Copies of both lists ship with this module. CSVs in the same formats (told apart by their header)
 * in the folder {@code kassa.gate.risk-jurisdictions-dir} replace them without a rebuild: the
 * folder is looked at again at most every {@code kassa.gate.risk-jurisdictions-check} (1 minute)
 * and reloaded when a file changed; of several files of one format the last by name wins (dated
 * names sort). A file that does not read as a whole list never replaces a good one; taking a file
 * away restores the bundled list.
 */
@ApplicationScoped
public class HighRiskCountries {

  private static final Logger LOG = Logger.getLogger(HighRiskCountries.class.getName());

  static final String FATF_FILE = "fatf_lists_2026-02-13.csv";
  static final String EU_FILE = "eu_high_risk_third_countries_2025-1184.csv";
  static final List<String> FATF_HEADER =
      List.of("iso2", "jurisdiction", "fatf_list", "status_detail");
  static final List<String> EU_HEADER = List.of("iso2", "country", "annex_section", "listed");

  /** Ids of the lists as reasons name them. */
  public static final String CONFIGURED = "review_countries";

  public static final String FATF_BLACK = "fatf_call_for_action";
  public static final String FATF_GREY = "fatf_increased_monitoring";
  public static final String EU = "eu_high_risk";

  /** The FATF's lists as read from one file. */
  record FatfLists(String source, Set<String> callForAction, Set<String> increasedMonitoring) {}

  /** The EU's list as read from one file: the countries marked listed. */
  record EuList(String source, Set<String> listed) {}

  private final Set<String> reviewCountries;
  private final boolean greyReview;
  private final boolean euReview;
  private final Path dir;
  private final Duration checkEvery;
  private final Clock clock;

  private volatile FatfLists fatf;
  private volatile EuList eu;
  private volatile Instant nextCheck = Instant.MIN;
  private String folderStamp = "";

  @Inject
  public HighRiskCountries(
      @ConfigProperty(name = "kassa.gate.review-countries") Optional<String> reviewCountries,
      @ConfigProperty(name = "kassa.gate.fatf-grey-review", defaultValue = "false")
          boolean greyReview,
      @ConfigProperty(name = "kassa.gate.eu-high-risk-review", defaultValue = "true")
          boolean euReview,
      @ConfigProperty(name = "kassa.gate.risk-jurisdictions-dir") Optional<String> dir,
      @ConfigProperty(name = "kassa.gate.risk-jurisdictions-check", defaultValue = "PT1M")
          Duration checkEvery) {
    this(
        reviewCountries.filter(s -> !s.isBlank()).map(HighRiskCountries::codes).orElse(null),
        greyReview,
        euReview,
        dir.filter(s -> !s.isBlank()).map(Path::of).orElse(null),
        checkEvery,
        Clock.systemUTC());
  }

  /**
   * @param reviewCountries replaces the FATF lists when not null
   * @param dir the replacement folder, or null
   */
  HighRiskCountries(
      Set<String> reviewCountries,
      boolean greyReview,
      boolean euReview,
      Path dir,
      Duration checkEvery,
      Clock clock) {
    this.reviewCountries = reviewCountries == null ? null : Set.copyOf(reviewCountries);
    this.greyReview = greyReview;
    this.euReview = euReview;
    this.dir = dir;
    this.checkEvery = checkEvery;
    this.clock = clock;
    this.fatf = bundledFatf();
    this.eu = bundledEu();
  }

  /** CDI needs a no-arg constructor for the client proxy. */
  protected HighRiskCountries() {
    this(null, false, true, null, Duration.ZERO, Clock.systemUTC());
  }

  /**
   * The lists in force that name this country and hold its payments, e.g. {@code
   * [fatf_call_for_action, eu_high_risk]}; empty for any other country or null.
   */
  public List<String> listsHolding(String country) {
    if (country == null || country.isBlank()) {
      return List.of();
    }
    refreshIfDue();
    String code = country.trim().toUpperCase(Locale.ROOT);
    List<String> lists = new ArrayList<>();
    FatfLists f = fatf;
    if (reviewCountries != null) {
      if (reviewCountries.contains(code)) {
        lists.add(CONFIGURED);
      }
    } else {
      if (f.callForAction().contains(code)) {
        lists.add(FATF_BLACK);
      }
      if (greyReview && f.increasedMonitoring().contains(code)) {
        lists.add(FATF_GREY);
      }
    }
    if (euReview && eu.listed().contains(code)) {
      lists.add(EU);
    }
    return List.copyOf(lists);
  }

  /** Where the lists in force came from: the bundled file's name or the replacing file's path. */
  public List<String> sources() {
    refreshIfDue();
    return List.of(fatf.source(), eu.source());
  }

  private void refreshIfDue() {
    if (dir == null || clock.instant().isBefore(nextCheck)) {
      return;
    }
    synchronized (this) {
      Instant now = clock.instant();
      if (now.isBefore(nextCheck)) {
        return;
      }
      nextCheck = now.plus(checkEvery);
      List<Path> csvs = csvFiles();
      String stamp = stamp(csvs);
      if (stamp.equals(folderStamp)) {
        return;
      }
      folderStamp = stamp;
      Path fatfFile = lastWithHeader(csvs, FATF_HEADER);
      Path euFile = lastWithHeader(csvs, EU_HEADER);
      fatf = fatfFile == null ? bundledFatf() : replace(fatf, fatfFile, HighRiskCountries::fatf);
      eu = euFile == null ? bundledEu() : replace(eu, euFile, HighRiskCountries::eu);
    }
  }

  private interface Reader<T> {
    T read(String source, String text);
  }

  private static <T> T replace(T current, Path file, Reader<T> reader) {
    try {
      T read = reader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
      LOG.info(() -> "event=risk_jurisdictions.loaded file=" + file);
      return read;
    } catch (IOException | IllegalArgumentException e) {
      // A bad or half-written file never replaces a good list.
      LOG.warning(
          () -> "event=risk_jurisdictions.rejected file=" + file + " reason=" + e.getMessage());
      return current;
    }
  }

  private List<Path> csvFiles() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      LOG.warning(() -> "event=risk_jurisdictions.unreadable dir=" + dir);
      return List.of();
    }
  }

  private static String stamp(List<Path> files) {
    StringBuilder stamp = new StringBuilder();
    for (Path p : files) {
      try {
        stamp
            .append(p.getFileName())
            .append(':')
            .append(Files.size(p))
            .append(':')
            .append(Files.getLastModifiedTime(p).toMillis())
            .append(';');
      } catch (IOException e) {
        stamp.append(p.getFileName()).append(":?;");
      }
    }
    return stamp.toString();
  }

  private static Path lastWithHeader(List<Path> files, List<String> header) {
    Path last = null;
    for (Path p : files) {
      try (Stream<String> lines = Files.lines(p, StandardCharsets.UTF_8)) {
        if (hasHeader(lines.findFirst().orElse(""), header)) {
          last = p;
        }
      } catch (IOException | UncheckedIOException e) {
        // unreadable or not UTF-8: not a list file
      }
    }
    return last;
  }

  private static boolean hasHeader(String line, List<String> header) {
    List<String> cells =
        Csv.split(line.replace("\uFEFF", "")).stream()
            .map(c -> c.trim().toLowerCase(Locale.ROOT))
            .toList();
    return cells.size() >= header.size() && cells.subList(0, header.size()).equals(header);
  }

  /**
   * Reads the FATF lists' CSV ({@code iso2,jurisdiction,fatf_list,status_detail,...}).
   *
   * @throws IllegalArgumentException if it is not a whole list: another header, a row without its
   *     columns, a code that is not ISO 3166 alpha-2, an unknown status, or no call-for-action
   *     jurisdiction at all (the list has never been empty)
   */
  static FatfLists fatf(String source, String text) {
    Set<String> black = new HashSet<>();
    Set<String> grey = new HashSet<>();
    for (Csv.Row row : rows(text, FATF_HEADER)) {
      String code = code(row);
      String status = row.cells().get(3).trim();
      if (status.startsWith("call_for_action")) {
        black.add(code);
      } else if (status.equals("increased_monitoring")) {
        grey.add(code);
      } else if (!status.startsWith("no_longer")) {
        throw new IllegalArgumentException(
            "line " + row.line() + ": unknown FATF status '" + status + "'");
      }
    }
    if (black.isEmpty()) {
      throw new IllegalArgumentException("no call-for-action jurisdiction: not a whole FATF list");
    }
    return new FatfLists(source, Set.copyOf(black), Set.copyOf(grey));
  }

  /**
   * Reads the EU list's CSV ({@code iso2,country,annex_section,listed,...}; {@code listed} is yes
   * or no).
   *
   * @throws IllegalArgumentException if it is not a whole list (see {@link #fatf})
   */
  static EuList eu(String source, String text) {
    Set<String> listed = new HashSet<>();
    for (Csv.Row row : rows(text, EU_HEADER)) {
      String code = code(row);
      String flag = row.cells().get(3).trim().toLowerCase(Locale.ROOT);
      if (flag.equals("yes")) {
        listed.add(code);
      } else if (!flag.equals("no")) {
        throw new IllegalArgumentException(
            "line " + row.line() + ": 'listed' is yes or no, not '" + flag + "'");
      }
    }
    if (listed.isEmpty()) {
      throw new IllegalArgumentException("no listed country: not a whole EU list");
    }
    return new EuList(source, Set.copyOf(listed));
  }

  private static List<Csv.Row> rows(String text, List<String> header) {
    List<Csv.Row> rows = Csv.rows(text);
    if (rows.isEmpty() || !hasHeader(String.join(",", rows.get(0).cells()), header)) {
      throw new IllegalArgumentException("the header is not " + String.join(",", header));
    }
    List<Csv.Row> data = new ArrayList<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      if (row.cells().size() == 1 && row.cells().get(0).isBlank()) {
        continue;
      }
      if (row.cells().size() < header.size()) {
        throw new IllegalArgumentException(
            "line " + row.line() + ": " + header.size() + " columns expected");
      }
      data.add(row);
    }
    return data;
  }

  private static String code(Csv.Row row) {
    String code = row.cells().get(0).trim();
    if (!code.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException(
          "line " + row.line() + ": '" + code + "' is not an ISO 3166 alpha-2 code");
    }
    return code;
  }

  private static Set<String> codes(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(c -> c.trim().toUpperCase(Locale.ROOT))
        .filter(c -> !c.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static FatfLists bundledFatf() {
    return fatf(FATF_FILE, bundled(FATF_FILE));
  }

  private static EuList bundledEu() {
    return eu(EU_FILE, bundled(EU_FILE));
  }

  private static String bundled(String name) {
    try (InputStream in = HighRiskCountries.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
