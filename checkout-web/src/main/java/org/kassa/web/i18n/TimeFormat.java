package org.kassa.web.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Formats instants and days for a locale (CLDR patterns from the JDK), in UTC and saying so: the
 * consoles' times and day boundaries (a search's dates, the dashboard's days) are all UTC.
 */
public final class TimeFormat {

  private TimeFormat() {}

  /** E.g. {@code Nov 26, 2026, 9:41:07 AM UTC} or {@code 26.11.2026, 09:41:07 UTC}. */
  public static String dateTime(Instant instant, Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(locale)
            .withDecimalStyle(DecimalStyle.of(locale))
            .format(instant.atZone(ZoneOffset.UTC))
        + " UTC";
  }

  /** A day, short: {@code 11/26/26}, {@code 26.11.26}. */
  public static String day(LocalDate day, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
        .withLocale(locale)
        .withDecimalStyle(DecimalStyle.of(locale))
        .format(day);
  }
}
