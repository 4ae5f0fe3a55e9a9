package org.kassa.compliance.aml.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;
import org.kassa.compliance.text.Csv;
import org.kassa.compliance.text.Sha256;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A small test-only reader of the real lists in {@code src/test/resources/screening}: just the
 * columns the matcher's tests need. The production loaders are written elsewhere; these tests must
 * not depend on them. Parsed once per JVM.
 */
final class RealLists {

  static final String SDN = "sanctions/ofac/sdn_set_2021-07/sdn.csv";
  static final String ALT = "sanctions/ofac/sdn_set_2021-07/alt.csv";
  static final String UN = "sanctions/un/UN_consolidated_2026-02-27.xml";

  private static final Pattern DOB = Pattern.compile("DOB ([^;]+)");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("\\b(\\d{2}) ([A-Z][a-z]{2}) (\\d{4})\\b");
  private static final Pattern PASSPORT =
      Pattern.compile("(Passport|National ID No\\.) ([A-Z0-9][A-Z0-9/\\-]*)(?: \\(([^)]+)\\))?");
  private static final Pattern IMO = Pattern.compile("IMO (\\d{7})");
  private static final Pattern NATIONALITY =
      Pattern.compile("nationality ([A-Za-z ,']+?)(?:;|\\.$)");
  private static final DateTimeFormatter OFAC_DATE =
      DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

  private static SanctionsList ofac;
  private static UnList un;

  private RealLists() {}

  /** The UN list, and the names in original script that it gives beside the Latin ones. */
  record UnList(SanctionsList list, Map<String, List<String>> originalScript) {}

  static synchronized SanctionsList ofacSdn() {
    if (ofac == null) {
      ofac = readOfac();
    }
    return ofac;
  }

  static synchronized UnList un() {
    if (un == null) {
      un = readUn();
    }
    return un;
  }

  private static SanctionsList readOfac() {
    byte[] sdnBytes = bytes(SDN);
    byte[] altBytes = bytes(ALT);
    Map<String, List<String>> aliases = new LinkedHashMap<>();
    for (List<String> row : csvRows(altBytes)) {
      if (row.size() >= 4 && !empty(row.get(3))) {
        aliases.computeIfAbsent(row.get(0).strip(), k -> new ArrayList<>()).add(row.get(3).strip());
      }
    }
    List<ListedEntry> entries = new ArrayList<>();
    for (List<String> row : csvRows(sdnBytes)) {
      if (row.size() < 12) {
        continue;
      }
      String id = row.get(0).strip();
      String remarks = empty(row.get(11)) ? "" : row.get(11);
      List<String> dobs = new ArrayList<>();
      Matcher dob = DOB.matcher(remarks);
      while (dob.find()) {
        dobs.add(isoDates(dob.group(1).strip()));
      }
      List<Identifier> identifiers = new ArrayList<>();
      Matcher passport = PASSPORT.matcher(remarks);
      while (passport.find()) {
        identifiers.add(
            new Identifier(
                passport.group(1).startsWith("Passport") ? "passport" : "national_id",
                passport.group(2),
                passport.group(3)));
      }
      Matcher imo = IMO.matcher(remarks);
      while (imo.find()) {
        identifiers.add(new Identifier("imo", imo.group(1), null));
      }
      List<String> countries = new ArrayList<>();
      Matcher nationality = NATIONALITY.matcher(remarks);
      while (nationality.find()) {
        countries.add(nationality.group(1).strip());
      }
      entries.add(
          new ListedEntry(
              "ofac-sdn",
              id,
              ofacType(row.get(2)),
              row.get(1).strip(),
              aliases.getOrDefault(id, List.of()),
              dobs,
              countries,
              identifiers,
              List.of(row.get(3).strip())));
    }
    return new SanctionsList(
        "ofac-sdn", "OFAC SDN (CSV)", LocalDate.of(2021, 7, 1), Sha256.hex(sdnBytes), entries);
  }

  private static UnList readUn() {
    byte[] xml = bytes(UN);
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + UN, e);
    }
    List<ListedEntry> entries = new ArrayList<>();
    Map<String, List<String>> original = new LinkedHashMap<>();
    NodeList individuals = document.getElementsByTagName("INDIVIDUAL");
    for (int i = 0; i < individuals.getLength(); i++) {
      Element e = (Element) individuals.item(i);
      String id = text(e, "DATAID");
      List<String> parts = new ArrayList<>();
      for (String tag : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
        String part = text(e, tag);
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
      List<String> dobs = new ArrayList<>();
      for (Element dob : children(e, "INDIVIDUAL_DATE_OF_BIRTH")) {
        String date = text(dob, "DATE");
        String year = text(dob, "YEAR");
        String from = text(dob, "FROM_YEAR");
        String to = text(dob, "TO_YEAR");
        if (!date.isEmpty()) {
          dobs.add(date.length() > 10 ? date.substring(0, 10) : date);
        } else if (!year.isEmpty()) {
          dobs.add(year);
        } else if (!from.isEmpty()) {
          dobs.add(from + " to " + (to.isEmpty() ? from : to));
        }
      }
      List<String> countries = new ArrayList<>();
      for (Element nationality : children(e, "NATIONALITY")) {
        for (Element value : children(nationality, "VALUE")) {
          countries.add(value.getTextContent().strip());
        }
      }
      List<Identifier> identifiers = new ArrayList<>();
      for (Element document1 : children(e, "INDIVIDUAL_DOCUMENT")) {
        String number = text(document1, "NUMBER");
        if (!number.isEmpty()) {
          String type = text(document1, "TYPE_OF_DOCUMENT").toLowerCase(Locale.ROOT);
          identifiers.add(
              new Identifier(
                  type.contains("passport")
                      ? "passport"
                      : type.contains("national") ? "national_id" : "other",
                  number,
                  emptyToNull(text(document1, "ISSUING_COUNTRY"))));
        }
      }
      entries.add(
          new ListedEntry(
              "un",
              id,
              EntryType.PERSON,
              String.join(" ", parts),
              aliases(e, "INDIVIDUAL_ALIAS"),
              dobs,
              countries,
              identifiers,
              List.of(text(e, "UN_LIST_TYPE"))));
      String script = text(e, "NAME_ORIGINAL_SCRIPT");
      if (!script.isEmpty()) {
        original.put(id, List.of(script));
      }
    }
    NodeList entities = document.getElementsByTagName("ENTITY");
    for (int i = 0; i < entities.getLength(); i++) {
      Element e = (Element) entities.item(i);
      String id = text(e, "DATAID");
      entries.add(
          new ListedEntry(
              "un",
              id,
              EntryType.ORGANIZATION,
              text(e, "FIRST_NAME"),
              aliases(e, "ENTITY_ALIAS"),
              List.of(),
              List.of(),
              List.of(),
              List.of(text(e, "UN_LIST_TYPE"))));
      String script = text(e, "NAME_ORIGINAL_SCRIPT");
      if (!script.isEmpty()) {
        original.put(id, List.of(script));
      }
    }
    LocalDate generated =
        LocalDate.parse(
            document.getDocumentElement().getAttribute("dateGenerated").substring(0, 10));
    SanctionsList list =
        new SanctionsList(
            "un",
            "UN Security Council Consolidated List (XML)",
            generated,
            Sha256.hex(xml),
            entries);
    return new UnList(list, original);
  }

  private static List<String> aliases(Element e, String tag) {
    List<String> out = new ArrayList<>();
    for (Element alias : children(e, tag)) {
      String name = text(alias, "ALIAS_NAME");
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return out;
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && ((Element) n).getTagName().equals(tag)) {
        out.add((Element) n);
      }
    }
    return out;
  }

  private static String text(Element parent, String tag) {
    List<Element> found = children(parent, tag);
    return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static EntryType ofacType(String cell) {
    switch (cell.strip()) {
      case "individual":
        return EntryType.PERSON;
      case "vessel":
        return EntryType.VESSEL;
      case "aircraft":
        return EntryType.AIRCRAFT;
      default:
        return EntryType.ORGANIZATION;
    }
  }

  /** "10 Dec 1948" becomes "1948-12-10" wherever it appears; the rest is kept as written. */
  private static String isoDates(String written) {
    Matcher m = DAY_MONTH_YEAR.matcher(written);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, LocalDate.parse(m.group(), OFAC_DATE).toString());
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean empty(String cell) {
    return cell.strip().isEmpty() || cell.strip().equals("-0-");
  }

  private static List<List<String>> csvRows(byte[] bytes) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
      if (!line.isBlank() && !line.startsWith("\u001a")) {
        rows.add(Csv.split(line));
      }
    }
    return rows;
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = RealLists.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
