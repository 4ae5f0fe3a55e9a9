package org.kassa.compliance.aml.screening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.kassa.compliance.aml.EntryType;
import org.kassa.compliance.aml.ListedEntry;
import org.kassa.compliance.aml.SanctionsList;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One screening query over every name of the real lists (OFAC SDN of July 2021 with its aliases
 * and the UN consolidated list: 9,979 entries, about 24,500 indexed names), three ways in the same
 * run:
 *
 * <ul>
 *   <li>{@code indexed}: {@link Screening#search}, blocking keys first;
 *   <li>{@code exhaustive}: {@link Screening#searchExhaustive}, the same scoring over every name;
 *   <li>{@code naiveScan}: a plain token-level Jaro-Winkler scan (commons-text, each query token's
 *       best match in each name, averaged), no normalization cache, no alignment, no index: what a
 *       screening loop without any of this would cost.
 * </ul>
 *
 * Each call takes the next query of a fixed mix made like the quality tests' (reordered names,
 * aliases, typos, missing middle names, legal forms, names in Arabic or Cyrillic script, and common
 * names that are not listed), so every mode sees the same queries in the same order.
 */
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScreeningBenchmark {

  /** The lists, the index and the query mix, built once per fork. */
  @State(Scope.Benchmark)
  public static class Lists {
    Screening screening;
    List<Query> queries;
    List<String[]> naiveNames;

    @Setup(Level.Trial)
    public void load() {
      RealLists.UnList un = RealLists.un();
      List<SanctionsList> lists = List.of(RealLists.ofacSdn(), un.list());
      long start = System.nanoTime();
      ScreeningIndex index = ScreeningIndex.build(lists);
      long built = System.nanoTime();
      screening = new Screening(index);
      System.out.printf(
          "%nindex: %d entries, %d names, %d keys, built in %d ms%n",
          index.entryCount(),
          index.nameCount(),
          index.keyCount(),
          (built - start) / 1_000_000);

      QuerySets sets = new QuerySets(20260227L);
      List<Query> mix = new ArrayList<>();
      List<QuerySets.Labeled> labeled = sets.build(lists, un.originalScript(), 50);
      Collections.shuffle(labeled, new Random(1));
      int transliterated = 0;
      for (QuerySets.Labeled q : labeled) {
        if (q.kind() == QuerySets.Kind.TRANSLITERATED && transliterated++ >= 50) {
          continue;
        }
        mix.add(new Query(q.name(), q.type(), null, null, List.of(), 0.85, 10));
      }
      for (String name : sets.notListed(index, new NameNormalizer(), lists, 30)) {
        mix.add(new Query(name, EntryType.PERSON, null, null, List.of(), 0.85, 10));
      }
      Collections.shuffle(mix, new Random(2));
      queries = List.copyOf(mix);
      System.out.printf("query mix: %d queries%n", queries.size());

      // The naive scan works on lower-cased words, split once here (it would be cached too).
      naiveNames = new ArrayList<>();
      for (SanctionsList list : lists) {
        for (ListedEntry e : list.entries()) {
          for (String name : e.allNames()) {
            naiveNames.add(name.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
          }
        }
      }
    }
  }

  /** Each thread walks the query mix in order. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    Query next(Lists lists) {
      Query q = lists.queries.get(next);
      next = (next + 1) % lists.queries.size();
      return q;
    }
  }

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  @Benchmark
  public List<Hit> indexed(Lists lists, Cursor cursor) {
    return lists.screening.search(cursor.next(lists));
  }

  @Benchmark
  public List<Hit> exhaustive(Lists lists, Cursor cursor) {
    return lists.screening.searchExhaustive(cursor.next(lists));
  }

  @Benchmark
  public int naiveScan(Lists lists, Cursor cursor) {
    String[] query =
        cursor.next(lists).name().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    int hits = 0;
    for (String[] name : lists.naiveNames) {
      double sum = 0;
      for (String q : query) {
        double best = 0;
        for (String t : name) {
          best = Math.max(best, JARO_WINKLER.apply(q, t));
        }
        sum += best;
      }
      if (sum / query.length >= 0.85) {
        hits++;
      }
    }
    return hits;
  }
}
