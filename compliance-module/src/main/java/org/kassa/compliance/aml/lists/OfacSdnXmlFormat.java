package org.kassa.compliance.aml.lists;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.ListFiles;
import org.kassa.compliance.aml.ListFormat;
import org.kassa.compliance.aml.ListFormatException;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;
import org.kassa.compliance.text.Sha256;

/**
 * OFAC's SDN list as XML ({@code sdnList} of {@code sdnEntry}): the same list as {@link
 * OfacCsvFormat#sdn()}, with the same names ({@code LAST, First}), and its ids, dates of birth and
 * nationalities in their own elements instead of in remarks.
 *
 * <p>Read: uid, firstName and lastName, sdnType, programList, the strong a.k.a.s of akaList (weak
 * ones are left out, as in ALT.CSV), idList (see {@link OfacRemarks} for which id types count),
 * dateOfBirthList, nationalityList, citizenshipList, addressList countries and the vessel flag. The
 * publication date is {@code publshInformation/Publish_Date} (OFAC's spelling; {@code
 * publishInformation} is accepted too), and its {@code Record_Count} must equal the number of
 * entries in the file: a well-formed file that holds fewer is an excerpt or a partial download.
 */
public final class OfacSdnXmlFormat implements ListFormat {

  private static final DateTimeFormatter PUBLISH_DATE =
      DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);

  private final boolean checkRecordCount;

  private OfacSdnXmlFormat(boolean checkRecordCount) {
    this.checkRecordCount = checkRecordCount;
  }

  /** The format for the published list: the file must hold as many entries as it says. */
  public static OfacSdnXmlFormat strict() {
    return new OfacSdnXmlFormat(true);
  }

  /**
   * The format for an excerpt of the list (a test fixture, a hand-made file), which keeps the
   * original's {@code Record_Count}. Never for a downloaded list: it would accept a partial one.
   */
  public static OfacSdnXmlFormat excerpt() {
    return new OfacSdnXmlFormat(false);
  }

  @Override
  public String listId() {
    return "ofac-sdn";
  }

  @Override
  public String source() {
    return "OFAC SDN (XML)";
  }

  @Override
  public SanctionsList read(ListFiles files) throws ListFormatException {
    byte[] bytes = files.only();
    String file = files.names().get(0);
    XMLStreamReader reader = Xml.open(bytes, file, true);
    Xml.root(reader, file, "sdnList", null);

    LocalDate published = null;
    Integer recordCount = null;
    List<ListedEntry> entries = new ArrayList<>();
    for (int event = Xml.next(reader, file);
        event != XMLStreamConstants.END_DOCUMENT;
        event = Xml.next(reader, file)) {
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = reader.getLocalName();
      if (name.equals("publshInformation") || name.equals("publishInformation")) {
        Xml.Node info = Xml.read(reader, file);
        published = publishDate(info.text("Publish_Date"), file);
        recordCount = recordCount(info.text("Record_Count"), file);
      } else if (name.equals("sdnEntry")) {
        entries.add(entry(Xml.read(reader, file), file));
      }
    }

    if (entries.isEmpty()) {
      throw new ListFormatException(file + " has no sdnEntry");
    }
    if (checkRecordCount) {
      if (recordCount == null) {
        throw new ListFormatException(file + " states no Record_Count");
      }
      if (recordCount != entries.size()) {
        throw new ListFormatException(
            file
                + ": Record_Count says "
                + recordCount
                + " entries, the file holds "
                + entries.size());
      }
    }
    return new SanctionsList(listId(), source(), published, Sha256.hex(bytes), entries);
  }

  private ListedEntry entry(Xml.Node e, String file) throws ListFormatException {
    String uid = e.text("uid");
    if (!uid.matches("\\d+")) {
      throw new ListFormatException(file + ": sdnEntry with uid '" + uid + "'");
    }
    EntryBuilder entry =
        new EntryBuilder(listId(), uid).name(name(e)).type(type(e.text("sdnType"), uid, file));
    e.all("programList", "program").forEach(p -> entry.program(p.text()));
    for (Xml.Node aka : e.all("akaList", "aka")) {
      if (!aka.text("category").equalsIgnoreCase("weak")) {
        entry.alias(name(aka));
      }
    }
    for (Xml.Node id : e.all("idList", "id")) {
      OfacRemarks.identifier(entry, id.text("idType"), id.text("idNumber"), id.text("idCountry"));
    }
    e.all("dateOfBirthList", "dateOfBirthItem")
        .forEach(d -> entry.dateOfBirth(BirthDates.ofOfac(d.text("dateOfBirth"))));
    e.all("nationalityList", "nationality")
        .forEach(n -> OfacRemarks.country(entry, n.text("country")));
    e.all("citizenshipList", "citizenship")
        .forEach(c -> OfacRemarks.country(entry, c.text("country")));
    e.all("addressList", "address").forEach(a -> OfacRemarks.country(entry, a.text("country")));
    e.all("vesselInfo").forEach(v -> OfacRemarks.country(entry, v.text("vesselFlag")));
    return entry.build();
  }

  /** As SDN.CSV writes it: {@code SAEED, Muhammad}, or the last name alone. */
  private static String name(Xml.Node e) {
    String last = e.text("lastName");
    String first = e.text("firstName");
    return first.isEmpty() ? last : last + ", " + first;
  }

  private static EntryType type(String written, String uid, String file)
      throws ListFormatException {
    switch (written.toLowerCase(Locale.ROOT)) {
      case "individual":
        return EntryType.PERSON;
      case "entity":
        return EntryType.ORGANIZATION;
      case "vessel":
        return EntryType.VESSEL;
      case "aircraft":
        return EntryType.AIRCRAFT;
      default:
        throw new ListFormatException(
            file + ": sdnEntry " + uid + " has sdnType '" + written + "'");
    }
  }

  private static LocalDate publishDate(String written, String file) throws ListFormatException {
    if (written.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(written, PUBLISH_DATE);
    } catch (DateTimeParseException e) {
      throw new ListFormatException(file + ": Publish_Date '" + written + "' is not MM/dd/yyyy");
    }
  }

  private static Integer recordCount(String written, String file) throws ListFormatException {
    if (written.isEmpty()) {
      return null;
    }
    if (!written.matches("\\d{1,9}")) {
      throw new ListFormatException(file + ": Record_Count '" + written + "'");
    }
    return Integer.parseInt(written);
  }
}
