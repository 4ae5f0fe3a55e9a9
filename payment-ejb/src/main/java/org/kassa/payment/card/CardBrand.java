package org.kassa.payment.card;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Card brands. Their number prefixes (BIN ranges), lengths and security-code name and size come
 * from one data file, {@code credit_card_type_prefix_ranges.csv} beside this class (see its {@code
 * SOURCE.md}); the hosted page's script detects the brand from the same ranges ({@link #ranges}).
 * Detection takes the longest matching prefix, so a more specific range wins; between prefixes of
 * the same length, the narrower range (Verve's {@code 506099-506127} within Maestro's {@code
 * 504176-506698}), then the one listed first.
 */
public enum CardBrand {
  VISA("visa"),
  MASTERCARD("mastercard"),
  AMEX("american-express"),
  DISCOVER("discover"),
  DINERS("diners-club"),
  JCB("jcb"),
  UNIONPAY("unionpay"),
  MAESTRO("maestro"),
  MIR("mir"),
  ELO("elo"),
  HIPER("hiper"),
  HIPERCARD("hipercard"),
  TROY("troy"),
  VERVE("verve"),
  NARANJA("naranja"),
  /** Not in the data: any length a card number may have, a 3-digit code. */
  UNKNOWN(null);

  /** The data file, as a resource beside this class. */
  static final String DATA = "credit_card_type_prefix_ranges.csv";

  /**
   * One prefix range of the data file: numbers whose first {@code low.length()} digits are between
   * {@code low} and {@code high} (both included, of the same length) belong to {@code brand}.
   */
  public record Range(CardBrand brand, String low, String high) {
    public Range {
      Objects.requireNonNull(brand, "brand");
      if (!low.matches("\\d+") || !high.matches("\\d+") || low.length() != high.length()) {
        throw new IllegalArgumentException("a prefix range is two numbers of one length");
      }
    }

    /** How many prefixes the range spans, less one: 0 for a single prefix. */
    long width() {
      return Long.parseLong(high) - Long.parseLong(low);
    }

    /** How many leading digits matched: the prefix's length, or 0 when it does not match. */
    int matchLength(String digits) {
      int len = low.length();
      if (digits.length() < len) {
        return 0;
      }
      String prefix = digits.substring(0, len);
      return prefix.compareTo(low) >= 0 && prefix.compareTo(high) <= 0 ? len : 0;
    }
  }

  private final String dataKey;

  CardBrand(String dataKey) {
    this.dataKey = dataKey;
  }

  /**
   * The brand's key in the data file (and for the page's script), e.g. {@code american-express}.
   */
  public String key() {
    return dataKey == null ? "unknown" : dataKey;
  }

  public String displayName() {
    return this == UNKNOWN ? "Card" : Data.INSTANCE.displayNames.get(this);
  }

  /** Digits of the card security code: 4 for American Express, 3 for the others. */
  public int cvcLength() {
    return this == UNKNOWN ? 3 : Data.INSTANCE.cvcLengths.get(this);
  }

  /** What the brand calls its security code: CVV, CVC, CID, CVN, CVP2. */
  public String cvcName() {
    return this == UNKNOWN ? "CVC" : Data.INSTANCE.cvcNames.get(this);
  }

  /** The lengths a number of this brand may have, ascending. */
  public int[] lengths() {
    return this == UNKNOWN
        ? new int[] {12, 13, 14, 15, 16, 17, 18, 19}
        : Data.INSTANCE.lengths.get(this).clone();
  }

  /** Whether a number of {@code length} digits is valid for this brand. */
  public boolean acceptsLength(int length) {
    return Arrays.stream(lengths()).anyMatch(l -> l == length);
  }

  /** Every prefix range, in the data file's order. */
  public static List<Range> ranges() {
    return Data.INSTANCE.ranges;
  }

  /** The brand of a (possibly partial) card number, from its leading digits. */
  public static CardBrand detect(String digits) {
    if (digits == null) {
      return UNKNOWN;
    }
    Range best = null;
    int bestLength = 0;
    for (Range range : Data.INSTANCE.ranges) {
      int matched = range.matchLength(digits);
      if (matched > bestLength
          || (matched > 0 && matched == bestLength && range.width() < best.width())) {
        best = range;
        bestLength = matched;
      }
    }
    return best == null ? UNKNOWN : best.brand();
  }

  private static CardBrand ofKey(String key) {
    for (CardBrand brand : values()) {
      if (key.equals(brand.dataKey)) {
        return brand;
      }
    }
    throw new IllegalStateException("card brand data names an unknown brand: " + key);
  }

  /** The data file, read once when first needed. */
  private static final class Data {
    static final Data INSTANCE = read();

    final List<Range> ranges = new ArrayList<>();
    final Map<CardBrand, String> displayNames = new LinkedHashMap<>();
    final Map<CardBrand, Integer> cvcLengths = new LinkedHashMap<>();
    final Map<CardBrand, String> cvcNames = new LinkedHashMap<>();
    final Map<CardBrand, int[]> lengths = new LinkedHashMap<>();

    private static Data read() {
      Data data = new Data();
      try (InputStream stream = CardBrand.class.getResourceAsStream(DATA)) {
        if (stream == null) {
          throw new IllegalStateException("missing resource " + DATA);
        }
        BufferedReader in =
            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        String header = in.readLine();
        if (!"brand,nice_type,pattern_start,pattern_end,lengths,gaps,code_name,code_size"
            .equals(header)) {
          throw new IllegalStateException(DATA + " has an unexpected header: " + header);
        }
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          String[] c = line.split(",", -1);
          CardBrand brand = ofKey(c[0]);
          data.ranges.add(new Range(brand, c[2], c[3]));
          data.displayNames.putIfAbsent(brand, c[1]);
          data.cvcNames.putIfAbsent(brand, c[6]);
          data.cvcLengths.putIfAbsent(brand, Integer.parseInt(c[7]));
          data.lengths.putIfAbsent(
              brand,
              Arrays.stream(c[4].split("\\|")).mapToInt(Integer::parseInt).sorted().toArray());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (CardBrand brand : values()) {
        if (brand != UNKNOWN && !data.displayNames.containsKey(brand)) {
          throw new IllegalStateException(DATA + " has no range for " + brand.dataKey);
        }
      }
      return data;
    }
  }
}
