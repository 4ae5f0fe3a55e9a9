package org.kassa.compliance.aml.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What OFAC writes about an entry besides its names: the CSV's remarks ({@code DOB 12 Feb 1960;
 * Passport A1234567 (Iran); nationality Iran; ...}) and the XML's {@code idList}, which use the
 * same labels. Only labels whose meaning is certain are read; the rest (gender, sanctions notes,
 * links to other entries, weak a.k.a.s, websites) is left alone.
 */
final class OfacRemarks {

  /** OFAC's id labels and the {@link org.kassa.compliance.aml.Identifier} type each one is. */
  private static final Map<String, String> ID_TYPES =
      Map.ofEntries(
          Map.entry("Passport", "passport"),
          Map.entry("Diplomatic Passport", "passport"),
          Map.entry("National ID No.", "national_id"),
          Map.entry("Cedula No.", "national_id"),
          Map.entry("Identification Number", "national_id"),
          Map.entry("Personal ID Card", "national_id"),
          Map.entry("D.N.I.", "national_id"),
          Map.entry("C.U.R.P.", "national_id"),
          Map.entry("C.U.R.P. #", "national_id"),
          Map.entry("C.U.I.", "national_id"),
          Map.entry("Citizen's Card Number", "national_id"),
          Map.entry("Turkish Identification Number", "national_id"),
          Map.entry("Numero de Identidad", "national_id"),
          Map.entry("Kenyan ID No.", "national_id"),
          Map.entry("National Foreign ID Number", "national_id"),
          Map.entry("SSN", "national_id"),
          Map.entry("Tax ID No.", "tax_id"),
          Map.entry("R.F.C.", "tax_id"),
          Map.entry("R.F.C. #", "tax_id"),
          Map.entry("RFC", "tax_id"),
          Map.entry("RUC #", "tax_id"),
          Map.entry("NIT #", "tax_id"),
          Map.entry("RIF #", "tax_id"),
          Map.entry("RTN", "tax_id"),
          Map.entry("V.A.T. Number", "tax_id"),
          Map.entry("C.U.I.T.", "tax_id"),
          Map.entry("US FEIN", "tax_id"),
          Map.entry("Italian Fiscal Code", "tax_id"),
          Map.entry("Registration Number", "registration"),
          Map.entry("Registration ID", "registration"),
          Map.entry("Business Registration Number", "registration"),
          Map.entry("Business Registration Document #", "registration"),
          Map.entry("Business Number", "registration"),
          Map.entry("Company Number", "registration"),
          Map.entry("UK Company Number", "registration"),
          Map.entry("Commercial Registry Number", "registration"),
          Map.entry("C.R. No.", "registration"),
          Map.entry("Government Gazette Number", "registration"),
          Map.entry("Legal Entity Number", "registration"),
          Map.entry("Unified Social Credit Code (USCC)", "registration"),
          Map.entry("United Social Credit Code Certificate (USCCC)", "registration"),
          Map.entry("Chamber of Commerce Number", "registration"),
          Map.entry("Trade License No.", "registration"),
          Map.entry("Folio Mercantil No.", "registration"),
          Map.entry("Matricula Mercantil No", "registration"),
          Map.entry("Economic Register Number (CBLS)", "registration"),
          Map.entry("Central Registration System Number", "registration"),
          Map.entry("Public Registration Number", "registration"),
          Map.entry("Enterprise Number", "registration"),
          Map.entry("Certificate of Incorporation Number", "registration"),
          Map.entry("D-U-N-S Number", "registration"),
          Map.entry("SWIFT/BIC", "swift_bic"),
          Map.entry("Vessel Registration Identification", "imo"),
          Map.entry("MMSI", "other"),
          Map.entry("Aircraft Tail Number", "other"),
          Map.entry("Aircraft Manufacturer's Serial Number (MSN)", "other"),
          Map.entry("Driver's License No.", "other"),
          Map.entry("Travel Document Number", "other"),
          Map.entry("Birth Certificate Number", "other"),
          Map.entry("Residency Number", "other"),
          Map.entry("Refugee ID Card", "other"),
          Map.entry("Electoral Registry No.", "other"),
          Map.entry("Credencial electoral", "other"),
          Map.entry("I.F.E.", "other"));

  // Each followed by its space; longest first, so that "C.U.R.P. # HESU430525" is read as
  // label "C.U.R.P. #", not as label "C.U.R.P." and number "# HESU430525".
  private static final List<String> LABELS =
      ID_TYPES.keySet().stream()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .map(label -> label + " ")
          .toList();

  private static final Pattern IMO = Pattern.compile("(?i)IMO\\s*(\\d{7})");

  /** OFAC cuts remarks at this length and continues them in SDN_COMMENTS.CSV. */
  static final int CUT_AT = 1000;

  private OfacRemarks() {}

  /**
   * Reads dates of birth, identifiers and nationalities from remarks.
   *
   * @param complete false when the remarks may have been cut (they reached {@link #CUT_AT}
   *     characters and no continuation was given): then the last part is not read, since {@code
   *     Passport A12} may be the start of {@code Passport A1234567}
   */
  static void read(String remarks, boolean complete, EntryBuilder entry) {
    List<String> parts = parts(remarks);
    if (!complete && !parts.isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    for (String part : parts) {
      String p = withoutAlt(part);
      if (p.startsWith("DOB ")) {
        entry.dateOfBirth(BirthDates.ofOfac(p.substring(4)));
      } else if (p.startsWith("nationality ")) {
        country(entry, p.substring("nationality ".length()));
      } else if (p.startsWith("citizen ")) {
        country(entry, p.substring("citizen ".length()));
      } else {
        for (String label : LABELS) {
          if (p.startsWith(label)) {
            identifierWritten(entry, label.strip(), p.substring(label.length()));
            break;
          }
        }
      }
    }
  }

  /**
   * Adds an identifier from an XML {@code id} ({@code idType}, {@code idNumber}, {@code
   * idCountry}); a type that is not an identifier (Gender, Website, ...) adds nothing.
   */
  static void identifier(EntryBuilder entry, String label, String number, String country) {
    String type = ID_TYPES.get(withoutAlt(ListText.clean(label)));
    if (type == null) {
      return;
    }
    String value = ListText.clean(number);
    if (type.equals("passport")) {
      // OFAC writes some passports as "Booklet A5250088".
      value = value.replaceFirst("^(?i)booklet:? ", "");
    }
    if (type.equals("imo") || type.equals("national_id")) {
      Matcher imo = IMO.matcher(value);
      if (imo.matches()) {
        // "Vessel Registration Identification IMO 9465849", "Identification Number IMO 5342883"
        type = "imo";
        value = imo.group(1);
      } else if (type.equals("imo") && !ImoNumbers.isValid(value)) {
        // A flag state's register number ("15411 (Malta)", "RS 150443 (Russia)"), not an IMO one.
        type = "registration";
      }
    }
    // Every number OFAC lists has a digit, except some SWIFT/BIC codes; "Passport issued in
    // Sarajevo" has none and is not a number.
    if (type.equals("swift_bic") || value.chars().anyMatch(Character::isDigit)) {
      entry.identifier(type, value, country);
    }
  }

  /** "A1234567 (Iran) issued 01 Jan 2010 expires 01 Jan 2020." into number and country. */
  private static void identifierWritten(EntryBuilder entry, String label, String written) {
    String head = written;
    for (String cut : List.of(" issued ", " expires ", " Issue Date ")) {
      int at = head.indexOf(cut);
      if (at >= 0) {
        head = head.substring(0, at);
      }
    }
    head = stripStop(head.strip());
    if (head.startsWith("issued ") || head.startsWith("expires ")) {
      return;
    }
    String country = null;
    while (head.endsWith(")") && head.lastIndexOf('(') > 0) {
      int open = head.lastIndexOf('(');
      if (country == null) {
        country = head.substring(open + 1, head.length() - 1);
      }
      head = head.substring(0, open).strip();
    }
    identifier(entry, label, head, country);
  }

  /**
   * Adds a country as OFAC writes it, leaving out "None Identified" (a flag OFAC does not know) and
   * what does not start as a name does ("nationality possibly Palestinian" is a guess, ADD.CSV's
   * "undetermined" says there is none).
   */
  static void country(EntryBuilder entry, String written) {
    String c = stripStop(ListText.clean(written));
    if (!c.isEmpty() && Character.isUpperCase(c.charAt(0)) && !c.equals("None Identified")) {
      entry.country(c);
    }
  }

  /** Remarks split at semicolons outside parentheses, each part trimmed. */
  static List<String> parts(String remarks) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < remarks.length(); i++) {
      char c = remarks.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (c == ';' && depth == 0) {
        addPart(parts, remarks.substring(start, i));
        start = i + 1;
      }
    }
    addPart(parts, remarks.substring(start));
    return parts;
  }

  private static void addPart(List<String> parts, String part) {
    String p = ListText.clean(part);
    if (!p.isEmpty()) {
      parts.add(p);
    }
  }

  private static String withoutAlt(String part) {
    return part.startsWith("alt. ") || part.startsWith("Alt. ") ? part.substring(5) : part;
  }

  private static String stripStop(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1).strip() : s;
  }
}
