package org.kassa.compliance.aml;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a sanctions list, as its loader reads it from the official file.
 *
 * @param listId the list it comes from, e.g. {@code ofac-sdn}, {@code un}, {@code eu-fsf}, {@code
 *     uk-ofsi}, or an internal watchlist's name
 * @param entryId the entry's id in that list (OFAC's ent_num, the UN's DATAID, ...)
 * @param type person, organization, vessel, ...
 * @param name the primary name, as written
 * @param aliases other names (a.k.a., f.k.a., other scripts), as written
 * @param datesOfBirth as written (full dates as {@code yyyy-MM-dd} where the list gives them)
 * @param countries nationalities, citizenships and address countries, as the list names them
 * @param identifiers passports, national ids, IMO numbers, ...
 * @param programs the sanctions programs or regimes
 */
public record ListedEntry(
    String listId,
    String entryId,
    EntryType type,
    String name,
    List<String> aliases,
    List<String> datesOfBirth,
    List<String> countries,
    List<Identifier> identifiers,
    List<String> programs) {

  public ListedEntry {
    Objects.requireNonNull(listId, "listId");
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    datesOfBirth = List.copyOf(datesOfBirth);
    countries = List.copyOf(countries);
    identifiers = List.copyOf(identifiers);
    programs = List.copyOf(programs);
  }

  /** The primary name and every alias. */
  public List<String> allNames() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream())
        .toList();
  }
}
