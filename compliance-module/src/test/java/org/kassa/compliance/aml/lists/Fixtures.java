package org.kassa.compliance.aml.lists;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kassa.compliance.aml.ListFiles;

/**
 * The official files under {@code src/test/resources/sanctions/} (see SOURCES.md there), and counts
 * and digests computed from their bytes without the loaders, to check the loaders against.
 */
final class Fixtures {

  private Fixtures() {}

  static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/sanctions/" + path)) {
      if (in == null) {
        throw new IllegalStateException("no test resource sanctions/" + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file under its own name. */
  static ListFiles file(String path) {
    return ListFiles.of(path.substring(path.lastIndexOf('/') + 1), bytes(path));
  }

  /** Several files of one directory, under their own names. */
  static ListFiles files(String dir, String... names) {
    ListFiles files = null;
    for (String name : names) {
      byte[] b = bytes(dir + "/" + name);
      files = files == null ? ListFiles.of(name, b) : files.with(name, b);
    }
    return files;
  }

  /** SHA-256 of the bytes of these files one after the other, by the JDK directly. */
  static String sha256(String... paths) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String path : paths) {
        digest.update(bytes(path));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of an ASCII or UTF-8 file. */
  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  /** How often a plain string occurs in a file. */
  static int occurrences(String path, String needle) {
    String text = text(path);
    int count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      count++;
    }
    return count;
  }

  /** The distinct values of the leading number of each line ({@code 306,"BANCO ..."}). */
  static Set<String> leadingNumbers(String path) {
    Set<String> ids = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^(\\d+),").matcher(text(path));
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** Lines that start with a number: the data lines of an OFAC CSV file. */
  static long numberedLines(String path) {
    return text(path).lines().filter(l -> l.matches("^\\d+,.*")).count();
  }
}
