package org.kassa.compliance.gate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kassa.compliance.text.Csv;

/**
 * The FATF's "call for action" jurisdictions (the black list), as published after the February 2026
 * plenary; {@code kassa.gate.review-countries} replaces them without a rebuild.
 */
final class HighRiskCountries {

  private static final String FATF = "fatf_lists_2026-02-13.csv";

  private HighRiskCountries() {}

  /** ISO 3166 alpha-2 codes of the FATF's call-for-action list. */
  static Set<String> fatfCallForAction() {
    try (InputStream in = HighRiskCountries.class.getResourceAsStream(FATF)) {
      if (in == null) {
        throw new IllegalStateException(FATF + " is missing");
      }
      Set<String> codes = new HashSet<>();
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (String line : lines.subList(1, lines.size())) {
        List<String> cells = Csv.split(line);
        if (cells.size() > 3 && cells.get(3).startsWith("call_for_action")) {
          codes.add(cells.get(0).trim().toUpperCase(Locale.ROOT));
        }
      }
      return Set.copyOf(codes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
