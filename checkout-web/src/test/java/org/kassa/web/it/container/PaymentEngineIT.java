package org.kassa.web.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kassa.compliance.audit.AuditEvent;
import org.kassa.compliance.audit.AuditQuery;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutSessions;
import org.kassa.payment.checkout.LineItem;
import org.kassa.payment.checkout.NewCheckoutSession;
import org.kassa.payment.gateway.sandbox.SandboxFaults.Fault;
import org.kassa.payment.gateway.sandbox.SandboxGateway;
import org.kassa.payment.idempotency.IdempotencyKeys;
import org.kassa.payment.merchant.DemoMerchant;
import org.kassa.payment.payment.Payer;
import org.kassa.payment.payment.PaymentConfirmation;
import org.kassa.payment.payment.PaymentResult;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.Payments;
import org.kassa.payment.reconcile.Reconciler;
import org.kassa.payment.refund.NewRefund;
import org.kassa.payment.refund.RefundStatus;
import org.kassa.payment.refund.Refunds;
import org.kassa.web.it.ApiClient;
import org.kassa.web.it.KassaDeployment;

/**
 * The payment engine in the container: server-side payments, manual capture, idempotency keys,
 * gateway callbacks and the reconciler, with faults injected into the sandbox gateway.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentEngineIT {

  @Deployment
  static WebArchive deployment() {
    return KassaDeployment.warWithContainerTests();
  }

  private static final String SANDBOX_SECRET = "whsec_kassa_sandbox";

  @Inject private SandboxGateway sandbox;
  @Inject private Reconciler reconciler;
  @Inject private Payments payments;
  @Inject private PaymentConfirmation confirmation;
  @Inject private CheckoutSessions sessions;
  @Inject private Refunds refunds;
  @Inject private AuditTrail audit;
  @Inject private IdempotencyKeys idempotencyKeys;
  @Inject private org.kassa.payment.money.fx.FxQuotes fxQuotes;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  @ArquillianResource private URL base;

  @AfterEach
  void noFaultLeftBehind() {
    sandbox.faults().clear();
  }

  private ApiClient api() {
    return new ApiClient(base, KassaDeployment.DEMO_API_KEY);
  }

  private JsonObject pay(String token, String capture, String key) {
    ApiClient.Answer answer =
        api()
            .post(
                "api/v1/payments",
                "{\"amount\":1999,\"currency\":\"EUR\",\"payment_method\":\""
                    + token
                    + "\",\"customer\":\"cus_"
                    + UUID.randomUUID()
                    + "\",\"capture_method\":\""
                    + capture
                    + "\"}",
                key);
    assertEquals(201, answer.status(), answer.body());
    return answer.json();
  }

  private List<String> auditedStates(String paymentId) {
    List<String> actions =
        new ArrayList<>(
            audit.find(AuditQuery.forObject(paymentId), 0, 100).stream()
                .map(AuditEvent::action)
                .filter(a -> a.startsWith("payment."))
                .toList());
    java.util.Collections.reverse(actions); // oldest first
    return actions;
  }

  private static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plusSeconds(15);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private PaymentStatus status(String paymentId) {
    return payments.find(paymentId).orElseThrow().status();
  }

  private int gatewayEvents(String paymentId, String outcome) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT COUNT(*) FROM gateway_event WHERE payment_id = ? AND outcome = ?")) {
      q.setString(1, paymentId);
      q.setString(2, outcome);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  // --- Server-side payments, manual capture, void ---------------------------------------------

  @Test
  void aSavedCardIsChargedOffSessionThroughTheSameStateMachine() {
    JsonObject payment = pay("pm_card_visa", "automatic", null);
    assertEquals("captured", payment.getString("status"));
    assertEquals(1999, payment.getInt("amount_captured"));
    assertEquals("sandbox", payment.getString("gateway"));
    assertEquals("pm_card_visa", payment.getString("payment_method"));
    assertEquals(
        List.of("payment.processing", "payment.captured"), auditedStates(payment.getString("id")));

    JsonObject declined = pay("pm_card_chargeDeclinedInsufficientFunds", "automatic", null);
    assertEquals("failed", declined.getString("status"));
    assertEquals("insufficient_funds", declined.getString("decline_code"));

    // 3-D Secure needs the shopper; off-session it is declined, not left waiting.
    JsonObject threeDs = pay("pm_card_authenticationRequired", "automatic", null);
    assertEquals("failed", threeDs.getString("status"));
    assertEquals("authentication_failed", threeDs.getString("decline_code"));
  }

  @Test
  void manualCaptureAuthorizesThenCapturesPartOfItAndRefundsStayWithinTheCapture() {
    JsonObject authorized = pay("pm_card_mastercard", "manual", null);
    String id = authorized.getString("id");
    assertEquals("authorized", authorized.getString("status"));

    ApiClient.Answer tooMuch =
        api().post("api/v1/payments/" + id + "/capture", "{\"amount\":2000}", null);
    assertEquals(400, tooMuch.status(), tooMuch.body());
    assertTrue(tooMuch.body().contains("capture-exceeds-authorized"), tooMuch.body());

    ApiClient.Answer captured =
        api().post("api/v1/payments/" + id + "/capture", "{\"amount\":1500}", null);
    assertEquals(200, captured.status(), captured.body());
    assertEquals("partially_captured", captured.json().getString("status"));
    assertEquals(1500, captured.json().getInt("amount_refundable"));

    ApiClient.Answer again = api().post("api/v1/payments/" + id + "/capture", "", null);
    assertEquals(409, again.status(), again.body());

    ApiClient.Answer refundAll = api().post("api/v1/payments/" + id + "/refunds", "{}", null);
    assertEquals(201, refundAll.status(), refundAll.body());
    assertEquals(1500, refundAll.json().getInt("amount"));
    assertEquals("refunded", api().get("api/v1/payments/" + id).json().getString("status"));
  }

  @Test
  void anAuthorizationIsVoidedOnCancelAndCannotBeCapturedAfterwards() {
    String id = pay("pm_card_visa", "manual", null).getString("id");
    ApiClient.Answer canceled = api().post("api/v1/payments/" + id + "/cancel", "", null);
    assertEquals(200, canceled.status(), canceled.body());
    assertEquals("canceled", canceled.json().getString("status"));
    assertEquals(0, sandbox.chargesFor(id), "the sandbox released the authorization");
    assertEquals(409, api().post("api/v1/payments/" + id + "/capture", "", null).status());
    assertEquals(409, api().post("api/v1/payments/" + id + "/cancel", "", null).status());
  }

  @Test
  void paymentsAreListedNewestFirstWithACursorThatDoesNotSkipOrRepeat() {
    Set<String> mine = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      mine.add(pay("pm_card_visa", "automatic", null).getString("id"));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    boolean more = true;
    while (more && seen.size() < 500) {
      JsonObject page =
          api()
              .get("api/v1/payments?limit=2" + (cursor == null ? "" : "&starting_after=" + cursor))
              .json();
      var data = page.getJsonArray("data");
      for (int i = 0; i < data.size(); i++) {
        seen.add(data.getJsonObject(i).getString("id"));
      }
      more = page.getBoolean("has_more");
      cursor = seen.get(seen.size() - 1);
    }
    assertEquals(seen.size(), new HashSet<>(seen).size(), "no payment twice");
    assertTrue(seen.containsAll(mine), "every new payment listed");
    assertEquals(400, api().get("api/v1/payments?limit=0").status());
    assertEquals(404, api().get("api/v1/payments?starting_after=pay_nope").status());
  }

  // --- Idempotency -------------------------------------------------------------------------------

  @Test
  void aReplayAnswersTheStoredResponseAndAnotherBodyIsRefused() {
    String key = "order-" + UUID.randomUUID();
    String body =
        "{\"amount\":1999,\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\","
            + "\"customer\":\"cus_42\",\"capture_method\":\"automatic\"}";
    ApiClient.Answer created = api().post("api/v1/payments", body, key);
    assertEquals(201, created.status(), created.body());
    JsonObject first = created.json();
    ApiClient.Answer replay = api().post("api/v1/payments", body, key);
    assertEquals(201, replay.status());
    assertTrue(replay.replayed());
    assertEquals(first.toString(), replay.body(), "the stored response, byte for byte");

    ApiClient.Answer other =
        api()
            .post(
                "api/v1/payments",
                "{\"amount\":1,\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\"}",
                key);
    assertEquals(422, other.status(), other.body());

    // A refusal before anything was created lets the corrected request reuse its key.
    String fresh = "order-" + UUID.randomUUID();
    assertEquals(400, api().post("api/v1/payments", "{\"currency\":\"EUR\"}", fresh).status());
    assertEquals(
        201,
        api()
            .post(
                "api/v1/payments",
                "{\"amount\":5,\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\"}",
                fresh)
            .status());
  }

  @Test
  void aDuplicateWhileTheFirstIsRunningIs409() {
    String key = "busy-" + UUID.randomUUID();
    String body = "{\"amount\":700,\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\"}";
    // The first request holds the key (as it does while its gateway call runs) ...
    String hash =
        org.kassa.compliance.text.Sha256.hex(
            "POST v1/payments\n"
                + jakarta.json.Json.createReader(new java.io.StringReader(body))
                    .readValue()
                    .toString());
    idempotencyKeys.claim(DemoMerchant.ID, key, hash);
    // ... so a duplicate is told to wait, and nothing is charged for it.
    ApiClient.Answer duplicate = api().post("api/v1/payments", body, key);
    assertEquals(409, duplicate.status(), duplicate.body());
    assertTrue(duplicate.body().contains("idempotency-key-in-use"), duplicate.body());
  }

  @Test
  void concurrentRequestsWithOneKeyCreateOnePayment() throws Exception {
    String key = "race-" + UUID.randomUUID();
    String body = "{\"amount\":1234,\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\"}";
    CountDownLatch start = new CountDownLatch(1);
    java.util.concurrent.ExecutorService executor =
        java.util.concurrent.Executors.newFixedThreadPool(12, threadFactory);
    List<Future<ApiClient.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Callable<ApiClient.Answer> call =
          () -> {
            start.await();
            return api().post("api/v1/payments", body, key);
          };
      answers.add(executor.submit(call));
    }
    start.countDown();
    Set<String> ids = new HashSet<>();
    int created = 0;
    for (Future<ApiClient.Answer> f : answers) {
      ApiClient.Answer a = f.get();
      assertTrue(a.status() == 201 || a.status() == 409, a.status() + " " + a.body());
      if (a.status() == 201) {
        ids.add(a.json().getString("id"));
        if (!a.replayed()) {
          created++;
        }
      }
    }
    executor.shutdown();
    assertEquals(1, created, "exactly one request ran");
    assertTrue(ids.size() <= 1, "every success names the same payment: " + ids);
    String id = ids.isEmpty() ? null : ids.iterator().next();
    if (id != null) {
      assertEquals(1, sandbox.chargesFor(id));
    }
  }

  // --- Fault injection, callbacks and the reconciler ---------------------------------------------

  @Test
  void aTimeoutAfterTheChargeIsSettledByTheReconcilerWithExactlyOneCharge() {
    sandbox.faults().nextAuthorize(Fault.TIMEOUT_AFTER_CHARGE).nextCallback(Fault.LOST_CALLBACK);
    JsonObject payment = pay("pm_card_visa", "automatic", null);
    String id = payment.getString("id");
    assertEquals("processing", payment.getString("status"));
    assertEquals(1, sandbox.chargesFor(id), "the gateway did charge");

    reconciler.reconcile(Instant.now().plus(Duration.ofMinutes(5)));

    assertEquals(PaymentStatus.CAPTURED, status(id));
    assertEquals(1, sandbox.chargesFor(id));
    assertEquals(List.of("payment.processing", "payment.captured"), auditedStates(id));
  }

  @Test
  void aPaymentTheGatewayNeverReceivedIsSentAgainOnceWhenItsMethodIsSaved() {
    sandbox.faults().nextAuthorize(Fault.TIMEOUT_BEFORE_RECEIVED);
    String id = pay("pm_card_visa", "automatic", null).getString("id");
    assertEquals(PaymentStatus.PROCESSING, status(id));
    assertEquals(0, sandbox.chargesFor(id));

    reconciler.reconcile(Instant.now().plus(Duration.ofMinutes(5)));

    assertEquals(PaymentStatus.CAPTURED, status(id));
    assertEquals(1, sandbox.chargesFor(id));
  }

  @Test
  void aTypedCardTheGatewayNeverReceivedFailsAfterTheGiveUpTimeAndTheShopperMayPayAgain() {
    CheckoutSession session = newSession(800);
    sandbox.faults().nextAuthorize(Fault.SERVER_ERROR);
    PaymentResult first =
        confirmation.confirm(session.id(), card("4242424242424242"), PAYER, "/pay/x");
    assertEquals(PaymentStatus.PROCESSING, first.status());

    reconciler.reconcile(Instant.now().plus(Duration.ofMinutes(5)));
    assertEquals(PaymentStatus.PROCESSING, status(first.paymentId()), "not before the give-up");

    reconciler.reconcile(Instant.now().plus(Duration.ofHours(2)));
    assertEquals(PaymentStatus.FAILED, status(first.paymentId()));
    assertEquals(
        "processing_error",
        payments.find(first.paymentId()).orElseThrow().declineReason().orElseThrow().code());

    PaymentResult again =
        confirmation.confirm(session.id(), card("4242424242424242"), PAYER, "/pay/x");
    assertEquals(PaymentStatus.CAPTURED, again.status());
  }

  @Test
  void anAsynchronousOutcomeArrivesByCallback() throws Exception {
    sandbox.faults().nextAuthorize(Fault.ASYNC_OUTCOME);
    JsonObject payment = pay("pm_card_visa", "automatic", null);
    String id = payment.getString("id");
    assertEquals("processing", payment.getString("status"));
    await("the callback", () -> status(id) == PaymentStatus.CAPTURED);
    assertEquals(1, gatewayEvents(id, "APPLIED"));
  }

  @Test
  void aDuplicatedCallbackIsStoredOnceAndChangesNothingTheSecondTime() throws Exception {
    sandbox.faults().nextAuthorize(Fault.ASYNC_OUTCOME).nextCallback(Fault.DUPLICATE_CALLBACK);
    String id = pay("pm_card_visa", "automatic", null).getString("id");
    await("the callback", () -> status(id) == PaymentStatus.CAPTURED);
    Thread.sleep(1500); // let the duplicate arrive too
    assertEquals(1, gatewayEvents(id, "APPLIED"));
    assertEquals(0, gatewayEvents(id, "NO_CHANGE"), "the duplicate is not stored again");
    assertEquals(List.of("payment.processing", "payment.captured"), auditedStates(id));
  }

  @Test
  void aStaleProcessingCallbackAfterTheCaptureChangesNothing() throws Exception {
    sandbox.faults().nextAuthorize(Fault.ASYNC_OUTCOME).nextCallback(Fault.CALLBACKS_OUT_OF_ORDER);
    String id = pay("pm_card_visa", "automatic", null).getString("id");
    await("the late callback", () -> gatewayEventsQuietly(id, "NO_CHANGE") == 1);
    assertEquals(PaymentStatus.CAPTURED, status(id));
    assertEquals(List.of("payment.processing", "payment.captured"), auditedStates(id));
  }

  private int gatewayEventsQuietly(String id, String outcome) {
    try {
      return gatewayEvents(id, outcome);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCallbackWithABadSignatureOrAnOldTimestampChangesNothing() throws Exception {
    sandbox.faults().nextAuthorize(Fault.ASYNC_OUTCOME).nextCallback(Fault.LOST_CALLBACK);
    String id = pay("pm_card_visa", "automatic", null).getString("id");
    String event =
        "{\"id\":\"evt_forged_"
            + UUID.randomUUID()
            + "\",\"type\":\"payment.captured\",\"created\":"
            + Instant.now().getEpochSecond()
            + ",\"data\":{\"payment_id\":\""
            + id
            + "\",\"reference\":\"sbx_"
            + id
            + "\",\"amount_captured\":1999}}";
    long now = Instant.now().getEpochSecond();

    ApiClient.Answer wrongSecret =
        api().postUnauthenticated("hooks/sandbox", event, signed(event, now, "whsec_wrong"));
    assertEquals(400, wrongSecret.status(), wrongSecret.body());
    ApiClient.Answer old =
        api().postUnauthenticated("hooks/sandbox", event, signed(event, now - 600, SANDBOX_SECRET));
    assertEquals(400, old.status(), old.body());
    ApiClient.Answer unsigned =
        api()
            .postUnauthenticated(
                "hooks/sandbox", event, Map.of("Content-Type", "application/json"));
    assertEquals(400, unsigned.status());
    assertEquals(404, api().postUnauthenticated("hooks/nobody", event, Map.of()).status());

    assertEquals(PaymentStatus.PROCESSING, status(id), "nothing changed");
    assertEquals(0, gatewayEvents(id, "APPLIED") + gatewayEvents(id, "NO_CHANGE"));

    // Signed correctly (an independent HMAC, computed here), the same event is applied.
    ApiClient.Answer good =
        api().postUnauthenticated("hooks/sandbox", event, signed(event, now, SANDBOX_SECRET));
    assertEquals(200, good.status(), good.body());
    assertEquals(PaymentStatus.CAPTURED, status(id));
    ApiClient.Answer again =
        api().postUnauthenticated("hooks/sandbox", event, signed(event, now, SANDBOX_SECRET));
    assertEquals(200, again.status());
    assertTrue(again.body().contains("duplicate"), again.body());
  }

  private static Map<String, String> signed(String body, long t, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] sig = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte b : sig) {
      hex.append(String.format("%02x", b));
    }
    return Map.of("Content-Type", "application/json", "Sandbox-Signature", "t=" + t + ",v1=" + hex);
  }

  @Test
  void anAuthorizationPastItsCaptureDeadlineIsVoidedAndExpires() {
    String id = pay("pm_card_visa", "manual", null).getString("id");
    reconciler.reconcile(Instant.now().plus(Duration.ofDays(8)));
    assertEquals(PaymentStatus.EXPIRED, status(id));
    assertEquals(0, sandbox.chargesFor(id));
  }

  @Test
  void aRefundTheGatewayDidNotAnswerIsSentAgainAndSettledOnce() {
    String id = pay("pm_card_visa", "automatic", null).getString("id");
    sandbox.faults().nextRefund(Fault.TIMEOUT_BEFORE_RECEIVED);
    var refund = refunds.refund(DemoMerchant.ID, id, new NewRefund(500L, null, null), null);
    assertEquals(RefundStatus.PENDING, refund.status());
    assertEquals(1499, payments.find(id).orElseThrow().refundable().minorUnits());

    reconciler.reconcile(Instant.now().plus(Duration.ofMinutes(5)));

    assertEquals(
        RefundStatus.SUCCEEDED,
        refunds.ofPayment(DemoMerchant.ID, id).stream()
            .filter(r -> r.id().equals(refund.id()))
            .findFirst()
            .orElseThrow()
            .status());
    assertTrue(sandbox.retrieveRefund(refund.id()).orElseThrow().succeeded());
    assertEquals(PaymentStatus.PARTIALLY_REFUNDED, status(id));
    assertEquals(500, payments.find(id).orElseThrow().amountRefunded().minorUnits());
  }

  // --- Disputes ---------------------------------------------------------------------------------

  private JsonObject disputeOf(String paymentId) {
    var data = api().get("api/v1/disputes").json().getJsonArray("data");
    for (int i = 0; i < data.size(); i++) {
      if (data.getJsonObject(i).getString("payment").equals(paymentId)) {
        return data.getJsonObject(i);
      }
    }
    return null;
  }

  @Test
  void aDisputeHoldsThePaymentAndWinningEvidenceReleasesIt() {
    String id = pay("pm_card_createDispute", "automatic", null).getString("id");
    await("the dispute", () -> status(id) == PaymentStatus.DISPUTED);
    JsonObject dispute = disputeOf(id);
    assertEquals("needs_response", dispute.getString("status"));
    assertEquals(1999, dispute.getInt("amount"));

    // While the network decides, a refund could pay out twice: it is refused.
    ApiClient.Answer refund = api().post("api/v1/payments/" + id + "/refunds", "{}", null);
    assertEquals(400, refund.status(), refund.body());

    String file = java.util.Base64.getEncoder().encodeToString("receipt #42".getBytes());
    ApiClient.Answer submitted =
        api()
            .post(
                "api/v1/disputes/" + dispute.getString("id") + "/evidence",
                "{\"text\":\"Delivered and signed for. winning_evidence\",\"files\":[{\"name\":"
                    + "\"receipt.txt\",\"content_type\":\"text/plain\",\"content_base64\":\""
                    + file
                    + "\"}]}",
                null);
    assertEquals(200, submitted.status(), submitted.body());
    assertEquals(
        org.kassa.compliance.text.Sha256.hex("receipt #42".getBytes()),
        submitted
            .json()
            .getJsonObject("evidence")
            .getJsonArray("files")
            .getJsonObject(0)
            .getString("sha256"));
    await("the decision", () -> status(id) == PaymentStatus.CAPTURED);
    assertEquals("won", disputeOf(id).getString("status"));

    ApiClient.Answer late =
        api()
            .post(
                "api/v1/disputes/" + dispute.getString("id") + "/evidence",
                "{\"text\":\"more\",\"files\":[]}",
                null);
    assertEquals(409, late.status(), late.body());
    assertEquals(201, api().post("api/v1/payments/" + id + "/refunds", "{}", null).status());
  }

  @Test
  void aLostDisputeTakesTheMoneyBackAndRefundsCannotPayItOutAgain() {
    String id = pay("pm_card_createDispute", "automatic", null).getString("id");
    await("the dispute", () -> status(id) == PaymentStatus.DISPUTED);
    String disputeId = disputeOf(id).getString("id");
    ApiClient.Answer submitted =
        api()
            .post(
                "api/v1/disputes/" + disputeId + "/evidence",
                "{\"text\":\"losing_evidence\",\"files\":[]}",
                null);
    assertEquals(200, submitted.status(), submitted.body());
    await("the decision", () -> status(id) == PaymentStatus.CHARGED_BACK);
    JsonObject payment = api().get("api/v1/payments/" + id).json();
    assertEquals(1999, payment.getInt("amount_charged_back"));
    assertEquals(0, payment.getInt("amount_refundable"));
    assertEquals(400, api().post("api/v1/payments/" + id + "/refunds", "{}", null).status());
    List<String> states = auditedStates(id);
    assertEquals(
        List.of(
            "payment.processing", "payment.captured", "payment.disputed", "payment.charged_back"),
        states);
  }

  @Test
  void evidenceIsCheckedBeforeAnythingIsStored() {
    String id = pay("pm_card_createDispute", "automatic", null).getString("id");
    await("the dispute", () -> status(id) == PaymentStatus.DISPUTED);
    String disputeId = disputeOf(id).getString("id");
    ApiClient.Answer bad =
        api()
            .post(
                "api/v1/disputes/" + disputeId + "/evidence",
                "{\"text\":\"\",\"files\":[{\"name\":\"a.exe\",\"content_type\":"
                    + "\"application/x-msdownload\",\"content_base64\":\"not base64!\"}]}",
                null);
    assertEquals(400, bad.status(), bad.body());
    assertTrue(bad.body().contains("files[0].content_base64"), bad.body());
    assertEquals("needs_response", disputeOf(id).getString("status"));
    assertEquals(404, api().get("api/v1/disputes/dp_nope").status());
  }

  // --- Merchant webhooks (outbox) ----------------------------------------------------------------

  /** A merchant's webhook receiver, in the test: records what arrives, answers {@code status}. */
  private static final class Receiver implements AutoCloseable {
    record Delivery(Map<String, List<String>> headers, String body) {
      String header(String name) {
        return headers.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(e -> e.getValue().get(0))
            .findFirst()
            .orElse(null);
      }
    }

    final java.util.concurrent.ConcurrentLinkedQueue<Delivery> received =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    final com.sun.net.httpserver.HttpServer server;
    volatile int status = 200;

    Receiver() throws java.io.IOException {
      server =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(
                new Delivery(
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Delivery> about(String objectId) {
      return received.stream().filter(d -> d.body().contains("\"" + objectId + "\"")).toList();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Inject private org.kassa.payment.webhook.WebhookDelivery webhookDelivery;

  private static boolean verifies(String header, String body, String secret) throws Exception {
    String t = null;
    List<String> v1 = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv[0].equals("t")) {
        t = kv[1];
      } else if (kv[0].equals("v1")) {
        v1.add(kv[1]);
      }
    }
    Map<String, String> expected = signed(body, Long.parseLong(t), secret);
    String mine =
        expected
            .get("Sandbox-Signature")
            .substring(expected.get("Sandbox-Signature").indexOf("v1=") + 3);
    return v1.contains(mine);
  }

  /** The {@code payment.captured} event of a payment, as {@code GET /api/v1/events} lists it. */
  private JsonObject captureEvent(String paymentId) {
    var recent = api().get("api/v1/events?limit=100").json().getJsonArray("data");
    for (int i = 0; i < recent.size(); i++) {
      JsonObject e = recent.getJsonObject(i);
      if (e.getString("type").equals("payment.captured")
          && e.getJsonObject("data").getJsonObject("object").getString("id").equals(paymentId)) {
        return e;
      }
    }
    return null;
  }

  private static JsonObject deliveryOf(JsonObject event, String endpointId) {
    if (event == null) {
      return null;
    }
    var deliveries = event.getJsonArray("deliveries");
    for (int i = 0; i < deliveries.size(); i++) {
      if (deliveries.getJsonObject(i).getString("endpoint").equals(endpointId)) {
        return deliveries.getJsonObject(i);
      }
    }
    return null;
  }

  @Test
  void paymentEventsReachTheMerchantSignedRetriedAndReplayedByteForByte() throws Exception {
    try (Receiver good = new Receiver();
        Receiver failing = new Receiver()) {
      failing.status = 500;
      ApiClient.Answer created =
          api()
              .post(
                  "api/v1/webhook-endpoints",
                  "{\"url\":\"" + good.url() + "\",\"enabled_events\":[\"payment.*\"]}",
                  null);
      assertEquals(201, created.status(), created.body());
      String endpointId = created.json().getString("id");
      String secret = created.json().getString("secret");
      ApiClient.Answer broken =
          api()
              .post(
                  "api/v1/webhook-endpoints",
                  "{\"url\":\"" + failing.url() + "\",\"enabled_events\":[\"payment.captured\"]}",
                  null);
      assertEquals(201, broken.status(), broken.body());
      try {
        String id = pay("pm_card_visa", "automatic", null).getString("id");
        webhookDelivery.deliverDue(100);
        await("two events", () -> good.about(id).size() >= 2);

        List<Receiver.Delivery> events = good.about(id);
        List<String> types = new ArrayList<>();
        for (Receiver.Delivery d : events) {
          assertTrue(verifies(d.header("Kassa-Signature"), d.body(), secret), d.body());
          assertFalse(verifies(d.header("Kassa-Signature"), d.body() + " ", secret));
          JsonObject envelope =
              jakarta.json.Json.createReader(new java.io.StringReader(d.body())).readObject();
          assertEquals(d.header("Kassa-Event-Id"), envelope.getString("id"));
          assertEquals(id, envelope.getJsonObject("data").getJsonObject("object").getString("id"));
          types.add(envelope.getString("type"));
        }
        assertTrue(
            types.containsAll(List.of("payment.processing", "payment.captured")), types.toString());

        // The failing endpoint got the capture, answered 500, and waits for its retry.
        await(
            "the failed attempt on record",
            () -> {
              JsonObject d = deliveryOf(captureEvent(id), broken.json().getString("id"));
              return d != null
                  && d.getString("status").equals("pending")
                  && d.getInt("last_status_code", 0) == 500
                  && d.getInt("attempts") == 1;
            });
        JsonObject delivered = deliveryOf(captureEvent(id), endpointId);
        assertEquals("delivered", delivered.getString("status"));
        String deliveredId = delivered.getString("id");

        // A replay sends the very same bytes under the same event id.
        Receiver.Delivery original =
            good.about(id).stream()
                .filter(d -> d.body().contains("payment.captured"))
                .findFirst()
                .orElseThrow();
        assertEquals(
            200,
            api().post("api/v1/webhook-deliveries/" + deliveredId + "/replay", "", null).status());
        webhookDelivery.deliverDue(100);
        await(
            "the replay",
            () ->
                good.about(id).stream().filter(d -> d.body().equals(original.body())).count() == 2);

        // During a rotation both secrets sign.
        ApiClient.Answer rotated =
            api().post("api/v1/webhook-endpoints/" + endpointId + "/rotate-secret", "", null);
        assertEquals(200, rotated.status(), rotated.body());
        String newSecret = rotated.json().getString("secret");
        String next = pay("pm_card_visa", "automatic", null).getString("id");
        webhookDelivery.deliverDue(100);
        await("events after the rotation", () -> good.about(next).size() >= 2);
        for (Receiver.Delivery d : good.about(next)) {
          assertTrue(verifies(d.header("Kassa-Signature"), d.body(), newSecret));
          assertTrue(verifies(d.header("Kassa-Signature"), d.body(), secret));
        }
      } finally {
        api().delete("api/v1/webhook-endpoints/" + endpointId);
        api().delete("api/v1/webhook-endpoints/" + broken.json().getString("id"));
      }
    }
  }

  @Test
  void concurrentDeliveryRoundsSendEveryEventExactlyOnce() throws Exception {
    try (Receiver receiver = new Receiver()) {
      ApiClient.Answer created =
          api()
              .post(
                  "api/v1/webhook-endpoints",
                  "{\"url\":\"" + receiver.url() + "\",\"enabled_events\":[\"payment.captured\"]}",
                  null);
      String endpointId = created.json().getString("id");
      try {
        Set<String> paid = new HashSet<>();
        for (int i = 0; i < 24; i++) {
          paid.add(pay("pm_card_visa", "automatic", null).getString("id"));
        }
        // Four "nodes" claim and send at once (the timer may join in as a fifth).
        java.util.concurrent.ExecutorService nodes =
            java.util.concurrent.Executors.newFixedThreadPool(4, threadFactory);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> rounds = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
          rounds.add(
              nodes.submit(
                  () -> {
                    start.await();
                    for (int r = 0; r < 5; r++) {
                      webhookDelivery.deliverDue(3);
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> f : rounds) {
          f.get();
        }
        nodes.shutdown();
        await("all captures", () -> paid.stream().allMatch(id -> receiver.about(id).size() >= 1));
        Thread.sleep(1000);
        List<String> eventIds =
            receiver.received.stream().map(d -> d.header("Kassa-Event-Id")).toList();
        assertEquals(
            new HashSet<>(eventIds).size(),
            eventIds.size(),
            "no event was sent twice: " + eventIds);
        for (String id : paid) {
          assertEquals(1, receiver.about(id).size(), id);
        }
      } finally {
        api().delete("api/v1/webhook-endpoints/" + endpointId);
      }
    }
  }

  @Resource private jakarta.enterprise.concurrent.ManagedThreadFactory threadFactory;

  // --- The compliance gate ----------------------------------------------------------------------

  private ApiClient compliance() {
    return new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
  }

  private String gateAction(String paymentId) {
    return audit.find(AuditQuery.forObject(paymentId), 0, 100).stream()
        .map(AuditEvent::action)
        .filter(a -> a.startsWith("gate."))
        .findFirst()
        .orElse(null);
  }

  @Test
  void aPayerOnASanctionsListIsBlockedBeforeAnyGatewayCall() {
    CheckoutSession session = newSession(1200);
    PaymentResult result =
        confirmation.confirm(
            session.id(),
            card("4242424242424242"),
            new Payer("Saddam Hussein al-Tikriti", null),
            "/pay/x");
    assertEquals(PaymentStatus.FAILED, result.status());
    assertEquals("compliance_blocked", result.decline().orElseThrow().code());
    assertEquals(0, sandbox.chargesFor(result.paymentId()), "no gateway call");
    assertEquals("gate.block", gateAction(result.paymentId()));
    // The shopper learns it cannot be processed; the trail says why, without the name.
    String detail =
        audit.find(AuditQuery.forObject(result.paymentId()), 0, 100).stream()
            .filter(e -> e.action().equals("gate.block"))
            .findFirst()
            .orElseThrow()
            .detail();
    assertTrue(detail.contains("sanctions_hit list="), detail);
    assertFalse(detail.toLowerCase(java.util.Locale.ROOT).contains("saddam"), detail);

    PaymentResult ordinary =
        confirmation.confirm(newSession(900).id(), card("4242424242424242"), PAYER, "/pay/x");
    assertEquals(PaymentStatus.CAPTURED, ordinary.status());
    assertEquals("gate.allow", gateAction(ordinary.paymentId()));
  }

  @Test
  void aSingleLargeAmountIsHeldForReviewByTransactionMonitoring() {
    JsonObject large =
        api()
            .post(
                "api/v1/payments",
                "{\"amount\":1000000,\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\","
                    + "\"customer\":\"cus_big_spender\"}",
                null)
            .json();
    assertEquals("authorized", large.getString("status"), large.toString());
    String reasons =
        compliance().get("api/v1/compliance/cases").json().getJsonArray("data").stream()
            .map(v -> v.asJsonObject())
            .filter(c -> c.getString("id").equals(large.getString("review_case")))
            .findFirst()
            .orElseThrow()
            .getString("reasons");
    assertTrue(reasons.contains("large_amount amount=1000000 EUR threshold=1000000"), reasons);
    JsonObject justBelow =
        api()
            .post(
                "api/v1/payments",
                "{\"amount\":999999,\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\","
                    + "\"customer\":\"cus_"
                    + UUID.randomUUID()
                    + "\"}",
                null)
            .json();
    assertEquals("captured", justBelow.getString("status"));
  }

  @Test
  void aPaymentHeldForReviewIsCapturedWhenClearedAndVoidedWhenConfirmed() {
    String body =
        "{\"amount\":4100,\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\","
            + "\"country\":\"KP\"}";
    JsonObject held = api().post("api/v1/payments", body, null).json();
    assertEquals("authorized", held.getString("status"), held.toString());
    String caseId = held.getString("review_case");
    assertEquals("gate.review", gateAction(held.getString("id")));

    ApiClient.Answer open = compliance().get("api/v1/compliance/cases");
    assertEquals(200, open.status(), open.body());
    assertTrue(
        open.body().contains(caseId) && open.body().contains("high_risk_country country=KP"));
    assertEquals(403, api().get("api/v1/compliance/cases").status());

    ApiClient.Answer cleared =
        compliance().post("api/v1/compliance/cases/" + caseId + "/clear", "", null);
    assertEquals(200, cleared.status(), cleared.body());
    assertEquals(PaymentStatus.CAPTURED, status(held.getString("id")));
    assertEquals(
        409,
        compliance().post("api/v1/compliance/cases/" + caseId + "/confirm", "", null).status());

    JsonObject second = api().post("api/v1/payments", body, null).json();
    ApiClient.Answer confirmed =
        compliance()
            .post(
                "api/v1/compliance/cases/" + second.getString("review_case") + "/confirm",
                "",
                null);
    assertEquals(200, confirmed.status(), confirmed.body());
    assertEquals(PaymentStatus.CANCELED, status(second.getString("id")));
    assertEquals(0, sandbox.chargesFor(second.getString("id")));
  }

  private JsonObject openCase(String caseId) {
    return compliance().get("api/v1/compliance/cases").json().getJsonArray("data").stream()
        .map(v -> v.asJsonObject())
        .filter(c -> c.getString("id").equals(caseId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open case " + caseId));
  }

  private JsonObject heldPayment(String customer, long amount) {
    // A billing country other than the card's holds it: pm_card_visa is a US test card.
    JsonObject payment =
        api()
            .post(
                "api/v1/payments",
                "{\"amount\":"
                    + amount
                    + ",\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\","
                    + "\"customer\":\""
                    + customer
                    + "\",\"country\":\"DE\"}",
                null)
            .json();
    assertEquals("authorized", payment.getString("status"), payment.toString());
    return payment;
  }

  @Test
  void aCustomersPaymentsHeldForReviewLandInOneCaseAndClearingItCapturesThemAll() {
    String customer = "cus_" + UUID.randomUUID();
    JsonObject first = heldPayment(customer, 2500);
    JsonObject second = heldPayment(customer, 2600);
    String caseId = first.getString("review_case");
    assertEquals(caseId, second.getString("review_case"), "the second joins the open case");
    JsonObject other = heldPayment("cus_" + UUID.randomUUID(), 2700);
    assertFalse(caseId.equals(other.getString("review_case")), "another customer, another case");

    JsonObject held = openCase(caseId);
    assertEquals(
        Set.of(first.getString("id"), second.getString("id")),
        held.getJsonArray("payments").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .collect(java.util.stream.Collectors.toSet()));
    assertTrue(held.getString("subject").startsWith("sub_"), held.toString());
    assertFalse(held.toString().contains(customer), "the customer only by pseudonym");
    List<JsonObject> alerts = held.getJsonArray("alerts").getValuesAs(JsonObject.class);
    assertEquals(2, alerts.size(), held.toString());
    for (JsonObject alert : alerts) {
      assertEquals("country_mismatch", alert.getString("rule"));
      assertEquals("billing=DE card=US", alert.getString("detail"));
      assertTrue(alert.getBoolean("holds"));
    }
    assertTrue(held.getString("reasons").contains("country_mismatch billing=DE card=US"));

    ApiClient.Answer cleared =
        compliance().post("api/v1/compliance/cases/" + caseId + "/clear", "", null);
    assertEquals(200, cleared.status(), cleared.body());
    assertEquals(PaymentStatus.CAPTURED, status(first.getString("id")));
    assertEquals(PaymentStatus.CAPTURED, status(second.getString("id")));
    assertEquals(PaymentStatus.AUTHORIZED, status(other.getString("id")));
    assertEquals(
        "payments=2 "
            + String.join(
                ",",
                new java.util.TreeSet<>(Set.of(first.getString("id"), second.getString("id")))),
        audit.find(AuditQuery.forObject(caseId), 0, 10).stream()
            .filter(e -> e.action().equals("case.cleared"))
            .findFirst()
            .orElseThrow()
            .detail());

    // Once decided, the customer's next held payment opens a new case.
    JsonObject third = heldPayment(customer, 2800);
    assertFalse(caseId.equals(third.getString("review_case")));
    for (JsonObject left : List.of(third, other)) {
      assertEquals(
          200,
          compliance()
              .post(
                  "api/v1/compliance/cases/" + left.getString("review_case") + "/confirm", "", null)
              .status());
      assertEquals(PaymentStatus.CANCELED, status(left.getString("id")));
    }
  }

  @Test
  void theGateKeepsOnlyPseudonymsOfTheCardAndTheShoppersAddress() throws Exception {
    PaymentResult one =
        confirmation.confirm(
            newSession(700).id(), card("4000000760000002"), PAYER, "203.0.113.7", "/pay/x");
    PaymentResult two =
        confirmation.confirm(
            newSession(800).id(), card("4000000760000002"), PAYER, "203.0.113.7", "/pay/x");
    assertEquals(PaymentStatus.CAPTURED, one.status());
    String[] first = gateKeys(one.paymentId());
    assertTrue(first[0].startsWith("card_") && first[1].startsWith("ip_"), String.join(" ", first));
    assertFalse(String.join(" ", first).contains("0760000002"));
    assertFalse(String.join(" ", first).contains("203.0.113"));
    assertEquals(List.of(first), List.of(gateKeys(two.paymentId())), "one card, one address");
  }

  private String[] gateKeys(String paymentId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT card_fingerprint, ip_ref FROM gate_decision WHERE payment_ref = ?")) {
      q.setString(1, paymentId);
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next(), "no gate decision for " + paymentId);
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }

  // --- helpers for the checkout flow ------------------------------------------------------------

  private static final Payer PAYER = new Payer("Ann Example", "ann@example.com");

  private CheckoutSession newSession(long amount) {
    return sessions.create(
        DemoMerchant.ID,
        new NewCheckoutSession(
            amount,
            "EUR",
            List.of(new LineItem("Lamp", 1, amount)),
            "en",
            null,
            "https://shop.example/ok",
            "https://shop.example/cancel",
            null),
        null);
  }

  private static CardDetails card(String number) {
    CardDetails.Checked checked =
        CardDetails.check(
            "Ann Example", number, 12, YearMonth.now().getYear() + 2, "123", YearMonth.now());
    assertTrue(checked.valid(), "test card must be valid: " + checked.problems());
    return checked.card();
  }

  @Test
  void aStoredQuoteIsUsableUntilItsLockEndsAndThenRefused() throws Exception {
    JsonObject quote =
        api()
            .post(
                "api/v1/fx/quotes",
                "{\"amount\":10000,\"currency\":\"USD\",\"presentment_currency\":\"GBP\"}",
                null)
            .json();
    String id = quote.getString("id");
    String merchant;
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT merchant_id FROM fx_quote WHERE id = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next());
        merchant = rs.getString(1);
      }
    }
    Instant lockedUntil = Instant.parse(quote.getString("locked_until"));

    org.kassa.payment.money.fx.FxQuote used =
        fxQuotes.use(merchant, id, lockedUntil.minusMillis(1));
    // the stored cross rate keeps its 12 digits (0.84638 / 1.0705)
    assertEquals(
        0, used.rate().compareTo(new java.math.BigDecimal("0.790639887903")), "" + used.rate());
    assertEquals(
        quote.getJsonNumber("presentment_amount").longValue(),
        used.presentmentAmount().minorUnits());
    org.junit.jupiter.api.Assertions.assertThrows(
        org.kassa.payment.money.fx.QuoteExpiredException.class,
        () -> fxQuotes.use(merchant, id, lockedUntil));
    org.junit.jupiter.api.Assertions.assertThrows(
        org.kassa.payment.NotFoundException.class,
        () -> fxQuotes.use("m_someone_else", id, Instant.now()));
  }
}
