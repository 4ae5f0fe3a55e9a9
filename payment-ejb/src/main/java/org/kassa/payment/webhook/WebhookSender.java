package org.kassa.payment.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts one signed event to one endpoint and says what happened; it touches no database. Every
 * request carries {@code Content-Type: application/json}, {@code Kassa-Signature} (see {@link
 * TimestampedSignature}, signed at the moment of sending with each active secret), {@code
 * Kassa-Event-Id}, {@code Kassa-Event-Type} and {@code User-Agent: Kassa-Webhooks/1}.
 *
 * <p>The whole exchange, from connecting to the end of the answer, is bounded by {@code
 * kassa.webhooks.timeout} (10 s by default). Redirects are not followed (a receiver answers 2xx or
 * the attempt failed), and of the answer's body only the first {@value #EXCERPT_CHARS} characters
 * are read, for the attempt log.
 *
 * <p>In the container one instance serves the application, with one {@link HttpClient} on the
 * managed executor; tests build one with {@link #WebhookSender(Duration, Executor, Clock)}.
 */
@ApplicationScoped
public class WebhookSender {

  /** The most characters of a receiver's answer that are kept. */
  public static final int EXCERPT_CHARS = 200;

  static final String USER_AGENT = "Kassa-Webhooks/1";

  @Inject
  @ConfigProperty(name = "kassa.webhooks.timeout", defaultValue = "PT10S")
  Duration timeout;

  @Resource private ManagedExecutorService executor;

  private Clock clock = Clock.systemUTC();
  private HttpClient client;

  /** For the container, which injects the timeout and executor. */
  public WebhookSender() {}

  /**
   * A sender outside the container.
   *
   * @param executor where the client runs its work, or null for the client's own threads
   */
  public WebhookSender(Duration timeout, Executor executor, Clock clock) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client = newClient(timeout, executor);
  }

  @PostConstruct
  void connect() {
    client = newClient(timeout, executor);
  }

  private static HttpClient newClient(Duration timeout, Executor executor) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("kassa.webhooks.timeout must be positive");
    }
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            // HTTP/1.1: no h2c upgrade dance with receivers that do not expect it.
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout);
    if (executor != null) {
      builder.executor(executor);
    }
    return builder.build();
  }

  /** How long one exchange may take. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * One request to send.
   *
   * @param secrets the endpoint's active signing secrets; never logged or shown
   */
  public record Outgoing(
      URI url, String eventId, String eventType, byte[] body, List<String> secrets) {

    public Outgoing {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(eventType, "eventType");
      body = body.clone();
      secrets = List.copyOf(secrets);
      if (secrets.isEmpty()) {
        throw new IllegalArgumentException("an event is signed with at least one secret");
      }
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Outgoing other
          && url.equals(other.url)
          && eventId.equals(other.eventId)
          && eventType.equals(other.eventType)
          && Arrays.equals(body, other.body)
          && secrets.equals(other.secrets);
    }

    @Override
    public int hashCode() {
      return Objects.hash(url, eventId, eventType, Arrays.hashCode(body), secrets);
    }

    /** Names the event, never the secrets. */
    @Override
    public String toString() {
      return "Outgoing[event=" + eventId + ", type=" + eventType + "]";
    }
  }

  /**
   * What came of one request.
   *
   * @param statusCode the receiver's HTTP status, or null when there was no answer
   * @param error the simple name of the exception that ended the attempt (e.g. {@code
   *     HttpTimeoutException}, {@code ConnectException}), or null when there was an answer
   * @param durationMillis from sending to the end of the answer or the failure
   * @param excerpt the first characters of the answer's body, or null
   */
  public record Result(Integer statusCode, String error, long durationMillis, String excerpt) {

    /** Whether the receiver took the event: it answered 2xx. */
    public boolean delivered() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  /**
   * Sends one event. The returned stage always completes normally, with the outcome, at the latest
   * about {@link #timeout()} after the call.
   */
  public CompletableFuture<Result> send(Outgoing outgoing) {
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> exchange;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(outgoing.url())
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("User-Agent", USER_AGENT)
              .header("Kassa-Event-Id", outgoing.eventId())
              .header("Kassa-Event-Type", outgoing.eventType())
              .header(
                  "Kassa-Signature",
                  TimestampedSignature.header(clock.instant(), outgoing.body, outgoing.secrets()))
              .POST(HttpRequest.BodyPublishers.ofByteArray(outgoing.body))
              .build();
      exchange = client.sendAsync(request, info -> new Excerpt(EXCERPT_CHARS));
    } catch (RuntimeException e) {
      // A URL the client refuses: an attempt that failed, like any other.
      return CompletableFuture.completedFuture(failure(e, started));
    }
    // The request timeout covers the wait for the answer's headers; this bounds the body too.
    return exchange
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (response, thrown) -> {
              if (thrown != null) {
                exchange.cancel(true);
                return failure(thrown, started);
              }
              return new Result(
                  response.statusCode(), null, elapsedMillis(started), response.body());
            });
  }

  /** Sends one event and waits for the outcome. */
  public Result sendAndWait(Outgoing outgoing) {
    try {
      return send(outgoing).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(null, e.getClass().getSimpleName(), 0, null);
    } catch (ExecutionException e) {
      // send() completes normally by construction.
      throw new IllegalStateException(e);
    }
  }

  private static Result failure(Throwable thrown, long started) {
    Throwable cause = thrown;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String error = cause.getClass().getSimpleName();
    // Our own bound on the whole exchange is a timeout like the client's.
    if (cause instanceof java.util.concurrent.TimeoutException) {
      error = "HttpTimeoutException";
    }
    return new Result(null, error, elapsedMillis(started), null);
  }

  private static long elapsedMillis(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  /**
   * Reads the first characters of an answer's body and then stops reading, so that neither a huge
   * nor an endless answer is held. Whatever was read so far is the excerpt, even if the body breaks
   * off.
   */
  static final class Excerpt implements HttpResponse.BodySubscriber<String> {
    private final int maxChars;
    private final int maxBytes;
    private final byte[] buffer;
    private int length;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Excerpt(int maxChars) {
      this.maxChars = maxChars;
      // A UTF-8 character takes at most four bytes.
      this.maxBytes = maxChars * 4;
      this.buffer = new byte[maxBytes];
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        int n = Math.min(item.remaining(), maxBytes - length);
        item.get(buffer, length, n);
        length += n;
      }
      if (length >= maxBytes) {
        subscription.cancel();
        finish();
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      finish();
    }

    @Override
    public void onComplete() {
      finish();
    }

    private void finish() {
      if (result.isDone()) {
        return;
      }
      String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
      if (text.length() > maxChars) {
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        text = text.substring(0, end);
      }
      result.complete(text.isEmpty() ? null : text);
    }
  }
}
