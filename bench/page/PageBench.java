import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load generator for the hosted checkout page against a bare JAX-RS endpoint of the same
 * server, in the same run: CLIENTS clients, each sending its next request as soon as the previous
 * one answers, for SECONDS seconds per workload after WARMUP seconds of the same workload.
 *
 * <ul>
 *   <li>{@code bare_api}: GET /api/v1/fx/rates without a key: JAX-RS matching, the authentication
 *       filter (which answers 401 problem+json before any database work) and the JSON writer; the
 *       cheapest round trip through the application's JAX-RS stack, and no product change.
 *   <li>{@code api_authenticated}: the same GET with the demo key: one indexed select for the key,
 *       then the in-memory rates as JSON (200). For scale only.
 *   <li>{@code page_get}: GET /pay/{id} of a real open session (created through the API first, one
 *       per client): the view bean loads the session, decrypts the payer's email, reads the consent
 *       wording and the KYC requirement, and JSF renders the card form (200, the pay button checked).
 *   <li>{@code page_postback}: POST of that form with a card number that fails the Luhn check: JSF
 *       restores the view, validates and renders the form again with its errors (200, the error
 *       summary checked). No payment is made, so the run leaves no payments behind.
 * </ul>
 *
 * <p>Each client keeps its cookies (as one shopper's browser does), so the views it opens stay in
 * one HTTP session, bounded by JSF's views-per-session limit. Run with the JDK's source launcher:
 * {@code java PageBench.java BASE_URL API_KEY CLIENTS SECONDS WARMUP}.
 */
public class PageBench {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*?value=\"([^\"]+)\"");

  private interface Workload {
    /** One request; true when the answer is the expected one. */
    boolean call(Client client) throws Exception;
  }

  /** One shopper's browser: its own cookies, its own session and its last view state. */
  private static final class Client {
    final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    final URI page;
    String viewState;

    Client(URI page) {
      this.page = page;
    }
  }

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/$", "");
    String key = args[1];
    int clients = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);

    List<Client> all = new ArrayList<>();
    HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int c = 0; c < clients; c++) {
      all.add(new Client(URI.create(base + "/pay/" + createSession(api, base, key, c))));
    }
    URI rates = URI.create(base + "/api/v1/fx/rates");
    String year = Integer.toString(Year.now().getValue() + 2);

    Workload bare =
        c -> {
          HttpResponse<String> r =
              c.http.send(HttpRequest.newBuilder(rates).GET().build(), ofString());
          return r.statusCode() == 401 && r.body().contains("unauthorized");
        };
    Workload authenticated =
        c -> {
          HttpResponse<String> r =
              c.http.send(
                  HttpRequest.newBuilder(rates)
                      .header("Authorization", "Bearer " + key)
                      .GET()
                      .build(),
                  ofString());
          return r.statusCode() == 200 && r.body().contains("fx_rates");
        };
    Workload get =
        c -> {
          HttpResponse<String> r =
              c.http.send(
                  HttpRequest.newBuilder(c.page)
                      .header("Accept-Language", "en")
                      .GET()
                      .build(),
                  ofString());
          c.viewState = viewState(r.body());
          return r.statusCode() == 200 && r.body().contains("id=\"pay-button\"");
        };
    Workload postback =
        c -> {
          if (c.viewState == null && !get.call(c)) {
            return false;
          }
          String form =
              form(
                  "pay", "pay",
                  "email", "bench@example.org",
                  "cardholder", "Bench Shopper",
                  "cardnumber", "4242424242424241",
                  "expmonth", "12",
                  "expyear", year,
                  "cvc", "123",
                  "pay-button", "Pay",
                  "jakarta.faces.ViewState", c.viewState);
          HttpResponse<String> r =
              c.http.send(
                  HttpRequest.newBuilder(c.page)
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .header("Accept-Language", "en")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  ofString());
          c.viewState = viewState(r.body());
          return r.statusCode() == 200 && r.body().contains("id=\"error-summary\"");
        };

    System.out.printf(
        "# %s: %d clients, %d s per workload after a %d s warm-up of it%n",
        base, clients, seconds, warmup);
    String[] names = {"bare_api", "api_authenticated", "page_get", "page_postback"};
    Workload[] workloads = {bare, authenticated, get, postback};
    double[] rate = new double[workloads.length];
    for (int w = 0; w < workloads.length; w++) {
      AtomicLong errors = new AtomicLong();
      run(all, workloads[w], warmup, errors); // warm-up: JIT, pools, caches
      errors.set(0);
      long started = System.nanoTime();
      List<long[]> latencies = run(all, workloads[w], seconds, errors);
      double elapsed = (System.nanoTime() - started) / 1e9;
      long[] sorted = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      rate[w] = sorted.length / elapsed;
      System.out.printf(
          Locale.ROOT,
          "%-18s requests=%d errors=%d per_s=%.1f p50_ms=%.2f p99_ms=%.2f%n",
          names[w],
          sorted.length,
          errors.get(),
          rate[w],
          percentile(sorted, 50) / 1e6,
          percentile(sorted, 99) / 1e6);
    }
    System.out.printf(
        Locale.ROOT,
        "ratio page_get/bare_api=%.3f page_postback/bare_api=%.3f%n",
        rate[2] / rate[0],
        rate[3] / rate[0]);
    System.exit(0);
  }

  private static String createSession(HttpClient api, String base, String key, int n)
      throws Exception {
    String body =
        "{\"amount\": 2500, \"currency\": \"EUR\", \"locale\": \"en\","
            + " \"line_items\": [{\"name\": \"T-shirt\", \"quantity\": 1, \"unit_amount\": 2500}],"
            + " \"customer_email\": \"bench-"
            + n
            + "@example.org\", \"success_url\": \"https://shop.example/thanks\","
            + " \"cancel_url\": \"https://shop.example/cart\"}";
    HttpResponse<String> r =
        api.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/checkout-sessions"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            ofString());
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"(cs_[^\"]+)\"").matcher(r.body());
    if (r.statusCode() != 201 || !id.find()) {
      throw new IllegalStateException("creating a session: " + r.statusCode() + " " + r.body());
    }
    return id.group(1);
  }

  private static List<long[]> run(List<Client> clients, Workload work, int seconds, AtomicLong errors)
      throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    List<Future<long[]>> results = new ArrayList<>();
    for (Client client : clients) {
      results.add(
          pool.submit(
              () -> {
                long[] samples = new long[1 << 14];
                int n = 0;
                while (System.nanoTime() < deadline) {
                  long t0 = System.nanoTime();
                  boolean ok;
                  try {
                    ok = work.call(client);
                  } catch (java.io.IOException e) {
                    ok = false;
                  }
                  long took = System.nanoTime() - t0;
                  if (!ok) {
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

  private static String viewState(String html) {
    Matcher m = VIEW_STATE.matcher(html);
    return m.find() ? m.group(1).replace("&#58;", ":").replace("&amp;", "&") : null;
  }

  private static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
  }
}
