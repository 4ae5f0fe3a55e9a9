package org.kassa.web.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kassa.payment.gateway.PaymentMethodType;
import org.kassa.payment.merchant.MerchantDirectory;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentFilter;
import org.kassa.payment.payment.PaymentOrder;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.Payments;
import org.kassa.payment.report.PaymentReport;
import org.kassa.payment.report.PaymentStatistics;
import org.kassa.web.it.KassaDeployment;
import org.kassa.web.security.ConsoleUsers;
import org.kassa.web.security.Roles;

/**
 * The console's payment search and the dashboard's report against payments of known days, amounts
 * and outcomes, stored for a merchant of the test's own (so no other test's payments count), next
 * to another merchant's payments that must never show.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentSearchAndReportIT {

  @Deployment
  static WebArchive deployment() {
    return KassaDeployment.warWithContainerTests();
  }

  @Inject private MerchantDirectory merchants;
  @Inject private Payments payments;
  @Inject private PaymentStatistics statistics;
  @Inject private ConsoleUsers consoleUsers;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  @ArquillianResource private URL base;

  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  /** A payment row as the engine stores it, on {@code day} at noon UTC. */
  private record Row(
      String id,
      LocalDate day,
      long amount,
      String currency,
      PaymentStatus status,
      PaymentMethodType method,
      String declineCode,
      long captured,
      String customerId,
      String subjectRef) {}

  private static Row row(
      String id, LocalDate day, long amount, String currency, PaymentStatus status, long captured) {
    return new Row(
        id, day, amount, currency, status, PaymentMethodType.CARD, null, captured, null, null);
  }

  private void store(String merchantId, List<Row> rows) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO payment (id, merchant_id, amount, currency, status, payment_method,"
                    + " decline_code, amount_captured, customer_id, subject_ref, gateway,"
                    + " created_at, updated_at, version) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sandbox', ?, ?, 0)")) {
      for (Row r : rows) {
        OffsetDateTime at = r.day().atTime(12, 0).atOffset(ZoneOffset.UTC);
        ps.setString(1, r.id());
        ps.setString(2, merchantId);
        ps.setLong(3, r.amount());
        ps.setString(4, r.currency());
        ps.setString(5, r.status().name());
        ps.setString(6, r.method().name());
        ps.setString(7, r.declineCode());
        ps.setLong(8, r.captured());
        ps.setString(9, r.customerId());
        ps.setString(10, r.subjectRef());
        ps.setObject(11, at);
        ps.setObject(12, at);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Two merchants with known payments: {@code a}'s, and {@code b}'s that must never show. */
  private record Shops(String a, String b, String prefix) {
    String id(String name) {
      return prefix + name;
    }
  }

  private Shops shops() throws Exception {
    String a = merchants.register("Report Shop A " + System.nanoTime()).merchant().id();
    String b = merchants.register("Report Shop B " + System.nanoTime()).merchant().id();
    String p = "pay_t" + Long.toString(System.nanoTime(), 36) + "_";
    LocalDate d2 = TODAY.minusDays(2);
    LocalDate d1 = TODAY.minusDays(1);
    store(
        a,
        List.of(
            new Row(
                p + "a1",
                d2,
                1000,
                "EUR",
                PaymentStatus.CAPTURED,
                PaymentMethodType.CARD,
                null,
                1000,
                "cus_a",
                null),
            new Row(
                p + "a2",
                d2,
                500,
                "EUR",
                PaymentStatus.FAILED,
                PaymentMethodType.CARD,
                "insufficient_funds",
                0,
                null,
                null),
            new Row(
                p + "a3",
                d1,
                1234,
                "KWD",
                PaymentStatus.CAPTURED,
                PaymentMethodType.CARD,
                null,
                1234,
                "cus_a",
                null),
            row(p + "a4", d1, 300, "EUR", PaymentStatus.REFUNDED, 300),
            row(p + "a5", TODAY, 700, "EUR", PaymentStatus.FAILED, 0),
            row(p + "a6", TODAY, 900, "EUR", PaymentStatus.PROCESSING, 0),
            new Row(
                p + "a7",
                TODAY,
                2000,
                "EUR",
                PaymentStatus.PARTIALLY_CAPTURED,
                PaymentMethodType.PAYPAL,
                null,
                1500,
                null,
                "sub_report_payer"),
            row(p + "a8", TODAY.minusDays(10), 5000, "EUR", PaymentStatus.CAPTURED, 5000)));
    store(
        b,
        List.of(
            new Row(
                p + "b1",
                TODAY,
                999,
                "EUR",
                PaymentStatus.CAPTURED,
                PaymentMethodType.CARD,
                null,
                999,
                "cus_a",
                "sub_report_payer"),
            new Row(
                p + "b2",
                d1,
                600,
                "EUR",
                PaymentStatus.FAILED,
                PaymentMethodType.CARD,
                "lost_card",
                0,
                "cus_a",
                null)));
    return new Shops(a, b, p);
  }

  private Set<String> found(Shops s, PaymentFilter filter) {
    List<Payment> page = payments.search(s.a(), filter, PaymentOrder.NEWEST, 0, 100);
    assertEquals(page.size(), payments.countMatching(s.a(), filter));
    return page.stream()
        .map(Payment::id)
        .map(id -> id.substring(s.prefix().length()))
        .collect(Collectors.toSet());
  }

  private static PaymentFilter filter(
      PaymentStatus status, PaymentMethodType method, String currency, Long min, Long max) {
    return new PaymentFilter(
        status,
        method,
        currency == null ? null : CurrencyCode.of(currency),
        min,
        max,
        null,
        null,
        null,
        null);
  }

  @Test
  void theReportCountsEachDayAndEachCurrencyOnItsOwnAndOnlyTheMerchantsPayments() throws Exception {
    Shops s = shops();

    PaymentReport report = statistics.report(s.a(), TODAY.minusDays(2), TODAY);

    assertEquals(List.of(TODAY.minusDays(2), TODAY.minusDays(1), TODAY), report.days());
    assertEquals(
        List.of(
            new PaymentReport.Outcomes(1, 1),
            new PaymentReport.Outcomes(2, 0),
            new PaymentReport.Outcomes(1, 1)),
        report.outcomes(),
        "succeeded: captured, refunded, partially captured; declined: failed; processing: neither");
    assertEquals(List.of("EUR", "KWD"), List.copyOf(report.volume().keySet()));
    assertEquals(
        List.of(Money.of(1000, "EUR"), Money.of(300, "EUR"), Money.of(1500, "EUR")),
        report.volume().get("EUR"));
    assertEquals(
        List.of(Money.of(0, "KWD"), Money.of(1234, "KWD"), Money.of(0, "KWD")),
        report.volume().get("KWD"));
    assertEquals(
        Map.of("insufficient_funds", List.of(1L, 0L, 0L), "generic_decline", List.of(0L, 0L, 1L)),
        report.declines());
    assertEquals(new java.math.BigDecimal("66.7"), report.total().successRate().orElseThrow());

    PaymentReport other = statistics.report(s.b(), TODAY.minusDays(2), TODAY);
    assertEquals(new PaymentReport.Outcomes(1, 1), other.total());
    assertEquals(Map.of("EUR", Money.of(999, "EUR")), other.totalVolume());
    assertEquals(Set.of("lost_card"), other.declines().keySet());

    PaymentReport older = statistics.report(s.a(), TODAY.minusDays(29), TODAY);
    assertEquals(
        Money.of(7800, "EUR"), older.totalVolume().get("EUR"), "ten days ago counts in 30");
  }

  @Test
  void eachFilterNarrowsTheSearchToTheMerchantsOwnPayments() throws Exception {
    Shops s = shops();

    assertEquals(
        Set.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"), found(s, PaymentFilter.NONE));
    assertEquals(
        Set.of("a1", "a3", "a8"), found(s, filter(PaymentStatus.CAPTURED, null, null, null, null)));
    assertEquals(Set.of("a7"), found(s, filter(null, PaymentMethodType.PAYPAL, null, null, null)));
    assertEquals(Set.of("a3"), found(s, filter(null, null, "KWD", null, null)));
    assertEquals(Set.of("a1", "a2", "a5", "a6"), found(s, filter(null, null, "EUR", 500L, 1000L)));
    assertEquals(Set.of("a7", "a8"), found(s, filter(null, null, "EUR", 1001L, null)));
    assertEquals(Set.of(), found(s, filter(null, null, "KWD", 1235L, null)));
    assertEquals(
        Set.of("a1", "a3"),
        found(s, new PaymentFilter(null, null, null, null, null, null, null, "cus_a", null)));
    assertEquals(
        Set.of("a7"),
        found(
            s,
            new PaymentFilter(null, null, null, null, null, null, null, null, "sub_report_payer")));
    assertEquals(
        Set.of("a3", "a4"),
        found(
            s,
            new PaymentFilter(
                null,
                null,
                null,
                null,
                null,
                TODAY.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(),
                null,
                null)));

    List<String> largestEur =
        payments
            .search(s.a(), filter(null, null, "EUR", null, null), PaymentOrder.LARGEST, 0, 3)
            .stream()
            .map(Payment::id)
            .toList();
    assertEquals(List.of(s.id("a8"), s.id("a7"), s.id("a1")), largestEur);
    List<String> secondPage =
        payments
            .search(s.a(), filter(null, null, "EUR", null, null), PaymentOrder.SMALLEST, 2, 2)
            .stream()
            .map(Payment::id)
            .toList();
    assertEquals(List.of(s.id("a5"), s.id("a6")), secondPage, "300, 500 | 700, 900 | ...");
  }

  @Test
  void theConsoleShowsAMerchantAdminOnlyTheirOwnPayments() throws Exception {
    // A user created while the server runs, signing in at once: its role came back empty under
    // load with Payara's own form mechanism (payara/Payara#6145), which ConsoleAuthentication
    // replaced.
    Shops s = shops();
    String user = "report-admin-" + System.nanoTime() + "@kassa.test";
    consoleUsers.create(user, "report-pass".toCharArray(), Roles.MERCHANT_ADMIN, s.b());
    HttpClient browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // as a browser over plain http, like PageClient
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    URI root = URI.create(base.toString());
    String login = get(browser, root.resolve("login"));
    HttpResponse<String> signedIn =
        browser.send(
            HttpRequest.newBuilder(root.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(
                            Map.of(
                                "login", "login",
                                "username", user,
                                "password", "report-pass",
                                "sign-in", "x",
                                "jakarta.faces.ViewState", viewState(login)))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, signedIn.statusCode(), signedIn.body());
    assertTrue(signedIn.headers().firstValue("Location").orElse("").endsWith("console/dashboard"));

    String search = get(browser, root.resolve("console/payments?customer=cus_a"));
    assertTrue(search.contains(s.id("b1")) && search.contains(s.id("b2")), search);
    assertFalse(search.contains(s.id("a1")) || search.contains(s.id("a3")), search);
    String detail = get(browser, root.resolve("console/payment?id=" + s.id("a1")));
    assertTrue(detail.contains("id=\"payment-missing\""), detail);
    String dashboard = get(browser, root.resolve("console/dashboard?days=7"));
    assertTrue(dashboard.contains("data-currency=\"EUR\" data-minor=\"999\""), dashboard);
    assertTrue(dashboard.contains("data-reason=\"lost_card\" data-count=\"1\""), dashboard);
    assertFalse(dashboard.contains("KWD"), "only merchant A captured KWD");
  }

  private static String get(HttpClient browser, URI uri) throws Exception {
    HttpResponse<String> page =
        browser.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), uri + " " + page.body());
    return page.body();
  }

  private static String viewState(String page) {
    Matcher m =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertTrue(m.find(), page);
    return m.group(1);
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
