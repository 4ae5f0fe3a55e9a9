package org.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP server on the loopback. */
class WebhookSenderTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final String SECRET = "whsec_receiverSecretReceiverSecret12";
  private static final String OLD_SECRET = "whsec_oldReceiverSecretOldReceiver12";
  private static final byte[] BODY =
      "{\"id\":\"evt_9\",\"type\":\"payment.captured\",\"created\":1795608000,\"data\":{\"object\":{\"id\":\"pay_9\"}}}"
          .getBytes(StandardCharsets.UTF_8);

  private HttpServer server;
  private ExecutorService serverThreads;
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicReference<Received> received = new AtomicReference<>();
  private final Map<String, Handler> answers = new ConcurrentHashMap<>();

  private record Received(String method, Map<String, String> headers, byte[] body) {}

  @FunctionalInterface
  private interface Handler {
    void answer(HttpExchange exchange) throws Exception;
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newCachedThreadPool();
    server.setExecutor(serverThreads);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.set(new Received(exchange.getRequestMethod(), headers, body));
            answers
                .getOrDefault(exchange.getRequestURI().getPath(), e -> respond(e, 200, "ok"))
                .answer(exchange);
          } catch (Exception e) {
            // The client went away (a timeout): nothing to answer.
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static WebhookSender sender(Duration timeout) {
    return new WebhookSender(timeout, null, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static WebhookSender.Outgoing outgoing(URI url) {
    return new WebhookSender.Outgoing(
        url, "evt_9", "payment.captured", BODY, List.of(SECRET, OLD_SECRET));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Test
  void a2xxIsDeliveredWithTheBodyAndHeadersAReceiverChecks() throws Exception {
    answers.put("/ok", e -> respond(e, 204, ""));
    WebhookSender.Result result = sender(Duration.ofSeconds(5)).sendAndWait(outgoing(url("/ok")));

    assertThat(result.delivered()).isTrue();
    assertThat(result.statusCode()).isEqualTo(204);
    assertThat(result.error()).isNull();
    Received request = received.get();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.body()).isEqualTo(BODY);
    assertThat(request.headers())
        .containsEntry("content-type", "application/json")
        .containsEntry("user-agent", "Kassa-Webhooks/1")
        .containsEntry("kassa-event-id", "evt_9")
        .containsEntry("kassa-event-type", "payment.captured");
    // The receiver's check, with an HMAC of its own: t is the moment of sending, and either secret
    // verifies.
    String signature = request.headers().get("kassa-signature");
    assertThat(signature).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
    List<byte[]> v1 =
        java.util.Arrays.stream(signature.split(","))
            .filter(p -> p.startsWith("v1="))
            .map(p -> HexFormat.of().parseHex(p.substring(3)))
            .toList();
    for (String secret : List.of(SECRET, OLD_SECRET)) {
      byte[] expected = SignatureTest.hmac(secret, NOW.getEpochSecond(), request.body());
      assertThat(v1.stream().anyMatch(s -> MessageDigest.isEqual(s, expected))).isTrue();
    }
  }

  @Test
  void anyOther2xxCountsAndAnAnswerIsKeptToTwoHundredCharacters() {
    answers.put("/accepted", e -> respond(e, 202, "queued"));
    answers.put("/error", e -> respond(e, 500, "é".repeat(5000)));
    WebhookSender sender = sender(Duration.ofSeconds(5));

    WebhookSender.Result accepted = sender.sendAndWait(outgoing(url("/accepted")));
    assertThat(accepted.delivered()).isTrue();
    assertThat(accepted.excerpt()).isEqualTo("queued");

    WebhookSender.Result error = sender.sendAndWait(outgoing(url("/error")));
    assertThat(error.delivered()).isFalse();
    assertThat(error.statusCode()).isEqualTo(500);
    assertThat(error.error()).isNull();
    assertThat(error.excerpt()).hasSize(200).isEqualTo("é".repeat(200));
  }

  @Test
  void aRedirectIsNotFollowedAndIsNotADelivery() {
    answers.put(
        "/moved",
        e -> {
          e.getResponseHeaders().add("Location", url("/ok").toString());
          respond(e, 301, "");
        });
    WebhookSender.Result result =
        sender(Duration.ofSeconds(5)).sendAndWait(outgoing(url("/moved")));
    assertThat(result.statusCode()).isEqualTo(301);
    assertThat(result.delivered()).isFalse();
  }

  @Test
  void aReceiverSlowerThanTheTimeoutIsATimeout() {
    answers.put(
        "/slow",
        e -> {
          release.await(10, TimeUnit.SECONDS);
          respond(e, 200, "too late");
        });
    long started = System.nanoTime();
    WebhookSender.Result result =
        sender(Duration.ofMillis(300)).sendAndWait(outgoing(url("/slow")));
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(result.delivered()).isFalse();
    assertThat(result.statusCode()).isNull();
    assertThat(result.error()).isEqualTo("HttpTimeoutException");
    assertThat(result.durationMillis()).isBetween(250L, 5_000L);
    assertThat(tookMillis).isLessThan(5_000L);
  }

  @Test
  void aBodyThatNeverEndsIsCutAtTheTimeout() {
    answers.put(
        "/dribble",
        e -> {
          e.sendResponseHeaders(200, 0);
          OutputStream out = e.getResponseBody();
          out.write("partial".getBytes(StandardCharsets.UTF_8));
          out.flush();
          release.await(10, TimeUnit.SECONDS);
        });
    WebhookSender.Result result =
        sender(Duration.ofMillis(400)).sendAndWait(outgoing(url("/dribble")));
    // Headers said 200, but the exchange did not finish in time: not a delivery.
    assertThat(result.delivered()).isFalse();
    assertThat(result.error()).isEqualTo("HttpTimeoutException");
  }

  @Test
  void aRefusedConnectionIsAConnectException() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    WebhookSender.Result result =
        sender(Duration.ofSeconds(5))
            .sendAndWait(outgoing(URI.create("http://127.0.0.1:" + port + "/hooks")));
    assertThat(result.delivered()).isFalse();
    assertThat(result.statusCode()).isNull();
    assertThat(result.error()).isEqualTo("ConnectException");
  }

  @Test
  void aUrlTheClientRefusesIsAFailedAttemptNotAnException() {
    WebhookSender.Result result =
        sender(Duration.ofSeconds(5)).sendAndWait(outgoing(URI.create("ftp://127.0.0.1/hooks")));
    assertThat(result.delivered()).isFalse();
    assertThat(result.statusCode()).isNull();
    assertThat(result.error()).isEqualTo("IllegalArgumentException");
  }
}
