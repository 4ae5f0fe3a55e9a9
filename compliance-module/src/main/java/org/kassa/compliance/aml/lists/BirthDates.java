package org.kassa.compliance.aml.lists;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth in the one form every format produces: {@code yyyy-MM-dd}, {@code yyyy-MM} or
 * {@code yyyy}; {@code circa <date>} when the list says it is approximate; {@code <date> to <date>}
 * for a range. A date a list writes in any other way is kept as written, so that nothing is lost
 * and nothing is guessed.
 */
final class BirthDates {

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  // OFAC writes "12 Feb 1960", "Feb 1960", "1960", "circa 1960", "1958 to 1960" and ranges of
  // full dates; some entries spell the month out ("99 October 1960").
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(\\d{1,2}) ([A-Za-z]{3,9})\\.? (\\d{4})");
  private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]{3,9})\\.? (\\d{4})");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern RANGE = Pattern.compile("(.+?) to (.+)");
  private static final Pattern CIRCA = Pattern.compile("(?i)circa (.+)");
  // UK ConList: dd/mm/yyyy with 00 for an unknown day or month.
  private static final Pattern SLASHED = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4})");

  private BirthDates() {}

  /** A date of birth as OFAC writes it (CSV remarks and XML). */
  static String ofOfac(String written) {
    String s = ListText.clean(written);
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    Matcher m = CIRCA.matcher(s);
    if (m.matches()) {
      String date = single(m.group(1));
      return date == null ? s : "circa " + date;
    }
    m = RANGE.matcher(s);
    if (m.matches()) {
      String from = single(m.group(1));
      String to = single(m.group(2));
      return from == null || to == null ? s : from + " to " + to;
    }
    String date = single(s);
    return date == null ? s : date;
  }

  /** A date of birth as the UK ConList writes it ({@code 00/04/1984} is April 1984). */
  static String ofSlashed(String written) {
    String s = ListText.clean(written);
    Matcher m = SLASHED.matcher(s);
    if (!m.matches()) {
      return s;
    }
    int day = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int year = Integer.parseInt(m.group(3));
    if (year == 0) {
      return "";
    }
    // A day without its month says nothing usable: keep the year.
    return of(year, month == 0 ? null : month, month == 0 || day == 0 ? null : day, s);
  }

  /**
   * A date from its parts, as precise as the parts allow.
   *
   * @param written what to return when the parts are not a real date
   */
  static String of(int year, Integer month, Integer day, String written) {
    try {
      if (month == null) {
        LocalDate.of(year, 1, 1);
        return String.format(Locale.ROOT, "%04d", year);
      }
      if (day == null) {
        LocalDate.of(year, month, 1);
        return String.format(Locale.ROOT, "%04d-%02d", year, month);
      }
      return LocalDate.of(year, month, day).toString();
    } catch (DateTimeException notADate) {
      return written;
    }
  }

  private static String single(String s) {
    Matcher m = DAY_MONTH_YEAR.matcher(s);
    if (m.matches()) {
      Integer month = month(m.group(2));
      return month == null
          ? null
          : of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)), null);
    }
    m = MONTH_YEAR.matcher(s);
    if (m.matches()) {
      Integer month = month(m.group(1));
      return month == null ? null : of(Integer.parseInt(m.group(2)), month, null, null);
    }
    if (YEAR.matcher(s).matches()) {
      return s;
    }
    return null;
  }

  private static Integer month(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    int i = w.length() >= 3 ? MONTHS.indexOf(w.substring(0, 3)) : -1;
    if (i < 0) {
      return null;
    }
    // "Mar" and "March" are months, "Marchxx" is not.
    String full = Month.of(i + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    return w.length() == 3 || w.equals(full.toLowerCase(Locale.ROOT)) ? i + 1 : null;
  }
}
