package org.kassa.compliance.aml.lists;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.ListFiles;
import org.kassa.compliance.aml.ListFormat;
import org.kassa.compliance.aml.ListFormatException;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;
import org.kassa.compliance.text.Csv;
import org.kassa.compliance.text.Sha256;

/**
 * HM Treasury OFSI's consolidated list, ConList.csv: a {@code Last Updated,dd/mm/yyyy} row, a
 * header of 36 columns, then one row per name of a listed person, entity or ship, the rows of one
 * designation sharing a Group ID (and often repeated once per date of birth).
 *
 * <p>The rows of a Group ID make one entry, the Group ID its id. The name is Name 1 to Name 5 then
 * Name 6 (the surname or entity name) of the row whose Alias Type is the primary name ({@code Prime
 * Alias}, later {@code Primary name}), else of the first row; the other rows' names, except those
 * of Alias Quality {@code Low}, and Name Non-Latin Script are aliases. Group Type is {@code
 * Individual}, {@code Entity} or {@code Ship}. Dates of birth come from DOB ({@code 00} for an
 * unknown day or month), countries from Nationality and the address Country, identifiers from
 * Passport Number and National Identification Number (and a ship's IMO number from Other
 * Information), programs from Regime. Cells that hold several values number them ({@code (1) ...
 * (2) ...}).
 */
public final class UkOfsiCsvFormat implements ListFormat {

  private static final int COLUMNS = 36;
  private static final DateTimeFormatter DAY_MONTH_YEAR =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
  private static final List<String> NAMES =
      List.of("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6");
  private static final List<String> USED =
      List.of(
          "Name 1",
          "Name 2",
          "Name 3",
          "Name 4",
          "Name 5",
          "Name 6",
          "Name Non-Latin Script",
          "DOB",
          "Nationality",
          "Passport Number",
          "National Identification Number",
          "Country",
          "Other Information",
          "Group Type",
          "Alias Type",
          "Alias Quality",
          "Regime",
          "Group ID");

  @Override
  public String listId() {
    return "uk-ofsi";
  }

  @Override
  public String source() {
    return "UK OFSI consolidated list (ConList CSV)";
  }

  @Override
  public SanctionsList read(ListFiles files) throws ListFormatException {
    byte[] bytes = files.only();
    String file = files.names().get(0);
    List<Csv.Row> rows = CsvTable.read(bytes, file, COLUMNS);

    List<String> first = rows.get(0).cells();
    if (!first.get(0).strip().equals("Last Updated")) {
      throw new ListFormatException(
          file + ": the first row is not 'Last Updated,<date>': not a ConList.csv");
    }
    LocalDate published = lastUpdated(first.get(1).strip(), file);
    if (rows.size() < 3) {
      throw new ListFormatException(file + " has no rows after its header");
    }
    Map<String, Integer> column = header(rows.get(1), file);

    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Csv.Row row : rows.subList(2, rows.size())) {
      Row r = new Row(row, column);
      String group = r.get("Group ID");
      if (!group.matches("\\d+")) {
        throw new ListFormatException(file + " line " + row.line() + ": Group ID '" + group + "'");
      }
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(r);
    }

    List<ListedEntry> entries = new ArrayList<>(groups.size());
    for (Map.Entry<String, List<Row>> group : groups.entrySet()) {
      entries.add(entry(group.getKey(), group.getValue()));
    }
    return new SanctionsList(listId(), source(), published, Sha256.hex(bytes), entries);
  }

  private ListedEntry entry(String groupId, List<Row> rows) throws ListFormatException {
    Row primary =
        rows.stream().filter(r -> isPrimary(r.get("Alias Type"))).findFirst().orElse(rows.get(0));
    EntryBuilder entry =
        new EntryBuilder(listId(), groupId).name(primary.name()).type(type(primary));
    for (Row r : rows) {
      if (!r.get("Alias Quality").toLowerCase(Locale.ROOT).contains("low")) {
        entry.alias(r.name());
      }
      entry.alias(r.get("Name Non-Latin Script"));
      entry.dateOfBirth(BirthDates.ofSlashed(r.get("DOB")));
      numbered(r.get("Nationality")).forEach(entry::country);
      numbered(r.get("Country")).forEach(c -> entry.country(withoutNote(c)));
      for (String passport : numbered(r.get("Passport Number"))) {
        identifier(entry, "passport", passport);
      }
      for (String id : numbered(r.get("National Identification Number"))) {
        identifier(entry, "national_id", id);
      }
      entry.program(r.get("Regime"));
      if (type(r) == EntryType.VESSEL) {
        String imo = ImoNumbers.find(r.get("Other Information"));
        if (imo != null) {
          entry.identifier("imo", imo, null);
        }
      }
    }
    return entry.build();
  }

  private static boolean isPrimary(String aliasType) {
    String t = aliasType.toLowerCase(Locale.ROOT);
    return t.equals("prime alias") || t.equals("primary name");
  }

  private static EntryType type(Row r) {
    switch (r.get("Group Type").toLowerCase(Locale.ROOT)) {
      case "individual":
        return EntryType.PERSON;
      case "entity":
        return EntryType.ORGANIZATION;
      case "ship":
        return EntryType.VESSEL;
      default:
        return EntryType.UNKNOWN;
    }
  }

  /** "3520025509842-7 (Pakistani)": the number, and the country in brackets. */
  private static void identifier(EntryBuilder entry, String type, String written) {
    String value = written;
    String country = null;
    if (value.endsWith(")") && value.lastIndexOf('(') > 0) {
      int open = value.lastIndexOf('(');
      country = value.substring(open + 1, value.length() - 1);
      value = value.substring(0, open);
    }
    entry.identifier(type, value, country);
  }

  /** "(1) Syria (2) Lebanon" as its values; a cell without numbering as itself. */
  static List<String> numbered(String cell) {
    String c = cell.strip();
    if (!c.startsWith("(1)")) {
      return c.isEmpty() ? List.of() : List.of(c);
    }
    List<String> values = new ArrayList<>();
    for (String part : c.split("\\(\\d+\\)")) {
      if (!part.isBlank()) {
        values.add(part.strip());
      }
    }
    return values;
  }

  /**
   * "Pakistan (location as at May 2008)" as "Pakistan": a note in brackets starts in lower case,
   * where a name such as "Iran (Islamic Republic of)" does not.
   */
  static String withoutNote(String country) {
    int open = country.lastIndexOf('(');
    if (country.endsWith(")")
        && open > 0
        && open + 1 < country.length()
        && Character.isLowerCase(country.charAt(open + 1))) {
      return country.substring(0, open).strip();
    }
    return country;
  }

  private static LocalDate lastUpdated(String written, String file) throws ListFormatException {
    try {
      return LocalDate.parse(written, DAY_MONTH_YEAR);
    } catch (DateTimeParseException e) {
      throw new ListFormatException(file + ": Last Updated '" + written + "' is not dd/mm/yyyy");
    }
  }

  private static Map<String, Integer> header(Csv.Row header, String file)
      throws ListFormatException {
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < header.cells().size(); i++) {
      column.put(header.cells().get(i).strip(), i);
    }
    List<String> missing = USED.stream().filter(c -> !column.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new ListFormatException(
          file + " line " + header.line() + ": the header lacks " + missing);
    }
    return column;
  }

  /** One data row, read by column name. */
  private static final class Row {
    private final Csv.Row row;
    private final Map<String, Integer> column;

    Row(Csv.Row row, Map<String, Integer> column) {
      this.row = row;
      this.column = column;
    }

    String get(String name) {
      return ListText.clean(row.cells().get(column.get(name)));
    }

    /** Name 1 to Name 5, then Name 6 (the surname). */
    String name() {
      List<String> parts = new ArrayList<>();
      for (String n : NAMES) {
        if (!get(n).isEmpty()) {
          parts.add(get(n));
        }
      }
      return String.join(" ", parts);
    }
  }
}
