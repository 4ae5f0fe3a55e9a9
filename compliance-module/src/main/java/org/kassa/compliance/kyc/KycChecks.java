package org.kassa.compliance.kyc;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a KYC submission: pure, one error code per field ({@link FieldError}), every rule
 * unit-tested.
 *
 * <ul>
 *   <li>BASIC: a name, a date of birth of an adult (18 or older on today's date; born on 29
 *       February, one is 18 on 28 February), an address line, a city, an ISO 3166 country and a
 *       postal code in that country's format (DE, FR, NL, GB, US, JP, CN, ES, IT, PL, AT, CH, BE,
 *       SE; elsewhere 2 to 10 letters, digits, spaces or dashes; optional where a country has no
 *       postal codes).
 *   <li>FULL adds an identity document: its type, an ISO 3166 issuing country, an expiry today or
 *       later, and a number in the type's format, and in the issuing country's where a rule is
 *       known (German, British, US, French, Dutch and Italian passports, German and Dutch id cards,
 *       the Spanish DNI with its check letter). A passport or id card number may be given as in the
 *       machine-readable zone: the 9-character field ({@code <} for padding) and its ICAO 9303
 *       check digit, which must be right.
 * </ul>
 */
public final class KycChecks {

  /** The longest name, address line or city kept. */
  public static final int MAX_TEXT = 200;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private static final Map<String, Pattern> POSTAL_CODES =
      Map.ofEntries(
          Map.entry("DE", Pattern.compile("\\d{5}")),
          Map.entry("FR", Pattern.compile("\\d{5}")),
          Map.entry("IT", Pattern.compile("\\d{5}")),
          Map.entry("ES", Pattern.compile("(0[1-9]|[1-4]\\d|5[0-2])\\d{3}")),
          Map.entry("NL", Pattern.compile("[1-9]\\d{3} ?[A-Z]{2}")),
          Map.entry("PL", Pattern.compile("\\d{2}-\\d{3}")),
          Map.entry("US", Pattern.compile("\\d{5}(-\\d{4})?")),
          Map.entry("JP", Pattern.compile("\\d{3}-?\\d{4}")),
          Map.entry("CN", Pattern.compile("\\d{6}")),
          Map.entry(
              "GB", Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2}|GIR ?0AA")),
          Map.entry("AT", Pattern.compile("\\d{4}")),
          Map.entry("CH", Pattern.compile("\\d{4}")),
          Map.entry("BE", Pattern.compile("\\d{4}")),
          Map.entry("SE", Pattern.compile("\\d{3} ?\\d{2}")));

  private static final Pattern POSTAL_FALLBACK = Pattern.compile("[A-Z0-9][A-Z0-9 -]{1,9}");

  /** Countries without postal codes: there, none is asked for. */
  private static final Set<String> NO_POSTAL_CODES =
      Set.of("AE", "AG", "AO", "BS", "BZ", "FJ", "GH", "HK", "MO", "QA", "TV", "ZW");

  private static final Map<DocumentType, Pattern> NUMBERS =
      Map.of(
          DocumentType.PASSPORT, Pattern.compile("[A-Z0-9]{6,9}"),
          DocumentType.ID_CARD, Pattern.compile("[A-Z0-9]{5,12}"),
          DocumentType.DRIVING_LICENCE, Pattern.compile("[A-Z0-9]{5,20}"));

  /** Rules per issuing country, {@code <country>:<type>}. */
  private static final Map<String, Pattern> NATIONAL_NUMBERS =
      Map.of(
          "DE:passport", Pattern.compile("[CFGHJK][CFGHJKLMNPRTVWXYZ0-9]{8}"),
          "DE:id_card", Pattern.compile("[LMNPRTVWXY][CFGHJKLMNPRTVWXYZ0-9]{8}"),
          "GB:passport", Pattern.compile("\\d{9}"),
          "US:passport", Pattern.compile("\\d{9}|[A-Z]\\d{8}"),
          "FR:passport", Pattern.compile("\\d{2}[A-Z]{2}\\d{5}"),
          "NL:passport", Pattern.compile("[A-NP-Z]{2}[A-NP-Z0-9]{6}\\d"),
          "NL:id_card", Pattern.compile("[A-NP-Z]{2}[A-NP-Z0-9]{6}\\d"),
          "IT:passport", Pattern.compile("[A-Z]{2}\\d{7}"),
          "ES:id_card", Pattern.compile("\\d{8}[A-Z]"));

  private static final Pattern MRZ_NUMBER = Pattern.compile("[A-Z0-9<]{9}\\d");
  private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

  /** Every code the checks give, so that each has a message where they are shown. */
  public static final Set<String> ERROR_CODES =
      Set.of(
          "name.required",
          "name.too_long",
          "name.invalid",
          "date_of_birth.required",
          "date_of_birth.invalid",
          "date_of_birth.future",
          "date_of_birth.minor",
          "date_of_birth.implausible",
          "address_line.required",
          "address_line.too_long",
          "postal_code.required",
          "postal_code.format",
          "city.required",
          "city.too_long",
          "country.required",
          "country.unknown",
          "document_type.required",
          "document_type.unknown",
          "document_number.required",
          "document_number.format",
          "document_number.check_digit",
          "issuing_country.required",
          "issuing_country.unknown",
          "document_expiry.required",
          "document_expiry.invalid",
          "document_expiry.expired");

  private KycChecks() {}

  /**
   * The outcome of the checks.
   *
   * @param identity the checked identity when there is no error
   */
  public record Checked(List<FieldError> errors, Optional<Identity> identity) {
    public Checked {
      errors = List.copyOf(errors);
    }

    public boolean valid() {
      return errors.isEmpty();
    }

    /** The codes, e.g. {@code [postal_code.format]}. */
    public List<String> codes() {
      return errors.stream().map(FieldError::code).toList();
    }
  }

  /** Checks a submission for its tier, as of today's date. */
  public static Checked check(KycSubmission s, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    String name = text(s.name(), "name", errors);
    if (name != null && !name.codePoints().anyMatch(Character::isLetter)) {
      errors.add(FieldError.of("name", "invalid"));
    }
    LocalDate born = dateOfBirth(s.dateOfBirth(), today, errors);
    String line = text(s.addressLine(), "address_line", errors);
    String city = text(s.city(), "city", errors);
    String country = country(s.country(), "country", errors);
    String postal = postalCode(s.postalCode(), country, errors);
    Identity.Document document = null;
    if (s.tier() == KycTier.FULL) {
      document = document(s, today, errors);
    }
    if (!errors.isEmpty()) {
      return new Checked(errors, Optional.empty());
    }
    return new Checked(
        errors, Optional.of(new Identity(name, born, line, postal, city, country, document)));
  }

  private static String text(String value, String field, List<FieldError> errors) {
    String v = value == null ? "" : value.strip().replaceAll("\\s+", " ");
    if (v.isEmpty()) {
      errors.add(FieldError.of(field, "required"));
      return null;
    }
    if (v.length() > MAX_TEXT) {
      errors.add(FieldError.of(field, "too_long"));
      return null;
    }
    return v;
  }

  private static LocalDate dateOfBirth(String value, LocalDate today, List<FieldError> errors) {
    Optional<LocalDate> date = date(value, "date_of_birth", errors);
    if (date.isEmpty()) {
      return null;
    }
    LocalDate born = date.get();
    if (born.isAfter(today)) {
      errors.add(FieldError.of("date_of_birth", "future"));
    } else if (born.plusYears(18).isAfter(today)) {
      errors.add(FieldError.of("date_of_birth", "minor"));
    } else if (born.plusYears(130).isBefore(today)) {
      errors.add(FieldError.of("date_of_birth", "implausible"));
    } else {
      return born;
    }
    return null;
  }

  private static Optional<LocalDate> date(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(FieldError.of(field, "required"));
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.strip()));
    } catch (DateTimeParseException e) {
      errors.add(FieldError.of(field, "invalid"));
      return Optional.empty();
    }
  }

  private static String country(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(FieldError.of(field, "required"));
      return null;
    }
    String code = value.strip().toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(code)) {
      errors.add(FieldError.of(field, "unknown"));
      return null;
    }
    return code;
  }

  private static String postalCode(String value, String country, List<FieldError> errors) {
    String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (v.isEmpty()) {
      if (country != null && NO_POSTAL_CODES.contains(country)) {
        return "";
      }
      errors.add(FieldError.of("postal_code", "required"));
      return null;
    }
    // Only against a known country: an unknown one is the country's error, not this field's.
    Pattern format = country == null ? POSTAL_FALLBACK : POSTAL_CODES.get(country);
    if (!(format == null ? POSTAL_FALLBACK : format).matcher(v).matches()) {
      errors.add(FieldError.of("postal_code", "format"));
      return null;
    }
    return v;
  }

  private static Identity.Document document(
      KycSubmission s, LocalDate today, List<FieldError> errors) {
    Optional<DocumentType> type = Optional.empty();
    if (s.documentType() == null || s.documentType().isBlank()) {
      errors.add(FieldError.of("document_type", "required"));
    } else {
      type = DocumentType.ofApiName(s.documentType().strip().toLowerCase(Locale.ROOT));
      if (type.isEmpty()) {
        errors.add(FieldError.of("document_type", "unknown"));
      }
    }
    String issuing = country(s.issuingCountry(), "issuing_country", errors);
    String number = null;
    if (s.documentNumber() == null || s.documentNumber().isBlank()) {
      errors.add(FieldError.of("document_number", "required"));
    } else if (type.isPresent()) {
      number = documentNumber(s.documentNumber(), type.get(), issuing, errors);
    }
    LocalDate expiry = date(s.documentExpiry(), "document_expiry", errors).orElse(null);
    if (expiry != null && expiry.isBefore(today)) {
      errors.add(FieldError.of("document_expiry", "expired"));
      expiry = null;
    }
    if (type.isEmpty() || issuing == null || number == null || expiry == null) {
      return null;
    }
    return new Identity.Document(type.get(), number, issuing, expiry);
  }

  /**
   * The number normalized (upper case; spaces, dashes and dots dropped; an MRZ field's padding and
   * check digit dropped once checked), or null with the error added.
   */
  static String documentNumber(
      String value, DocumentType type, String issuing, List<FieldError> errors) {
    String v = value.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s.-]", "");
    if (type != DocumentType.DRIVING_LICENCE && MRZ_NUMBER.matcher(v).matches()) {
      if (icaoCheckDigit(v.substring(0, 9)) != v.charAt(9) - '0') {
        errors.add(FieldError.of("document_number", "check_digit"));
        return null;
      }
      v = v.substring(0, 9).replace("<", "");
    }
    if (!NUMBERS.get(type).matcher(v).matches()) {
      errors.add(FieldError.of("document_number", "format"));
      return null;
    }
    Pattern national =
        issuing == null ? null : NATIONAL_NUMBERS.get(issuing + ":" + type.apiName());
    if (national != null && !national.matcher(v).matches()) {
      errors.add(FieldError.of("document_number", "format"));
      return null;
    }
    if ("ES".equals(issuing)
        && type == DocumentType.ID_CARD
        && DNI_LETTERS.charAt(Integer.parseInt(v.substring(0, 8)) % 23) != v.charAt(8)) {
      errors.add(FieldError.of("document_number", "check_digit"));
      return null;
    }
    return v;
  }

  /**
   * The ICAO 9303 check digit of a machine-readable-zone field: digits count as themselves, A to Z
   * as 10 to 35, the filler {@code <} as 0, weighted 7, 3, 1 repeatedly; the sum modulo 10.
   *
   * @throws IllegalArgumentException for a character an MRZ does not have
   */
  public static int icaoCheckDigit(String field) {
    int[] weights = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      int value;
      if (c >= '0' && c <= '9') {
        value = c - '0';
      } else if (c >= 'A' && c <= 'Z') {
        value = c - 'A' + 10;
      } else if (c == '<') {
        value = 0;
      } else {
        throw new IllegalArgumentException("not an MRZ character: " + c);
      }
      sum += value * weights[i % 3];
    }
    return sum % 10;
  }
}
