import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load generator for POST /api/v1/payments: CLIENTS clients, each sending the next
 * request as soon as the previous answers, for SECONDS seconds after a warm-up. Prints payments/s
 * and latency percentiles. Run with the JDK's source launcher: java LoadGenerator.java URL KEY
 * CLIENTS SECONDS WARMUP
 */
public class LoadGenerator {

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0] + "/api/v1/payments");
    String key = args[1];
    int clients = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(clients))
            .build();
    String body = "{\"amount\":1999,\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\"}";
    AtomicLong errors = new AtomicLong();
    run(http, uri, key, body, clients, warmup, errors); // warm-up: JIT, pools, caches
    errors.set(0);
    long started = System.nanoTime();
    List<long[]> latencies = run(http, uri, key, body, clients, seconds, errors);
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        "kassa clients=%d seconds=%.1f payments=%d errors=%d payments_per_s=%.1f p50_ms=%.1f"
            + " p99_ms=%.1f%n",
        clients,
        elapsed,
        all.length,
        errors.get(),
        all.length / elapsed,
        percentile(all, 50) / 1e6,
        percentile(all, 99) / 1e6);
    System.exit(0);
  }

  private static List<long[]> run(
      HttpClient http, URI uri, String key, String body, int clients, int seconds, AtomicLong errors)
      throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      results.add(
          pool.submit(
              () -> {
                long[] samples = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline) {
                  HttpRequest request =
                      HttpRequest.newBuilder(uri)
                          .header("Authorization", "Bearer " + key)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build();
                  long t0 = System.nanoTime();
                  HttpResponse<String> answer =
                      http.send(request, HttpResponse.BodyHandlers.ofString());
                  long took = System.nanoTime() - t0;
                  if (answer.statusCode() != 201 || !answer.body().contains("\"captured\"")) {
                    errors.incrementAndGet();
                    continue;
                  }
                  if (n == samples.length) {
                    samples = Arrays.copyOf(samples, n * 2);
                  }
                  samples[n++] = took;
                }
                return Arrays.copyOf(samples, n);
              }));
    }
    List<long[]> out = new ArrayList<>();
    for (Future<long[]> f : results) {
      out.add(f.get());
    }
    pool.shutdown();
    return out;
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
  }
}
