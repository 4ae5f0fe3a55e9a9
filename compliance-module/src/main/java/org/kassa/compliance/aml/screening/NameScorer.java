package org.kassa.compliance.aml.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The name score of a query name against one listed name.
 *
 * <p>Tokens are aligned one to one so that the weighted sum of their Jaro-Winkler similarities is
 * the largest (the Hungarian method): word order does not matter. A pair below {@link
 * ScoringPolicy#tokenFloor()} is no pair. Each listed token weighs by its rarity in the index
 * (inverse document frequency), so that {@code al} or {@code muhammad} matter less than a rare
 * family name. The score is
 *
 * <pre>
 *   sum(similarity * 2w) over pairs
 *   / (sum(2w) over pairs + extraTokenCost * sum(w) over unmatched query tokens
 *                         + missingTokenCost * sum(w) over unmatched listed tokens)
 * </pre>
 *
 * so that identical names score 1 and every unmatched token costs by its weight. When the names
 * joined without spaces are closer (same letters, different word breaks), that edit-distance ratio
 * is the score instead.
 */
final class NameScorer {

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

  /** Joined names whose lengths differ by more than this fraction cannot score above 1 - it. */
  private static final double JOINED_MAX_LENGTH_GAP = 0.2;

  /** The consonant-skeleton comparison of a one-letter skeleton ({@code ali} and {@code ly}). */
  private static final double SHORT_SKELETON_SCORE = 0.90;

  private final ScoringPolicy policy;

  NameScorer(ScoringPolicy policy) {
    this.policy = policy;
  }

  /** The name score alone, for ranking candidates. */
  double score(PreparedName query, PreparedName listed) {
    return Math.max(tokenScore(query, listed, null), joinedScore(query, listed));
  }

  /** The name score with its explanation. */
  NameMatch explain(PreparedName query, PreparedName listed, boolean alias) {
    List<TokenPair> lines = new ArrayList<>();
    double tokenScore = tokenScore(query, listed, lines);
    double joinedScore = joinedScore(query, listed);
    NameMatch.Method method = NameMatch.Method.TOKENS;
    double score = tokenScore;
    if (joinedScore > tokenScore) {
      method = NameMatch.Method.JOINED;
      score = joinedScore;
    }
    return new NameMatch(
        listed.name.written(), alias, listed.name.text(), query.name.text(), method, lines, score);
  }

  private double tokenScore(PreparedName query, PreparedName listed, List<TokenPair> lines) {
    int m = query.size();
    int n = listed.size();
    if (m == 0 || n == 0) {
      return 0;
    }
    double[][] similarity = new double[m][n];
    boolean[][] byConsonants = lines == null ? null : new boolean[m][n];
    double[][] value = new double[m][n];
    for (int j = 0; j < n; j++) {
      double[] column = column(query, listed, j);
      for (int i = 0; i < m; i++) {
        double s = column[i];
        similarity[i][j] = s;
        if (byConsonants != null) {
          byConsonants[i][j] = column[m + i] > 0;
        }
        value[i][j] = s >= policy.tokenFloor() ? s * 2 * listed.weight[j] : 0;
      }
    }
    int[] partner = Assignment.maximize(value);
    double numerator = 0;
    double denominator = 0;
    boolean[] listedPaired = new boolean[n];
    for (int i = 0; i < m; i++) {
      int j = partner[i];
      if (j >= 0 && value[i][j] > 0) {
        listedPaired[j] = true;
        double w = 2 * listed.weight[j];
        numerator += similarity[i][j] * w;
        denominator += w;
        if (lines != null) {
          lines.add(
              new TokenPair(
                  query.text[i], listed.text[j], similarity[i][j], w, byConsonants[i][j]));
        }
      }
    }
    for (int i = 0; i < m; i++) {
      int j = partner[i];
      if (j < 0 || value[i][j] <= 0) {
        double w = policy.extraTokenCost() * query.weight[i];
        denominator += w;
        if (lines != null) {
          lines.add(new TokenPair(query.text[i], null, 0, w, false));
        }
      }
    }
    for (int j = 0; j < n; j++) {
      if (!listedPaired[j]) {
        double w = policy.missingTokenCost() * listed.weight[j];
        denominator += w;
        if (lines != null) {
          lines.add(new TokenPair(null, listed.text[j], 0, w, false));
        }
      }
    }
    return denominator == 0 ? 0 : numerator / denominator;
  }

  /**
   * The similarities of listed token {@code j} with each query token, then 1 where a similarity
   * came from consonants: from the query's cache when this listed token was seen before (common
   * tokens recur across the candidates of one search).
   */
  private double[] column(PreparedName query, PreparedName listed, int j) {
    String key = listed.consonantal[j] ? "\u0001" + listed.text[j] : listed.text[j];
    Map<String, double[]> cache = query.similarityCache;
    double[] column = cache == null ? null : cache.get(key);
    if (column != null) {
      return column;
    }
    int m = query.size();
    column = new double[2 * m];
    for (int i = 0; i < m; i++) {
      double plain = tokenSimilarity(query.text[i], listed.text[j]);
      double consonants =
          (query.consonantal[i] || listed.consonantal[j])
              ? consonantScore(query.skeleton[i], listed.skeleton[j])
              : 0;
      column[i] = Math.max(plain, consonants);
      column[m + i] = consonants > plain ? 1 : 0;
    }
    if (cache != null) {
      cache.put(key, column);
    }
    return column;
  }

  /** Jaro-Winkler, less for a difference in length (see {@link ScoringPolicy#lengthPenalty()}). */
  double tokenSimilarity(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    int longer = Math.max(a.length(), b.length());
    double gap = (double) Math.abs(a.length() - b.length()) / longer;
    return JARO_WINKLER.apply(a, b) * (1 - policy.lengthPenalty() * gap);
  }

  private double consonantScore(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    if (a.length() == 1 || b.length() == 1) {
      return a.equals(b) ? SHORT_SKELETON_SCORE * policy.consonantDiscount() : 0;
    }
    return policy.consonantDiscount() * (a.equals(b) ? 1.0 : JARO_WINKLER.apply(a, b));
  }

  private static double joinedScore(PreparedName query, PreparedName listed) {
    if (query.size() == listed.size()) {
      return 0; // same number of words: the token alignment already compares them word by word
    }
    String a = query.joined;
    String b = listed.joined;
    int longer = Math.max(a.length(), b.length());
    if (longer == 0 || Math.abs(a.length() - b.length()) > JOINED_MAX_LENGTH_GAP * longer) {
      return 0;
    }
    if (a.equals(b)) {
      return 1;
    }
    return 1.0 - (double) LEVENSHTEIN.apply(a, b) / longer;
  }

  /** Optimal one-to-one assignment (Hungarian method with potentials, O(n^2 m)). */
  static final class Assignment {
    private Assignment() {}

    /**
     * For each row, the column it is assigned to so that the sum of values is largest, or -1 when
     * there are more rows than columns and the row got none.
     */
    static int[] maximize(double[][] value) {
      int rows = value.length;
      int cols = value[0].length;
      if (rows <= cols) {
        return minimizeRowsToCols(value, rows, cols, false);
      }
      int[] colToRow = minimizeRowsToCols(value, cols, rows, true);
      int[] rowToCol = new int[rows];
      Arrays.fill(rowToCol, -1);
      for (int c = 0; c < cols; c++) {
        rowToCol[colToRow[c]] = c;
      }
      return rowToCol;
    }

    /** Assigns each of n "rows" to a distinct one of m >= n "cols", minimizing -value. */
    private static int[] minimizeRowsToCols(double[][] value, int n, int m, boolean transposed) {
      double[] u = new double[n + 1];
      double[] v = new double[m + 1];
      int[] p = new int[m + 1];
      int[] way = new int[m + 1];
      for (int i = 1; i <= n; i++) {
        p[0] = i;
        int j0 = 0;
        double[] minv = new double[m + 1];
        Arrays.fill(minv, Double.POSITIVE_INFINITY);
        boolean[] used = new boolean[m + 1];
        do {
          used[j0] = true;
          int i0 = p[j0];
          double delta = Double.POSITIVE_INFINITY;
          int j1 = 0;
          for (int j = 1; j <= m; j++) {
            if (!used[j]) {
              double cost = transposed ? -value[j - 1][i0 - 1] : -value[i0 - 1][j - 1];
              double cur = cost - u[i0] - v[j];
              if (cur < minv[j]) {
                minv[j] = cur;
                way[j] = j0;
              }
              if (minv[j] < delta) {
                delta = minv[j];
                j1 = j;
              }
            }
          }
          for (int j = 0; j <= m; j++) {
            if (used[j]) {
              u[p[j]] += delta;
              v[j] -= delta;
            } else {
              minv[j] -= delta;
            }
          }
          j0 = j1;
        } while (p[j0] != 0);
        do {
          int j1 = way[j0];
          p[j0] = p[j1];
          j0 = j1;
        } while (j0 != 0);
      }
      int[] assigned = new int[n];
      Arrays.fill(assigned, -1);
      for (int j = 1; j <= m; j++) {
        if (p[j] != 0) {
          assigned[p[j] - 1] = j - 1;
        }
      }
      return assigned;
    }
  }
}
