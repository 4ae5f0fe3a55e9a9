package org.kassa.compliance.aml.lists;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.ListFiles;
import org.kassa.compliance.aml.ListFormat;
import org.kassa.compliance.aml.ListFormatException;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;
import org.kassa.compliance.text.Csv;
import org.kassa.compliance.text.Sha256;

/**
 * OFAC's CSV lists: the SDN list ({@code sdn.csv}, optionally with {@code add.csv}, {@code alt.csv}
 * and {@code sdn_comments.csv}) and the consolidated non-SDN list ({@code cons_prim.csv}, {@code
 * cons_add.csv}, {@code cons_alt.csv}, {@code cons_comments.csv}), which share one layout.
 *
 * <p>The main file has no header and 12 columns (ent_num, name, type, programs, title, call_sign,
 * vess_type, tonnage, GRT, vess_flag, vess_owner, remarks); {@code -0-} means empty. Type {@code
 * individual} is a person, {@code vessel} and {@code aircraft} are themselves, an empty type is an
 * organization. Aliases come from ALT (a.k.a., f.k.a., n.k.a.; OFAC keeps its weak a.k.a.s in the
 * remarks, and they are not read), countries from ADD, the vessel flag and the remarks' nationality
 * and citizenship; dates of birth and identifiers from the remarks (see {@link OfacRemarks}).
 * Remarks cut at 1,000 characters continue in the comments file.
 *
 * <p>The files must be one set: a row of ADD, ALT or comments for an ent_num the main file does not
 * hold refuses the set. The files carry no publication date. The digest is over the files read, in
 * the order main, ADD, ALT, comments.
 */
public final class OfacCsvFormat implements ListFormat {

  private final String listId;
  private final String source;
  private final String main;
  private final String add;
  private final String alt;
  private final String comments;

  private OfacCsvFormat(
      String listId, String source, String main, String add, String alt, String comments) {
    this.listId = listId;
    this.source = source;
    this.main = main;
    this.add = add;
    this.alt = alt;
    this.comments = comments;
  }

  /**
   * The SDN list: {@code sdn.csv} required; {@code add.csv}, {@code alt.csv}, comments optional.
   */
  public static OfacCsvFormat sdn() {
    return new OfacCsvFormat(
        "ofac-sdn", "OFAC SDN (CSV)", "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");
  }

  /** The consolidated non-SDN list: {@code cons_prim.csv} required, the others optional. */
  public static OfacCsvFormat consolidated() {
    return new OfacCsvFormat(
        "ofac-cons",
        "OFAC consolidated non-SDN (CSV)",
        "cons_prim.csv",
        "cons_add.csv",
        "cons_alt.csv",
        "cons_comments.csv");
  }

  @Override
  public String listId() {
    return listId;
  }

  @Override
  public String source() {
    return source;
  }

  /** The file names this format reads, main file first. */
  public List<String> fileNames() {
    return List.of(main, add, alt, comments);
  }

  @Override
  public SanctionsList read(ListFiles files) throws ListFormatException {
    byte[] mainBytes = files.require(main);
    Optional<byte[]> addBytes = files.find(add);
    Optional<byte[]> altBytes = files.find(alt);
    Optional<byte[]> commentBytes = files.find(comments);

    Map<String, EntryBuilder> entries = new LinkedHashMap<>();
    Map<String, String> remarks = new HashMap<>();
    for (Csv.Row row : CsvTable.read(mainBytes, main, 12)) {
      List<String> c = values(row);
      String id = c.get(0);
      if (!id.matches("\\d+")) {
        throw new ListFormatException(main + " line " + row.line() + ": ent_num '" + id + "'");
      }
      if (entries.containsKey(id)) {
        throw new ListFormatException(main + " line " + row.line() + ": ent_num " + id + " twice");
      }
      EntryBuilder entry = new EntryBuilder(listId, id).name(c.get(1)).type(type(c.get(2), row));
      if (!entry.hasName()) {
        throw new ListFormatException(main + " line " + row.line() + ": no name");
      }
      for (String program : c.get(3).split("\\]\\s*\\[")) {
        entry.program(program.replace("[", "").replace("]", ""));
      }
      OfacRemarks.country(entry, c.get(9));
      entries.put(id, entry);
      remarks.put(id, c.get(11).isEmpty() ? "" : row.cells().get(11));
    }

    Map<String, String> continued = new HashMap<>();
    if (commentBytes.isPresent()) {
      for (Csv.Row row : CsvTable.read(commentBytes.get(), comments, 2)) {
        List<String> c = values(row);
        known(entries, c.get(0), comments, row);
        // The continuation starts mid-word: it is glued on as it is.
        continued.merge(c.get(0), row.cells().get(1), String::concat);
      }
    }
    for (Map.Entry<String, EntryBuilder> e : entries.entrySet()) {
      String written = remarks.get(e.getKey());
      String more = continued.get(e.getKey());
      boolean complete = more != null || written.length() < OfacRemarks.CUT_AT;
      OfacRemarks.read(more == null ? written : written + more, complete, e.getValue());
    }

    if (addBytes.isPresent()) {
      for (Csv.Row row : CsvTable.read(addBytes.get(), add, 6)) {
        List<String> c = values(row);
        OfacRemarks.country(known(entries, c.get(0), add, row), c.get(4));
      }
    }
    if (altBytes.isPresent()) {
      for (Csv.Row row : CsvTable.read(altBytes.get(), alt, 5)) {
        List<String> c = values(row);
        known(entries, c.get(0), alt, row).alias(c.get(3));
      }
    }

    List<ListedEntry> built = new ArrayList<>(entries.size());
    for (EntryBuilder entry : entries.values()) {
      built.add(entry.build());
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(mainBytes);
    addBytes.ifPresent(all::writeBytes);
    altBytes.ifPresent(all::writeBytes);
    commentBytes.ifPresent(all::writeBytes);
    return new SanctionsList(listId, source, null, Sha256.hex(all.toByteArray()), built);
  }

  private static List<String> values(Csv.Row row) {
    return row.cells().stream().map(String::strip).map(v -> v.equals("-0-") ? "" : v).toList();
  }

  private EntryType type(String written, Csv.Row row) throws ListFormatException {
    switch (written) {
      case "individual":
        return EntryType.PERSON;
      case "vessel":
        return EntryType.VESSEL;
      case "aircraft":
        return EntryType.AIRCRAFT;
      case "":
        return EntryType.ORGANIZATION;
      default:
        throw new ListFormatException(main + " line " + row.line() + ": type '" + written + "'");
    }
  }

  private EntryBuilder known(Map<String, EntryBuilder> entries, String id, String file, Csv.Row row)
      throws ListFormatException {
    EntryBuilder entry = entries.get(id);
    if (entry == null) {
      throw new ListFormatException(
          file
              + " line "
              + row.line()
              + ": ent_num '"
              + id
              + "' is not in "
              + main
              + ": the files are not one set");
    }
    return entry;
  }
}
