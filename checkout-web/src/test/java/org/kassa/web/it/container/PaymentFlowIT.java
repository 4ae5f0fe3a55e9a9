package org.kassa.web.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kassa.compliance.audit.AuditEvent;
import org.kassa.compliance.audit.AuditQuery;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.audit.ChainVerification;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutSessions;
import org.kassa.payment.checkout.CheckoutStatus;
import org.kassa.payment.checkout.LineItem;
import org.kassa.payment.checkout.NewCheckoutSession;
import org.kassa.payment.gateway.sandbox.SandboxGateway;
import org.kassa.payment.merchant.DemoMerchant;
import org.kassa.payment.merchant.MerchantDirectory;
import org.kassa.payment.payment.Payer;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentConfirmation;
import org.kassa.payment.payment.PaymentResult;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.Payments;
import org.kassa.payment.payment.RefundNotAllowedException;
import org.kassa.payment.payment.SessionNotPayableException;
import org.kassa.payment.refund.NewRefund;
import org.kassa.payment.refund.Refund;
import org.kassa.payment.refund.RefundStatus;
import org.kassa.payment.refund.Refunds;
import org.kassa.web.it.KassaDeployment;

/**
 * The payment flow inside the container: transactions, row locks, the audit chain as stored, and
 * what the database keeps of a card.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentFlowIT {

  @Deployment
  static WebArchive deployment() {
    return KassaDeployment.warWithContainerTests();
  }

  private static final Payer PAYER = new Payer("Ann Example", "ann@example.com");
  private static final String RETURN = "/pay/return";

  @Inject private CheckoutSessions sessions;
  @Inject private PaymentConfirmation confirmation;
  @Inject private Payments payments;
  @Inject private AuditTrail audit;
  @Inject private MerchantDirectory merchants;
  @Inject private Refunds refunds;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  @Resource private ManagedThreadFactory threadFactory;
  @Inject private SandboxGateway sandbox;

  /**
   * As many managed threads as callers: the default managed executor has a small pool, which would
   * queue the callers instead of running them at once.
   */
  private java.util.concurrent.ExecutorService threads(int n) {
    return java.util.concurrent.Executors.newFixedThreadPool(n, threadFactory);
  }

  @ArquillianResource private URL base;

  private CheckoutSession newSession(long amount) {
    NewCheckoutSession request =
        new NewCheckoutSession(
            amount,
            "EUR",
            List.of(new LineItem("Lamp", 1, amount)),
            "en",
            "ann@example.com",
            "https://shop.example/ok",
            "https://shop.example/cancel",
            null);
    return sessions.create(DemoMerchant.ID, request, null);
  }

  private static CardDetails card(String number) {
    CardDetails.Checked checked =
        CardDetails.check(
            "Ann Example", number, 12, YearMonth.now().getYear() + 2, "123", YearMonth.now());
    assertTrue(checked.valid(), "test card must be valid: " + checked.problems());
    return checked.card();
  }

  @Test
  void aGoodCardCapturesAndCompletesTheSessionWithOneAuditEventPerChange() {
    CheckoutSession session = newSession(2500);

    PaymentResult result =
        confirmation.confirm(session.id(), card("4242424242424242"), PAYER, RETURN);

    assertEquals(PaymentStatus.CAPTURED, result.status());
    assertEquals(
        CheckoutStatus.COMPLETE,
        sessions.find(session.id()).orElseThrow().statusAt(java.time.Instant.now()));
    List<String> actions =
        audit.find(AuditQuery.forObject(result.paymentId()), 0, 50).stream()
            .map(AuditEvent::action)
            .toList();
    // Newest first: created, assessed by the compliance gate, captured.
    assertEquals(List.of("payment.captured", "gate.allow", "payment.processing"), actions);
    assertTrue(audit.verify().intact());
  }

  @Test
  void declinesFollowThePublishedTestCardsAndTheShopperMayTryAgain() {
    CheckoutSession session = newSession(900);
    String[][] declines = {
      {"4000000000000002", "generic_decline"},
      {"4000000000009995", "insufficient_funds"},
      {"4000000000009987", "lost_card"},
      {"4000000000000069", "expired_card"},
      {"4000000000000127", "incorrect_cvc"},
      {"4000000000000119", "processing_error"},
    };
    for (String[] decline : declines) {
      PaymentResult result = confirmation.confirm(session.id(), card(decline[0]), PAYER, RETURN);
      assertEquals(PaymentStatus.FAILED, result.status(), decline[0]);
      assertEquals(decline[1], result.decline().orElseThrow().code(), decline[0]);
    }

    PaymentResult retry =
        confirmation.confirm(session.id(), card("4242424242424242"), PAYER, RETURN);

    assertEquals(PaymentStatus.CAPTURED, retry.status());
    assertEquals(declines.length + 1, payments.ofSession(session.id()).size());
    assertThrows(
        SessionNotPayableException.class,
        () -> confirmation.confirm(session.id(), card("4242424242424242"), PAYER, RETURN));
  }

  @Test
  void aHundredConcurrentConfirmsPayTheSessionExactlyOnce() throws Exception {
    CheckoutSession session = newSession(5000);
    int attempts = 100;
    java.util.concurrent.ExecutorService executor = threads(attempts);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<PaymentStatus>> outcomes = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      Callable<PaymentStatus> confirm =
          () -> {
            start.await();
            try {
              return confirmation
                  .confirm(session.id(), card("4242424242424242"), PAYER, RETURN)
                  .status();
            } catch (jakarta.ejb.EJBException e) {
              if (e.getCause() instanceof SessionNotPayableException) {
                return null;
              }
              throw e;
            } catch (SessionNotPayableException e) {
              return null;
            }
          };
      outcomes.add(executor.submit(confirm));
    }
    start.countDown();
    int captured = 0;
    for (Future<PaymentStatus> outcome : outcomes) {
      if (outcome.get() == PaymentStatus.CAPTURED) {
        captured++;
      }
    }

    executor.shutdown();
    List<Payment> stored = payments.ofSession(session.id());
    assertEquals(1, captured);
    assertEquals(1, stored.size(), "only one payment may even be attempted while one is under way");
    assertEquals(PaymentStatus.CAPTURED, stored.get(0).status());
    assertEquals(1, sandbox.chargesFor(stored.get(0).id()), "one charge at the gateway");
  }

  @Test
  void fiftyConcurrentPartialRefundsNeverRefundMoreThanWasCaptured() throws Exception {
    CheckoutSession session = newSession(5000);
    String paymentId =
        confirmation.confirm(session.id(), card("4242424242424242"), PAYER, RETURN).paymentId();
    CountDownLatch start = new CountDownLatch(1);
    java.util.concurrent.ExecutorService executor = threads(50);
    List<Future<RefundStatus>> outcomes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Callable<RefundStatus> refund =
          () -> {
            start.await();
            try {
              return refunds
                  .refund(DemoMerchant.ID, paymentId, new NewRefund(150L, "EUR", null), null)
                  .status();
            } catch (RefundNotAllowedException e) {
              return null;
            }
          };
      outcomes.add(executor.submit(refund));
    }
    start.countDown();
    int succeeded = 0;
    for (Future<RefundStatus> outcome : outcomes) {
      if (outcome.get() == RefundStatus.SUCCEEDED) {
        succeeded++;
      }
    }
    executor.shutdown();

    long refunded =
        refunds.ofPayment(DemoMerchant.ID, paymentId).stream()
            .filter(r -> r.status() != RefundStatus.FAILED)
            .mapToLong(r -> r.amount().minorUnits())
            .sum();
    Payment payment = payments.find(paymentId).orElseThrow();
    assertEquals(33, succeeded, "5000 / 150 = 33 refunds fit");
    assertEquals(4950, refunded);
    assertEquals(4950, payment.amountRefunded().minorUnits());
    assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payment.status());

    Refund rest = refunds.refund(DemoMerchant.ID, paymentId, new NewRefund(null, null, null), null);
    assertEquals(50, rest.amount().minorUnits());
    assertEquals(PaymentStatus.REFUNDED, payments.find(paymentId).orElseThrow().status());
    assertThrows(
        RefundNotAllowedException.class,
        () -> refunds.refund(DemoMerchant.ID, paymentId, new NewRefund(1L, null, null), null));
    assertEquals(
        33 + 1,
        audit.find(AuditQuery.forObject(paymentId), 0, 500).stream()
            .filter(e -> e.action().startsWith("payment.") && e.action().endsWith("refunded"))
            .count(),
        "one audit event per payment state change");
  }

  @Test
  void noFullCardNumberIsStoredAnywhere() throws Exception {
    String pan = "4000056655665556"; // Visa debit, succeeds
    CheckoutSession session = newSession(700);
    assertEquals(
        PaymentStatus.CAPTURED,
        confirmation.confirm(session.id(), card(pan), PAYER, RETURN).status());

    List<String> hits = DatabaseScan.columnsContaining(dataSource, pan.substring(0, 10));
    assertEquals(List.of(), hits);
  }

  @Test
  void anotherMerchantsSessionIsNotFound() throws Exception {
    CheckoutSession demoSession = newSession(300);
    String otherKey = merchants.register("Other Shop " + System.nanoTime()).apiKey();

    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base.toString())
                            .resolve("api/v1/checkout-sessions/" + demoSession.id()))
                    .header("Authorization", "Bearer " + otherKey)
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(404, answer.statusCode());
  }

  @Test
  void anExpiredSessionCannotBePaidAndItsPageSaysSo() throws Exception {
    CheckoutSession session = newSession(100);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE checkout_session SET expires_at = ? WHERE id = ?")) {
      ps.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1));
      ps.setString(2, session.id());
      assertEquals(1, ps.executeUpdate());
    }

    SessionNotPayableException refused =
        assertThrows(
            SessionNotPayableException.class,
            () -> confirmation.confirm(session.id(), card("4242424242424242"), PAYER, RETURN));
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base.toString()).resolve("pay/" + session.id() + "?lang=en"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(SessionNotPayableException.Reason.EXPIRED, refused.reason());
    assertEquals(
        CheckoutStatus.EXPIRED,
        sessions.find(session.id()).orElseThrow().statusAt(java.time.Instant.now()));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("This payment link has expired"), page.body());
    assertTrue(payments.ofSession(session.id()).isEmpty());
  }

  @Test
  void editingAStoredEventIsDetected() throws Exception {
    newSession(100);
    long seq = lastSeq() - 1;
    String original = column(seq, "outcome");
    update("UPDATE audit_event SET outcome = 'refunded' WHERE seq = ?", seq);
    try {
      ChainVerification v = audit.verify();
      assertFalse(v.intact());
      assertEquals(seq, v.firstBrokenSeq());
    } finally {
      update("UPDATE audit_event SET outcome = '" + original + "' WHERE seq = ?", seq);
    }
    assertTrue(audit.verify().intact());
  }

  @Test
  void deletingAStoredEventIsDetected() throws Exception {
    newSession(100);
    newSession(100);
    long seq = lastSeq() - 1;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE audit_event_backup AS SELECT * FROM audit_event WHERE seq = " + seq);
      s.execute("DELETE FROM audit_event WHERE seq = " + seq);
    }
    try {
      ChainVerification v = audit.verify();
      assertFalse(v.intact());
      assertEquals(seq, v.firstBrokenSeq());
      assertTrue(v.problem().contains("missing"), v.problem());
    } finally {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("INSERT INTO audit_event SELECT * FROM audit_event_backup");
        s.execute("DROP TABLE audit_event_backup");
      }
    }
    assertTrue(audit.verify().intact());
  }

  @Test
  void reorderingStoredEventsIsDetected() throws Exception {
    newSession(100);
    newSession(200);
    long second = lastSeq();
    long first = second - 1;
    swapObjectIds(first, second);
    try {
      ChainVerification v = audit.verify();
      assertFalse(v.intact());
      assertEquals(first, v.firstBrokenSeq());
    } finally {
      swapObjectIds(first, second);
    }
    assertTrue(audit.verify().intact());
  }

  @Test
  void anEventStoredPastTheChainHeadIsDetected() throws Exception {
    newSession(100);
    long seq = lastSeq();
    long rogue = seq + 1_000_000;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE audit_rogue AS SELECT * FROM audit_event WHERE seq = " + seq);
      s.execute("UPDATE audit_rogue SET seq = " + rogue);
      s.execute("INSERT INTO audit_event SELECT * FROM audit_rogue");
      s.execute("DROP TABLE audit_rogue");
    }
    try {
      ChainVerification v = audit.verify();
      assertFalse(v.intact());
      assertTrue(v.problem().contains("does not know events"), v.problem());
    } finally {
      update("DELETE FROM audit_event WHERE seq = ?", rogue);
    }
    assertTrue(audit.verify().intact());
  }

  @Test
  void verifyingWhileOthersAppendFindsTheChainIntact() throws Exception {
    java.util.concurrent.ExecutorService pool = threads(2);
    java.util.concurrent.atomic.AtomicBoolean running =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Future<?>> appenders = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      appenders.add(
          pool.submit(
              () -> {
                int i = 0;
                while (running.get() && i < 300) {
                  audit.appendInNewTransaction(
                      org.kassa.compliance.audit.AuditRecord.of(
                          "test", "test.concurrent_append", "test", "n" + i++, "ok"));
                }
                return null;
              }));
    }
    try {
      for (int i = 0; i < 15; i++) {
        ChainVerification v = audit.verify();
        assertTrue(v.intact(), () -> "verification " + v.problem());
      }
    } finally {
      running.set(false);
      for (Future<?> f : appenders) {
        f.get();
      }
      pool.shutdown();
    }
    assertTrue(audit.verify().intact());
  }

  @Test
  void aDeletedLastEventIsDetectedByTheChainHead() throws Exception {
    newSession(100);
    long seq = lastSeq();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE audit_tail_backup AS SELECT * FROM audit_event WHERE seq = " + seq);
      s.execute("DELETE FROM audit_event WHERE seq = " + seq);
    }
    try {
      assertFalse(audit.verify().intact());
    } finally {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("INSERT INTO audit_event SELECT * FROM audit_tail_backup");
        s.execute("DROP TABLE audit_tail_backup");
      }
    }
    assertTrue(audit.verify().intact());
  }

  private void swapObjectIds(long a, long b) throws Exception {
    String idA = column(a, "object_id");
    String idB = column(b, "object_id");
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE audit_event SET object_id = ? WHERE seq = ?")) {
        ps.setString(1, idB);
        ps.setLong(2, a);
        ps.executeUpdate();
        ps.setString(1, idA);
        ps.setLong(2, b);
        ps.executeUpdate();
      }
    }
  }

  private long lastSeq() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM audit_event")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String column(long seq, String name) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + name + " FROM audit_event WHERE seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private void update(String sql, long seq) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, seq);
      ps.executeUpdate();
    }
  }
}
