package org.kassa.compliance.aml.screening;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kassa.compliance.aml.ListedEntry;

/** What besides the name can raise or lower a hit: date of birth and country. */
final class Evidence {

  private static final Pattern FULL_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d{2}|20\\d{2})\\b");
  private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");

  /** Names the lists and ISO use for the same country, mapped to one spelling. */
  private static final Map<String, String> COUNTRY_ALIASES =
      Map.ofEntries(
          Map.entry("russian federation", "russia"),
          Map.entry("united states of america", "united states"),
          Map.entry("usa", "united states"),
          Map.entry("us", "united states"),
          Map.entry("uk", "united kingdom"),
          Map.entry("great britain", "united kingdom"),
          Map.entry("syrian arab republic", "syria"),
          Map.entry("democratic peoples republic of korea", "north korea"),
          Map.entry("korea democratic peoples republic of", "north korea"),
          Map.entry("korea north", "north korea"),
          Map.entry("dprk", "north korea"),
          Map.entry("republic of korea", "south korea"),
          Map.entry("korea republic of", "south korea"),
          Map.entry("korea south", "south korea"),
          Map.entry("iran islamic republic of", "iran"),
          Map.entry("islamic republic of iran", "iran"),
          Map.entry("lao peoples democratic republic", "laos"),
          Map.entry("viet nam", "vietnam"),
          Map.entry("turkiye", "turkey"),
          Map.entry("libyan arab jamahiriya", "libya"),
          Map.entry("united republic of tanzania", "tanzania"),
          Map.entry("democratic republic of the congo", "congo kinshasa"),
          Map.entry("congo democratic republic of the", "congo kinshasa"),
          Map.entry("republic of the congo", "congo brazzaville"),
          Map.entry("ivory coast", "cote divoire"),
          Map.entry("burma", "myanmar"),
          Map.entry("venezuela bolivarian republic of", "venezuela"),
          Map.entry("bolivia plurinational state of", "bolivia"),
          Map.entry("state of palestine", "palestinian territories"),
          Map.entry("palestine", "palestinian territories"));

  private static final NameNormalizer NORMALIZER = new NameNormalizer();

  private Evidence() {}

  /** A listed date of birth: an exact date, or a range of years. */
  record ListedDate(LocalDate exact, int fromYear, int toYear, String written) {}

  static List<ListedDate> parseDates(List<String> written) {
    List<ListedDate> out = new ArrayList<>();
    for (String text : written) {
      Matcher full = FULL_DATE.matcher(text);
      if (full.find()) {
        try {
          LocalDate date = LocalDate.parse(full.group());
          out.add(new ListedDate(date, date.getYear(), date.getYear(), text));
          continue;
        } catch (DateTimeParseException e) {
          // "1970-00-00" and the like: fall through to the year
        }
      }
      Matcher year = YEAR.matcher(text);
      int from = Integer.MAX_VALUE;
      int to = Integer.MIN_VALUE;
      while (year.find()) {
        int y = Integer.parseInt(year.group());
        from = Math.min(from, y);
        to = Math.max(to, y);
      }
      if (from <= to) {
        out.add(new ListedDate(null, from, to, text));
      }
    }
    return out;
  }

  /**
   * The date-of-birth adjustment: a bonus when a listed date equals the query's, a smaller one when
   * a listed year or range holds its year, a penalty when the entry lists dates and none is within
   * the tolerance; nothing when the entry lists none or the difference is within the tolerance.
   */
  static Optional<Adjustment> dateOfBirth(
      LocalDate query, ListedEntry entry, ScoringPolicy policy) {
    if (query == null) {
      return Optional.empty();
    }
    List<ListedDate> listed = parseDates(entry.datesOfBirth());
    if (listed.isEmpty()) {
      return Optional.empty();
    }
    int year = query.getYear();
    for (ListedDate date : listed) {
      if (query.equals(date.exact())) {
        return Optional.of(
            new Adjustment(
                Adjustment.Kind.DATE_OF_BIRTH,
                policy.dobExactBonus(),
                "date of birth " + query + " agrees with listed " + date.written()));
      }
    }
    for (ListedDate date : listed) {
      if (date.exact() == null && year >= date.fromYear() && year <= date.toYear()) {
        return Optional.of(
            new Adjustment(
                Adjustment.Kind.DATE_OF_BIRTH,
                policy.dobYearBonus(),
                "year of birth " + year + " agrees with listed " + date.written()));
      }
    }
    int tolerance = policy.dobToleranceYears();
    for (ListedDate date : listed) {
      if (year >= date.fromYear() - tolerance && year <= date.toYear() + tolerance) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new Adjustment(
            Adjustment.Kind.DATE_OF_BIRTH,
            -policy.dobContradictionPenalty(),
            "date of birth "
                + query
                + " contradicts listed "
                + String.join(", ", listed.stream().map(ListedDate::written).toList())));
  }

  /** A small bonus when the query's country is one the entry names; nothing otherwise. */
  static Optional<Adjustment> country(String query, ListedEntry entry, ScoringPolicy policy) {
    if (query == null || query.isBlank() || entry.countries().isEmpty()) {
      return Optional.empty();
    }
    String wanted = country(query);
    for (String listed : entry.countries()) {
      String candidate = country(listed);
      if (!candidate.isEmpty() && sameCountry(wanted, candidate)) {
        return Optional.of(
            new Adjustment(
                Adjustment.Kind.COUNTRY,
                policy.countryBonus(),
                "country " + query + " agrees with listed " + listed));
      }
    }
    return Optional.empty();
  }

  /** A country's name in lower-case words, ISO alpha-2 codes spelled out, aliases unified. */
  static String country(String written) {
    String text = written.strip();
    if (text.length() == 2 && text.chars().allMatch(Character::isLetter)) {
      String name = new Locale("", text.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
      if (!name.isEmpty() && !name.equalsIgnoreCase(text)) {
        text = name;
      }
    }
    String plain =
        NORMALIZER.tokenize(text).stream()
            .map(NameToken::text)
            .reduce((a, b) -> a + " " + b)
            .orElse("");
    plain = NOT_LETTERS.matcher(plain).replaceAll(" ").strip();
    return COUNTRY_ALIASES.getOrDefault(plain, plain);
  }

  private static boolean sameCountry(String a, String b) {
    // "hong kong" and "hong kong sar china", "myanmar" and "myanmar burma"
    return a.equals(b) || a.startsWith(b + " ") || b.startsWith(a + " ");
  }
}
