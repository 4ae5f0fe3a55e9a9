package org.kassa.compliance.text;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes RFC 4180 CSV, the counterpart of {@link Csv}: records end with CRLF; a cell is quoted when
 * it holds a comma, a quote (doubled), a line break, or leading or trailing spaces, so that {@link
 * Csv#rows} reads back exactly what was written (but for the guard below). A null cell is written
 * empty.
 *
 * <p>These files are opened in spreadsheets, which run a cell starting with {@code = + - @}, a tab
 * or a carriage return as a formula (CSV injection, OWASP). Such a cell is written with a leading
 * apostrophe, which spreadsheets show as text; a plain number such as {@code -12.50} is left as it
 * is.
 */
public final class CsvWriter {

  private final StringBuilder out = new StringBuilder();

  /** Appends one record. */
  public CsvWriter row(String... cells) {
    return row(Arrays.asList(cells));
  }

  /** Appends one record. */
  public CsvWriter row(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
    return this;
  }

  /** The text written so far. */
  @Override
  public String toString() {
    return out.toString();
  }

  /** One cell as it is written: quoted only when it has to be. */
  public static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (startsLikeAFormula(value)) {
      value = "'" + value;
    }
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0
            || Character.isWhitespace(value.charAt(0))
            || Character.isWhitespace(value.charAt(value.length() - 1));
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  private static boolean startsLikeAFormula(String value) {
    char first = value.charAt(0);
    boolean trigger =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return trigger && !PLAIN_NUMBER.matcher(value).matches();
  }

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
}
