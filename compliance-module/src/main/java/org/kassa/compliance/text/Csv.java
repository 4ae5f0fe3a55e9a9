package org.kassa.compliance.text;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: quoted cells may hold commas, doubled quotes and (in {@link #rows}) line breaks.
 */
public final class Csv {

  private Csv() {}

  /**
   * One record of a whole text.
   *
   * @param line the 1-based line it starts on, for error messages
   * @param cells its cells, unquoted
   * @param terminated whether a line break ended it: false only for a last line cut short
   */
  public record Row(int line, List<String> cells, boolean terminated) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /** The cells of one line. */
  public static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /**
   * The records of a whole text. Records end at CRLF or LF outside quotes; a line break inside
   * quotes belongs to the cell. A final line break does not start an empty record.
   *
   * @throws IllegalArgumentException when the text ends inside a quoted cell: a file cut short
   */
  public static List<Row> rows(String text) {
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int rowLine = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if ((c == '\n' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')
          && !quoted) {
        if (c == '\r') {
          i++;
        }
        cells.add(cell.toString());
        cell.setLength(0);
        rows.add(new Row(rowLine, cells, true));
        cells = new ArrayList<>();
        line++;
        rowLine = line;
      } else {
        if (c == '\n') {
          line++;
        }
        cell.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException(
          "line " + rowLine + ": a quoted cell is still open at the end of the text");
    }
    if (cell.length() > 0 || !cells.isEmpty()) {
      cells.add(cell.toString());
      rows.add(new Row(rowLine, cells, false));
    }
    return rows;
  }
}
