package org.kassa.compliance.aml.screening;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** A normalized name with what scoring needs precomputed: consonant skeletons, weights, joined. */
final class PreparedName {

  final NormalizedName name;
  final String[] text;
  final String[] skeleton;
  final boolean[] consonantal;
  final double[] weight;
  final String joined;

  /**
   * For a query's name only, which lives for one search on one thread: the similarities of each
   * listed token seen so far with the query's tokens. Null for listed names.
   */
  final Map<String, double[]> similarityCache;

  PreparedName(NormalizedName name, ToDoubleFunction<String> weightOf) {
    this(name, weightOf, false);
  }

  PreparedName(NormalizedName name, ToDoubleFunction<String> weightOf, boolean query) {
    similarityCache = query ? new HashMap<>() : null;
    this.name = name;
    List<NameToken> tokens = name.tokens();
    int n = tokens.size();
    text = new String[n];
    skeleton = new String[n];
    consonantal = new boolean[n];
    weight = new double[n];
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < n; i++) {
      NameToken token = tokens.get(i);
      text[i] = token.text();
      skeleton[i] = skeleton(token.text());
      consonantal[i] = token.consonantal();
      weight[i] = weightOf.applyAsDouble(token.text());
      all.append(token.text());
    }
    joined = all.toString();
  }

  int size() {
    return text.length;
  }

  /**
   * The token's consonants, doubled letters once: {@code hussein}, {@code husayn} and {@code hsyn}
   * (from Arabic) are all {@code hsn}; {@code mohammed} and {@code muhammad} are {@code mhmd}. Used
   * as a blocking key and to compare tokens from scripts that do not write short vowels.
   */
  static String skeleton(String token) {
    StringBuilder out = new StringBuilder(token.length());
    char last = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w') {
        continue;
      }
      if (c != last) {
        out.append(c);
      }
      last = c;
    }
    return out.toString();
  }
}
