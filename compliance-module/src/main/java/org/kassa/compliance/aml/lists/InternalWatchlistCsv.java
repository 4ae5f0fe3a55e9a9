package org.kassa.compliance.aml.lists;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListFiles;
import org.kassa.compliance.aml.ListFormat;
import org.kassa.compliance.aml.ListFormatException;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;
import org.kassa.compliance.text.Csv;
import org.kassa.compliance.text.Sha256;

/**
 * An operator's own watchlist, as UTF-8 CSV with a header: {@code name,aliases,type,country,
 * identifiers} and an optional {@code id} column. Aliases are separated by {@code ;}; the type is
 * {@code person}, {@code organization}, {@code vessel} or {@code aircraft}; identifiers are {@code
 * type:value} pairs separated by {@code ;} (e.g. {@code passport:X1234567;imo:9123456}). Without an
 * {@code id} column an entry's id is its row number. Any bad row refuses the whole file, naming the
 * row.
 */
public final class InternalWatchlistCsv implements ListFormat {

  /** A watchlist's name: what {@code PUT /api/v1/screening/lists/{name}} takes. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private static final List<String> REQUIRED =
      List.of("name", "aliases", "type", "country", "identifiers");
  private static final int MAX_ROWS = 100_000;

  private final String name;

  /**
   * @param name the watchlist's name, matching {@link #NAME}; its list id is {@code
   *     internal-<name>}
   */
  public InternalWatchlistCsv(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a watchlist name is 1 to 40 of a-z, 0-9 and -");
    }
    this.name = name;
  }

  @Override
  public String listId() {
    return "internal-" + name;
  }

  @Override
  public String source() {
    return "Internal watchlist " + name + " (CSV)";
  }

  @Override
  public SanctionsList read(ListFiles files) throws ListFormatException {
    byte[] bytes = files.only();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ListFormatException("the watchlist is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new ListFormatException("the watchlist is empty");
    }
    if (lines.size() - 1 > MAX_ROWS) {
      throw new ListFormatException("a watchlist holds at most " + MAX_ROWS + " rows");
    }
    List<String> header =
        Csv.split(lines.get(0)).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      column.put(header.get(i), i);
    }
    for (String required : REQUIRED) {
      if (!column.containsKey(required)) {
        throw new ListFormatException("the header lacks the column " + required + ": " + header);
      }
    }
    List<ListedEntry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int row = 1; row < lines.size(); row++) {
      List<String> cells = Csv.split(lines.get(row));
      if (cells.size() != header.size()) {
        throw new ListFormatException(
            "row " + row + " has " + cells.size() + " cells, the header " + header.size());
      }
      String entryName = cell(cells, column, "name");
      if (entryName.isEmpty()) {
        throw new ListFormatException("row " + row + " has no name");
      }
      String id = column.containsKey("id") ? cell(cells, column, "id") : Integer.toString(row);
      if (id.isEmpty() || !ids.add(id)) {
        throw new ListFormatException("row " + row + " has an empty or repeated id: " + id);
      }
      entries.add(
          new ListedEntry(
              listId(),
              id,
              type(cell(cells, column, "type"), row),
              entryName,
              split(cell(cells, column, "aliases")),
              List.of(),
              split(cell(cells, column, "country")),
              identifiers(cell(cells, column, "identifiers"), row),
              List.of("internal")));
    }
    return new SanctionsList(listId(), source(), null, Sha256.hex(bytes), entries);
  }

  private static String cell(List<String> cells, Map<String, Integer> column, String name) {
    return cells.get(column.get(name)).trim();
  }

  private static List<String> split(String cell) {
    return cell.isEmpty()
        ? List.of()
        : java.util.Arrays.stream(cell.split(";"))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
  }

  private static EntryType type(String cell, int row) throws ListFormatException {
    switch (cell.toLowerCase(Locale.ROOT)) {
      case "person", "individual":
        return EntryType.PERSON;
      case "organization", "organisation", "entity":
        return EntryType.ORGANIZATION;
      case "vessel":
        return EntryType.VESSEL;
      case "aircraft":
        return EntryType.AIRCRAFT;
      case "":
        return EntryType.UNKNOWN;
      default:
        throw new ListFormatException(
            "row " + row + ": type must be person, organization, vessel or aircraft, not " + cell);
    }
  }

  private static List<Identifier> identifiers(String cell, int row) throws ListFormatException {
    List<Identifier> out = new ArrayList<>();
    for (String pair : split(cell)) {
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1) {
        throw new ListFormatException(
            "row " + row + ": identifiers are type:value pairs, not " + pair);
      }
      out.add(
          new Identifier(
              pair.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              pair.substring(colon + 1).trim(),
              null));
    }
    return out;
  }
}
