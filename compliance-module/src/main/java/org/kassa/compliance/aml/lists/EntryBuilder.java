package org.kassa.compliance.aml.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.Identifier;
import org.kassa.compliance.aml.ListFormatException;
import org.kassa.compliance.aml.ListedEntry;

/**
 * Collects one entry while a format reads it: values are cleaned, blanks dropped and repeats kept
 * once, in the order the file gives them.
 */
final class EntryBuilder {

  private final String listId;
  private final String entryId;
  private EntryType type = EntryType.UNKNOWN;
  private String name = "";
  private final Set<String> aliases = new LinkedHashSet<>();
  private final Set<String> datesOfBirth = new LinkedHashSet<>();
  private final Set<String> countries = new LinkedHashSet<>();
  private final Set<Identifier> identifiers = new LinkedHashSet<>();
  private final Set<String> programs = new LinkedHashSet<>();

  EntryBuilder(String listId, String entryId) {
    this.listId = listId;
    this.entryId = entryId;
  }

  String entryId() {
    return entryId;
  }

  EntryBuilder type(EntryType type) {
    this.type = type;
    return this;
  }

  EntryBuilder name(String name) {
    this.name = ListText.clean(name);
    return this;
  }

  boolean hasName() {
    return !name.isEmpty();
  }

  EntryBuilder alias(String alias) {
    add(aliases, alias);
    return this;
  }

  EntryBuilder dateOfBirth(String date) {
    add(datesOfBirth, date);
    return this;
  }

  EntryBuilder country(String country) {
    add(countries, country);
    return this;
  }

  EntryBuilder program(String program) {
    add(programs, program);
    return this;
  }

  EntryBuilder identifier(String type, String value, String country) {
    String v = ListText.clean(value);
    if (!v.isEmpty()) {
      String c = ListText.clean(country);
      identifiers.add(new Identifier(type, v, c.isEmpty() ? null : c));
    }
    return this;
  }

  /**
   * The entry.
   *
   * @throws ListFormatException when it has no name: an entry nobody can be screened against
   */
  ListedEntry build() throws ListFormatException {
    if (name.isEmpty()) {
      throw new ListFormatException("entry " + entryId + " has no name");
    }
    List<String> otherNames = new ArrayList<>(aliases);
    otherNames.remove(name);
    return new ListedEntry(
        listId,
        entryId,
        type,
        name,
        otherNames,
        List.copyOf(datesOfBirth),
        List.copyOf(countries),
        List.copyOf(identifiers),
        List.copyOf(programs));
  }

  private static void add(Set<String> values, String value) {
    String v = ListText.clean(value);
    if (!v.isEmpty()) {
      values.add(v);
    }
  }
}
