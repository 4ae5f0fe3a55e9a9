package org.kassa.compliance.aml;

/**
 * One official file format of a sanctions list, read into a {@link SanctionsList}.
 *
 * <p>A format is strict: a file that is empty, cut short, of another format, or that contradicts
 * itself (fewer entries than its header claims, aliases for entries it does not hold) is refused
 * whole with a {@link ListFormatException}, never read in part, so that a bad download never
 * replaces a good list. The list records the SHA-256 of the bytes it was read from.
 *
 * <p>Implementations are stateless and thread-safe; {@code org.kassa.compliance.aml.lists} has one
 * per official format.
 */
public interface ListFormat {

  /** The list this format carries, e.g. {@code ofac-sdn}; two formats of one list share it. */
  String listId();

  /** A human name of the source and format, e.g. {@code OFAC SDN (CSV)}. */
  String source();

  /**
   * Reads the list.
   *
   * @param files the file, or for a list published as several files (OFAC's SDN, ADD and ALT) the
   *     files by their official names
   * @throws ListFormatException when the files are not a complete, well-formed list of this format
   */
  SanctionsList read(ListFiles files) throws ListFormatException;
}
