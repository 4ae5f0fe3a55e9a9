package org.kassa.payment.money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kassa.compliance.text.Csv;

/**
 * The active ISO 4217 currencies and their minor units, read once from the official table. Codes
 * that are withdrawn, or have no minor units ("N.A.": gold, SDR, the test code), are not currencies
 * a payment can be made in.
 */
public final class IsoCurrencies {

  private static final String TABLE = "iso4217_codes-all.csv";
  private static final Map<String, Integer> MINOR_UNITS = load();

  private IsoCurrencies() {}

  /** The minor units of an active currency, or empty for anything else. */
  public static Optional<Integer> minorUnits(String code) {
    return Optional.ofNullable(MINOR_UNITS.get(code));
  }

  /** Every active payable currency code with its minor units, sorted by code. */
  public static Map<String, Integer> all() {
    return MINOR_UNITS;
  }

  private static Map<String, Integer> load() {
    Map<String, Integer> units = new TreeMap<>();
    try (InputStream in = IsoCurrencies.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("ISO 4217 table " + TABLE + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // header:
      // Entity,Currency,AlphabeticCode,NumericCode,MinorUnit,WithdrawalDate
      String line;
      while ((line = reader.readLine()) != null) {
        List<String> cells = Csv.split(line);
        if (cells.size() < 5) {
          continue;
        }
        String code = cells.get(2).trim();
        String minor = cells.get(4).trim();
        boolean withdrawn = cells.size() > 5 && !cells.get(5).isBlank();
        if (code.length() == 3 && !withdrawn && minor.matches("\\d")) {
          units.put(code, Integer.parseInt(minor));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(units);
  }
}
