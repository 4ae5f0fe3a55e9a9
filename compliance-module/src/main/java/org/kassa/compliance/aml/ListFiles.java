package org.kassa.compliance.aml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The file or files of one list, by name, as a {@link ListFormat} reads them. Names are the
 * official file names ({@code sdn.csv}, {@code add.csv}, ...) and are matched ignoring case,
 * because OFAC publishes both {@code SDN.CSV} and {@code sdn.csv}. Immutable.
 */
public final class ListFiles {

  private final Map<String, Part> parts;

  private record Part(String name, byte[] bytes) {}

  private ListFiles(Map<String, Part> parts) {
    this.parts = Collections.unmodifiableMap(parts);
  }

  /** One file. */
  public static ListFiles of(String name, byte[] bytes) {
    return new ListFiles(new LinkedHashMap<>()).with(name, bytes);
  }

  /** Every regular file directly in {@code dir}, by its name. */
  public static ListFiles fromDirectory(Path dir) throws IOException {
    ListFiles files = new ListFiles(new LinkedHashMap<>());
    List<Path> paths;
    try (Stream<Path> listing = Files.list(dir)) {
      paths = listing.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path p : paths) {
      files = files.with(p.getFileName().toString(), Files.readAllBytes(p));
    }
    return files;
  }

  /** These files and one more; a file of the same name (ignoring case) is replaced. */
  public ListFiles with(String name, byte[] bytes) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bytes, "bytes");
    Map<String, Part> more = new LinkedHashMap<>(parts);
    more.put(key(name), new Part(name, bytes.clone()));
    return new ListFiles(more);
  }

  /** The names, as given, in the order they were added. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    parts.values().forEach(p -> names.add(p.name()));
    return names;
  }

  /** The bytes of the file of that name (ignoring case), if there is one. */
  public Optional<byte[]> find(String name) {
    return Optional.ofNullable(parts.get(key(name))).map(p -> p.bytes().clone());
  }

  /** The bytes of a file the format cannot do without. */
  public byte[] require(String name) throws ListFormatException {
    Part part = parts.get(key(name));
    if (part == null) {
      throw new ListFormatException("no file named " + name + " among " + names());
    }
    return part.bytes().clone();
  }

  /** The bytes of the one file of a single-file format, whatever its name. */
  public byte[] only() throws ListFormatException {
    if (parts.size() != 1) {
      throw new ListFormatException("expected exactly one file, got " + names());
    }
    return parts.values().iterator().next().bytes().clone();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "ListFiles" + names();
  }
}
