package org.kassa.compliance.aml.lists;

import java.util.ArrayList;
import java.util.List;
import org.kassa.compliance.aml.ListFormatException;
import org.kassa.compliance.text.Csv;

/** A CSV file of a fixed number of columns, refused whole when any row breaks the shape. */
final class CsvTable {

  private CsvTable() {}

  /**
   * The rows, cells as written (not trimmed: OFAC cuts long remarks mid-text, and a space at the
   * cut matters when they are glued back together). Blank lines are skipped; OFAC's end-of-file
   * mark (a 0x1A after the last line break, from DOS days) is dropped.
   *
   * @throws ListFormatException when the file is empty, has no rows, a row with another number of
   *     columns, a quote left open or a last line without its line break (a file cut short)
   */
  static List<Csv.Row> read(byte[] bytes, String file, int columns) throws ListFormatException {
    String text = ListText.decode(bytes, file);
    for (String mark : List.of("\u001a", "\u001a\r\n", "\u001a\n")) {
      if (text.endsWith(mark)) {
        text = text.substring(0, text.length() - mark.length());
        break;
      }
    }
    List<Csv.Row> parsed;
    try {
      parsed = Csv.rows(text);
    } catch (IllegalArgumentException e) {
      throw new ListFormatException(file + ": " + e.getMessage() + " (cut short?)", e);
    }
    List<Csv.Row> rows = new ArrayList<>(parsed.size());
    for (Csv.Row row : parsed) {
      if (row.cells().size() == 1 && row.cells().get(0).isBlank()) {
        continue;
      }
      if (!row.terminated()) {
        throw new ListFormatException(
            file + " line " + row.line() + ": the last line has no line break (cut short?)");
      }
      if (row.cells().size() != columns) {
        throw new ListFormatException(
            file
                + " line "
                + row.line()
                + ": "
                + row.cells().size()
                + " columns, expected "
                + columns);
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new ListFormatException(file + " has no rows");
    }
    return rows;
  }
}
