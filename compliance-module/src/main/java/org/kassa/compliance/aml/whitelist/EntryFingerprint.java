package org.kassa.compliance.aml.whitelist;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.text.Sha256;

/**
 * The SHA-256 of a listed entry's canonical form: list id, type, primary name, aliases, dates of
 * birth, countries and identifiers. Programs and remarks are left out: a whitelisting is about who
 * the entry designates, not under which regime. The canonical form is Unicode NFC, lower case, with
 * runs of white space as one space, and each multi-valued field as a sorted set, so that a list
 * re-published with its aliases in another order keeps the fingerprint; anything else that changes
 * who is designated (a new alias, identifier, date of birth, country) changes it.
 */
public final class EntryFingerprint {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private EntryFingerprint() {}

  /** The entry's fingerprint: 64 lower-case hex characters. */
  public static String of(ListedEntry entry) {
    StringBuilder canonical = new StringBuilder();
    field(canonical, "list", List.of(entry.listId()));
    field(canonical, "entry", List.of(entry.entryId()));
    field(canonical, "type", List.of(entry.type().name()));
    field(canonical, "name", List.of(entry.name()));
    field(canonical, "aliases", entry.aliases());
    field(canonical, "dob", entry.datesOfBirth());
    field(canonical, "countries", entry.countries());
    field(
        canonical,
        "identifiers",
        entry.identifiers().stream().map(EntryFingerprint::identifier).toList());
    return Sha256.hex(canonical.toString());
  }

  private static String identifier(Identifier id) {
    return id.type() + "|" + id.value() + "|" + (id.country() == null ? "" : id.country());
  }

  /** {@code name:count:len:value...;} — lengths make the form unambiguous whatever the values. */
  private static void field(StringBuilder out, String name, Collection<String> values) {
    TreeSet<String> canonical = new TreeSet<>();
    for (String value : values) {
      if (value != null) {
        String c = canonical(value);
        if (!c.isEmpty()) {
          canonical.add(c);
        }
      }
    }
    out.append(name).append(':').append(canonical.size());
    for (String value : canonical) {
      out.append(':').append(value.length()).append(':').append(value);
    }
    out.append(';');
  }

  static String canonical(String value) {
    String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
    return SPACES.matcher(nfc).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
  }
}
