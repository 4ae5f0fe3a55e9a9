package org.kassa.compliance.aml.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The UN Security Council consolidated list XML ({@code CONSOLIDATED_LIST} with {@code
 * INDIVIDUALS/INDIVIDUAL} and {@code ENTITIES/ENTITY}), UTF-8.
 *
 * <p>Read: DATAID as the entry id; the name from FIRST_NAME to FOURTH_NAME; aliases from
 * INDIVIDUAL_ALIAS and ENTITY_ALIAS (quality {@code Low} left out) and NAME_ORIGINAL_SCRIPT; the
 * UN_LIST_TYPE (the sanctions regime) as program; INDIVIDUAL_DATE_OF_BIRTH (EXACT, APPROXIMATELY,
 * BETWEEN); NATIONALITY and the address countries; INDIVIDUAL_DOCUMENT as passports, national ids
 * or other identifiers. The {@code dateGenerated} attribute is the publication date.
 */
public final class UnXmlFormat implements ListFormat {

  // The last "no.", "number" or "passport" before the number (greedy .* finds the last one).
  private static final Pattern LABELLED_NUMBER =
      Pattern.compile("(?i)(?:.*\\b)(?:no\\.|number|passport)\\s*:?\\s+(\\S.*)$");

  @Override
  public String listId() {
    return "un";
  }

  @Override
  public String source() {
    return "UN Security Council consolidated list (XML)";
  }

  @Override
  public SanctionsList read(ListFiles files) throws ListFormatException {
    byte[] bytes = files.only();
    String file = files.names().get(0);
    XMLStreamReader reader = Xml.open(bytes, file);
    Xml.Node root = Xml.root(reader, file, "CONSOLIDATED_LIST", "");
    String generated = root.attr("dateGenerated");
    LocalDate published = generated.isEmpty() ? null : Xml.dateOf(generated, file, "dateGenerated");

    List<ListedEntry> entries = new ArrayList<>();
    for (int event = Xml.next(reader, file);
        event != XMLStreamConstants.END_DOCUMENT;
        event = Xml.next(reader, file)) {
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = reader.getLocalName();
      if (name.equals("INDIVIDUAL")) {
        entries.add(individual(Xml.read(reader, file), file));
      } else if (name.equals("ENTITY")) {
        entries.add(entity(Xml.read(reader, file), file));
      }
    }
    if (entries.isEmpty()) {
      throw new ListFormatException(file + " has no INDIVIDUAL and no ENTITY");
    }
    return new SanctionsList(listId(), source(), published, Sha256.hex(bytes), entries);
  }

  private ListedEntry individual(Xml.Node e, String file) throws ListFormatException {
    EntryBuilder entry = common(e, file, EntryType.PERSON, "INDIVIDUAL_ALIAS");
    e.all("NATIONALITY", "VALUE").forEach(n -> entry.country(n.text()));
    e.all("INDIVIDUAL_ADDRESS").forEach(a -> entry.country(a.text("COUNTRY")));
    e.all("INDIVIDUAL_DATE_OF_BIRTH").forEach(d -> entry.dateOfBirth(dateOfBirth(d)));
    for (Xml.Node d : e.all("INDIVIDUAL_DOCUMENT")) {
      String country = d.text("ISSUING_COUNTRY");
      entry.identifier(
          documentType(d.text("TYPE_OF_DOCUMENT")),
          documentNumber(d.text("NUMBER")),
          country.isEmpty() ? d.text("COUNTRY_OF_ISSUE") : country);
    }
    return entry.build();
  }

  private ListedEntry entity(Xml.Node e, String file) throws ListFormatException {
    EntryBuilder entry = common(e, file, EntryType.ORGANIZATION, "ENTITY_ALIAS");
    e.all("ENTITY_ADDRESS").forEach(a -> entry.country(a.text("COUNTRY")));
    return entry.build();
  }

  private EntryBuilder common(Xml.Node e, String file, EntryType type, String aliasElement)
      throws ListFormatException {
    String id = e.text("DATAID");
    if (!id.matches("\\d+")) {
      throw new ListFormatException(file + ": " + e.name() + " with DATAID '" + id + "'");
    }
    String name =
        String.join(
            " ",
            e.text("FIRST_NAME"),
            e.text("SECOND_NAME"),
            e.text("THIRD_NAME"),
            e.text("FOURTH_NAME"));
    EntryBuilder entry = new EntryBuilder(listId(), id).type(type).name(name);
    entry.program(e.text("UN_LIST_TYPE"));
    for (Xml.Node alias : e.all(aliasElement)) {
      if (!alias.text("QUALITY").equalsIgnoreCase("Low")) {
        entry.alias(alias.text("ALIAS_NAME"));
      }
    }
    entry.alias(e.text("NAME_ORIGINAL_SCRIPT"));
    return entry;
  }

  private static String dateOfBirth(Xml.Node d) {
    String type = d.text("TYPE_OF_DATE").toUpperCase(Locale.ROOT);
    String date = d.text("DATE").isEmpty() ? d.text("YEAR") : exact(d.text("DATE"));
    switch (type) {
      case "EXACT":
        return date;
      case "APPROXIMATELY":
        return date.isEmpty() ? "" : "circa " + date;
      case "BETWEEN":
        String from = d.text("FROM_YEAR");
        String to = d.text("TO_YEAR");
        return from.isEmpty() || to.isEmpty() ? "" : from + " to " + to;
      default:
        return date;
    }
  }

  /** "1959-09-24" as it is, a date with a time or zone cut to its date. */
  private static String exact(String written) {
    if (written.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      String day = written.substring(0, 10);
      return BirthDates.of(
          Integer.parseInt(day.substring(0, 4)),
          Integer.parseInt(day.substring(5, 7)),
          Integer.parseInt(day.substring(8, 10)),
          written);
    }
    return written;
  }

  /**
   * The number out of what the UN sometimes writes around it: "CAR diplomatic passport no.
   * D00000897", "national identity card number 44103-5251752-5", "381110042 (Expired 25 Jan.
   * 2016)". What follows the last "no." or "number" is the number; a value without such a word is
   * kept as written.
   */
  static String documentNumber(String written) {
    String v = written.replaceFirst("\\s*\\((?i:expire[sd]?|valid|issued)[^)]*\\)\\s*$", "");
    Matcher m = LABELLED_NUMBER.matcher(v);
    if (m.find() && m.group(1).chars().anyMatch(Character::isDigit)) {
      return m.group(1);
    }
    return v;
  }

  private static String documentType(String written) {
    String t = written.toLowerCase(Locale.ROOT);
    // The UN writes passports in English, French and Spanish ("Numéro de passeport").
    if (t.contains("passport") || t.contains("passeport") || t.contains("pasaporte")) {
      return "passport";
    }
    if (t.contains("national identification") || t.contains("identity card")) {
      return "national_id";
    }
    return "other";
  }
}
