package org.kassa.compliance.aml.lists;

import java.time.LocalDate;
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
 * The EU Financial Sanctions File, XML 1.1 ({@code export} in namespace {@value #NAMESPACE}, one
 * {@code sanctionEntity} per listed person or enterprise), UTF-8.
 *
 * <p>Read: {@code logicalId} as the entry id; subjectType {@code person} or {@code enterprise}; the
 * first strong nameAlias as the name and the other strong ones as aliases ({@code wholeName}, else
 * first, middle and last name); the regulations' programmes; birthdate (full date, year and month,
 * year, {@code circa}); citizenship and address countries; identification as passports, national
 * ids, tax and registration numbers. The {@code generationDate} is the publication date.
 *
 * <p>The file's {@code logicalId}s are kept as they are: an id found twice gives two entries.
 */
public final class EuFsfXmlFormat implements ListFormat {

  /** The namespace of the {@code export} root. */
  public static final String NAMESPACE = "http://eu.europa.ec/fpi/fsd/export";

  @Override
  public String listId() {
    return "eu-fsf";
  }

  @Override
  public String source() {
    return "EU Financial Sanctions File (XML 1.1)";
  }

  @Override
  public SanctionsList read(ListFiles files) throws ListFormatException {
    byte[] bytes = files.only();
    String file = files.names().get(0);
    XMLStreamReader reader = Xml.open(bytes, file);
    Xml.Node root = Xml.root(reader, file, "export", NAMESPACE);
    String generated = root.attr("generationDate");
    LocalDate published =
        generated.isEmpty() ? null : Xml.dateOf(generated, file, "generationDate");

    List<ListedEntry> entries = new ArrayList<>();
    for (int event = Xml.next(reader, file);
        event != XMLStreamConstants.END_DOCUMENT;
        event = Xml.next(reader, file)) {
      if (event == XMLStreamConstants.START_ELEMENT
          && reader.getLocalName().equals("sanctionEntity")) {
        entries.add(entry(Xml.read(reader, file), file));
      }
    }
    if (entries.isEmpty()) {
      throw new ListFormatException(file + " has no sanctionEntity");
    }
    return new SanctionsList(listId(), source(), published, Sha256.hex(bytes), entries);
  }

  private ListedEntry entry(Xml.Node e, String file) throws ListFormatException {
    String id = e.attr("logicalId");
    if (!id.matches("\\d+")) {
      throw new ListFormatException(file + ": sanctionEntity with logicalId '" + id + "'");
    }
    EntryBuilder entry = new EntryBuilder(listId(), id).type(type(e.all("subjectType")));

    List<Xml.Node> names = e.all("nameAlias");
    List<Xml.Node> strong =
        names.stream().filter(n -> !n.attr("strong").equalsIgnoreCase("false")).toList();
    // An entity whose names are all weak is still an entity: its first name stands.
    for (Xml.Node n : strong.isEmpty() ? names.subList(0, Math.min(1, names.size())) : strong) {
      if (entry.hasName()) {
        entry.alias(name(n));
      } else {
        entry.name(name(n));
      }
    }

    e.all("regulation").forEach(r -> entry.program(r.attr("programme")));
    e.all("birthdate").forEach(b -> entry.dateOfBirth(birthdate(b)));
    e.all("citizenship").forEach(c -> entry.country(country(c)));
    e.all("address").forEach(a -> entry.country(country(a)));
    for (Xml.Node i : e.all("identification")) {
      String number = i.attr("number").isEmpty() ? i.attr("latinNumber") : i.attr("number");
      entry.identifier(identifierType(i.attr("identificationTypeCode")), number, country(i));
    }
    return entry.build();
  }

  private static String name(Xml.Node n) {
    String whole = n.attr("wholeName");
    if (!whole.isEmpty()) {
      return whole;
    }
    return String.join(" ", n.attr("firstName"), n.attr("middleName"), n.attr("lastName"));
  }

  private static EntryType type(List<Xml.Node> subjectTypes) {
    String code = subjectTypes.isEmpty() ? "" : subjectTypes.get(0).attr("code");
    switch (code.toLowerCase(Locale.ROOT)) {
      case "person":
        return EntryType.PERSON;
      case "enterprise":
        return EntryType.ORGANIZATION;
      default:
        return EntryType.UNKNOWN;
    }
  }

  private static String birthdate(Xml.Node b) {
    String date;
    String full = b.attr("birthdate");
    if (full.matches("\\d{4}-\\d{2}-\\d{2}")) {
      date =
          BirthDates.of(
              Integer.parseInt(full.substring(0, 4)),
              Integer.parseInt(full.substring(5, 7)),
              Integer.parseInt(full.substring(8, 10)),
              full);
    } else if (b.attr("year").matches("\\d{4}")) {
      Integer month = number(b.attr("monthOfYear"));
      date =
          BirthDates.of(
              Integer.parseInt(b.attr("year")),
              month,
              month == null ? null : number(b.attr("dayOfMonth")),
              b.attr("year"));
    } else if (b.attr("yearRangeFrom").matches("\\d{4}")
        && b.attr("yearRangeTo").matches("\\d{4}")) {
      return b.attr("yearRangeFrom") + " to " + b.attr("yearRangeTo");
    } else {
      return full;
    }
    return b.attr("circa").equalsIgnoreCase("true") ? "circa " + date : date;
  }

  private static Integer number(String written) {
    return written.matches("\\d{1,2}") && Integer.parseInt(written) > 0
        ? Integer.parseInt(written)
        : null;
  }

  /** The country's description as the file writes it, unless it says it does not know. */
  private static String country(Xml.Node n) {
    String description = n.attr("countryDescription");
    return description.equalsIgnoreCase("UNKNOWN") || n.attr("countryIso2Code").equals("00")
        ? ""
        : description;
  }

  private static String identifierType(String code) {
    switch (code.toLowerCase(Locale.ROOT)) {
      case "passport":
        return "passport";
      case "id":
      case "ssn":
        return "national_id";
      case "fiscalcode":
      case "tax":
        return "tax_id";
      case "regnumber":
        return "registration";
      case "swiftbic":
        return "swift_bic";
      case "imo":
        return "imo";
      default:
        return "other";
    }
  }
}
