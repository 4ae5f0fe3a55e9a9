package org.kassa.bench.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The full run: the append benchmarks with 1, 2 and 4 threads on each database (chained and plain
 * in the same run, so that each row's ratio compares like with like on a noisy machine), then the
 * verify benchmarks, and a table of the figures: the median of each benchmark's measured
 * iterations, with their range in brackets. JMH options given on the command line (e.g. {@code -i 5
 * -r 5s}) apply to every part; the table is also written to {@code target/audit-figures.md}.
 */
public final class RunAll {

  private static final int[] THREADS = {1, 2, 4};
  private static final String[] DATABASES = {"h2", "postgresql"};

  private RunAll() {}

  public static void main(String[] args)
      throws RunnerException, CommandLineOptionException, IOException {
    CommandLineOptions cli = new CommandLineOptions(args);
    List<RunResult> appends = new ArrayList<>();
    for (int threads : THREADS) {
      for (String db : DATABASES) {
        ChainedOptionsBuilder options = options(cli, AuditAppendBenchmark.class, "", threads);
        options.param("db", db);
        if (!cli.getWarmupIterations().hasValue()) {
          // H2 is JIT-compiled with the benchmark: its figures climb for about ten seconds.
          options.warmupIterations("h2".equals(db) ? 4 : 1);
        }
        appends.addAll(new Runner(options.build()).run());
      }
    }
    // The offset's cost grows with the chain: the product's paging at two sizes, keyset at one.
    List<RunResult> verifies = new ArrayList<>();
    verifies.addAll(
        new Runner(options(cli, AuditVerifyBenchmark.class, "verify$", 1).build()).run());
    verifies.addAll(
        new Runner(
                options(cli, AuditVerifyBenchmark.class, "verifyByKey$", 1)
                    .param("events", "50000")
                    .build())
            .run());

    StringBuilder out = new StringBuilder();
    out.append("| database | threads | chainedAppend (events/s) | plainInsert (rows/s) |")
        .append(" chained/plain |\n| --- | ---: | ---: | ---: | ---: |\n");
    for (String db : DATABASES) {
      for (int threads : THREADS) {
        Optional<Figure> chained = find(appends, "chainedAppend", db, threads, null);
        Optional<Figure> plain = find(appends, "plainInsert", db, threads, null);
        if (chained.isEmpty() || plain.isEmpty()) {
          continue;
        }
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %.2f |%n",
                db,
                threads,
                score(chained.get()),
                score(plain.get()),
                chained.get().median() / plain.get().median()));
      }
    }
    out.append("\n| database | events stored | verify (events/s) | verifyByKey (events/s) |")
        .append("\n| --- | ---: | ---: | ---: |\n");
    for (String db : DATABASES) {
      for (String events : new String[] {"10000", "50000"}) {
        Optional<Figure> offset = find(verifies, "verify", db, 1, events);
        Optional<Figure> key = find(verifies, "verifyByKey", db, 1, events);
        if (offset.isEmpty()) {
          continue;
        }
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s |%n",
                db,
                events,
                score(offset.get()),
                key.map(RunAll::score).orElse("")));
      }
    }
    System.out.println();
    System.out.print(out);
    Path figures = Path.of("target", "audit-figures.md");
    Files.createDirectories(figures.getParent());
    Files.writeString(figures, out);
  }

  private static ChainedOptionsBuilder options(
      CommandLineOptions cli, Class<?> benchmark, String method, int threads) {
    return new OptionsBuilder()
        .parent(cli)
        .include(benchmark.getName() + "\\." + method)
        .threads(threads);
  }

  /** A benchmark's events per second: the primary score, or the verify counter. */
  private static Optional<Figure> find(
      List<RunResult> results, String method, String db, int threads, String events) {
    for (RunResult r : results) {
      var params = r.getParams();
      if (params.getBenchmark().endsWith("." + method)
          && db.equals(params.getParam("db"))
          && params.getThreads() == threads
          && (events == null || events.equals(params.getParam("events")))) {
        List<Double> perIteration = new ArrayList<>();
        for (BenchmarkResult b : r.getBenchmarkResults()) {
          for (IterationResult i : b.getIterationResults()) {
            Result<?> verified = i.getSecondaryResults().get("verified");
            perIteration.add((verified != null ? verified : i.getPrimaryResult()).getScore());
          }
        }
        return Optional.of(Figure.of(perIteration));
      }
    }
    return Optional.empty();
  }

  /** The median of the measured iterations, with their range: robust to a neighbour's burst. */
  private static String score(Figure f) {
    return String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)", f.median(), f.min(), f.max());
  }

  /** A benchmark's per-iteration figures (events per second). */
  record Figure(double median, double min, double max) {
    static Figure of(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      double median =
          n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
      return new Figure(median, sorted.get(0), sorted.get(n - 1));
    }
  }
}
