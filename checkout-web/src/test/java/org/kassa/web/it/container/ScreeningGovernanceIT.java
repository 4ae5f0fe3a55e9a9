package org.kassa.web.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kassa.compliance.audit.AuditEvent;
import org.kassa.compliance.audit.AuditQuery;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.gate.Rescreening;
import org.kassa.compliance.gate.ScreenedSubjects;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutSessions;
import org.kassa.payment.checkout.LineItem;
import org.kassa.payment.checkout.NewCheckoutSession;
import org.kassa.payment.gateway.sandbox.SandboxGateway;
import org.kassa.payment.merchant.DemoMerchant;
import org.kassa.payment.payment.Payer;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentConfirmation;
import org.kassa.payment.payment.PaymentResult;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.Payments;
import org.kassa.web.it.ApiClient;
import org.kassa.web.it.KassaDeployment;

/**
 * Screening governance in the container: the false-positive whitelist through the API and the gate,
 * and the re-screening of customers after a list refresh, holding an open authorization.
 */
@ExtendWith(ArquillianExtension.class)
class ScreeningGovernanceIT {

  @Deployment
  static WebArchive deployment() {
    return KassaDeployment.warWithContainerTests();
  }

  private static final String HEADER = "name,aliases,type,country,identifiers\n";
  private static final Pattern HIT =
      Pattern.compile("sanctions_hit list=(\\S+) entry=(\\S+) score=");

  @Inject private PaymentConfirmation confirmation;
  @Inject private CheckoutSessions sessions;
  @Inject private Payments payments;
  @Inject private Rescreening rescreening;
  @Inject private ScreenedSubjects screened;
  @Inject private AuditTrail audit;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private SandboxGateway sandbox;

  @ArquillianResource private URL base;

  @Test
  void aWhitelistedHitLetsTheSamePayerPayUntilTheListedEntryChanges() {
    String wl = "it-fp-" + UUID.randomUUID().toString().substring(0, 8);
    loadWatchlist(wl, HEADER + "Ludmila Prokopenko-Sarre,,person,,\n");
    Payer payer =
        new Payer("Ludmilla Prokopenko Sare", "ludmilla." + UUID.randomUUID() + "@example.test");
    String subject = pseudonymizer.pseudonym(payer.emailAddress().orElseThrow());

    // Held by the hit: authorized only, with a case naming the list and entry, never the name.
    Payment held = payment(pay(payer));
    assertEquals(PaymentStatus.AUTHORIZED, held.status());
    JsonObject heldCase = openCase(held.reviewCase().orElseThrow());
    assertEquals(subject, heldCase.getString("subject"));
    Matcher hit = HIT.matcher(heldCase.getString("reasons"));
    assertTrue(hit.find(), heldCase.getString("reasons"));
    String listId = hit.group(1);
    String entryId = hit.group(2);
    assertEquals("internal-" + wl, listId);

    // Bad requests are problems naming the field; nothing is stored.
    assertField(whitelist(subject, listId, entryId, null, inDays(30)), "reason");
    assertField(whitelist(subject, listId, entryId, "Not her", inDays(-1)), "expires_at");
    assertField(whitelist(subject, listId, entryId, "Not her", inDays(400)), "expires_at");
    assertField(whitelist(subject, listId, "no-such-entry", "Not her", inDays(30)), "entry_id");
    assertEquals(0, listed(subject, "all").size());

    ApiClient.Answer created =
        whitelist(subject, listId, entryId, "Different person: other date of birth", inDays(30));
    assertEquals(201, created.status(), created.body());
    String wlId = created.json().getString("id");
    assertEquals("valid", created.json().getString("standing"));
    assertEquals(1, listed(subject, null).size());
    assertAudited(wlId, "whitelist.created", payer);

    // The same payer's next payment goes through, and the decision says why.
    PaymentResult next = pay(payer);
    assertEquals(PaymentStatus.CAPTURED, next.status());
    String allowed = gateDetail(next.paymentId(), "gate.allow");
    assertTrue(
        allowed.contains("whitelisted_hit list=" + listId + " entry=" + entryId)
            && allowed.contains("wl=" + wlId),
        allowed);

    // A refresh that changes the entry (a new alias) voids the whitelisting, once.
    loadWatchlist(wl, HEADER + "Ludmila Prokopenko-Sarre,Ludmila Sarre,person,,\n");
    rescreening.rescreenAll();
    JsonObject voided = listed(subject, "all").get(0);
    assertEquals("void", voided.getString("status"), voided.toString());
    assertEquals("entry_changed", voided.getString("void_cause"));
    assertEquals(0, listed(subject, null).size());
    Payment heldAgain = payment(pay(payer));
    assertEquals(PaymentStatus.AUTHORIZED, heldAgain.status());
    assertTrue(heldAgain.reviewCase().isPresent());
    assertEquals(1, auditCount(wlId, "whitelist.voided"));
    assertEquals(409, compliance().delete("api/v1/screening/whitelist/" + wlId).status());

    // A whitelisting an officer revokes no longer holds either.
    String second =
        whitelist(subject, listId, entryId, "Checked again: other person", inDays(10))
            .json()
            .getString("id");
    ApiClient.Answer revoked = compliance().delete("api/v1/screening/whitelist/" + second);
    assertEquals(200, revoked.status(), revoked.body());
    assertEquals("revoked", revoked.json().getString("status"));
    assertAudited(second, "whitelist.revoked", payer);
    assertEquals(PaymentStatus.AUTHORIZED, payment(pay(payer)).status());
    assertEquals(404, compliance().delete("api/v1/screening/whitelist/wl_nope").status());
  }

  @Test
  void aNewListEntryForAnAuthorizedCustomerHoldsTheAuthorizationUntilTheCaseIsDecided() {
    String email = "oskar." + UUID.randomUUID() + "@example.test";
    String subject = pseudonymizer.pseudonym(email);
    Payer payer = new Payer("Oskar Brannigan Vedder", email);

    // A clean customer: screened, captured, and kept (sealed) for re-screening.
    PaymentResult clean = pay(payer);
    assertEquals(PaymentStatus.CAPTURED, clean.status());
    assertTrue(screened.isScreened(subject));
    // The same customer, charged off-session by the merchant with manual capture: authorized.
    JsonObject authorized =
        api()
            .post(
                "api/v1/payments",
                "{\"amount\":2500,\"currency\":\"EUR\",\"payment_method\":\"pm_card_visa\","
                    + "\"customer\":\""
                    + email
                    + "\",\"capture_method\":\"manual\"}",
                null)
            .json();
    assertEquals("authorized", authorized.getString("status"), authorized.toString());
    String authorizationId = authorized.getString("id");

    // The list refresh: a new entry matching the customer; the re-screen runs here, now.
    loadWatchlist(
        "it-rescreen-" + UUID.randomUUID().toString().substring(0, 8),
        HEADER + "Oskar Brannigan-Vedder,,person,,\n");
    rescreening.rescreenAll();
    await("the authorization held", () -> payment(authorizationId).reviewCase().isPresent());
    String caseId = payment(authorizationId).reviewCase().orElseThrow();
    JsonObject opened = openCase(caseId);
    assertEquals(subject, opened.getString("subject"));
    assertTrue(opened.isNull("payment"));
    assertEquals(
        List.of(authorizationId),
        opened.getJsonArray("payments").getValuesAs(jakarta.json.JsonString::getString));
    assertTrue(opened.getString("reasons").contains("rescreening_hit list=internal-it-rescreen-"));
    assertTrue(opened.getBoolean("needs_two_officers"));
    String detail =
        audit.find(AuditQuery.forObject(caseId), 0, 10).stream()
            .filter(e -> e.action().equals("case.opened"))
            .findFirst()
            .orElseThrow()
            .detail();
    assertFalse(detail.toLowerCase(Locale.ROOT).contains("oskar"), detail);

    // Not captured while the case is open, not by the merchant either.
    ApiClient.Answer capture =
        api().post("api/v1/payments/" + authorizationId + "/capture", "{}", null);
    assertEquals(409, capture.status(), capture.body());
    assertTrue(capture.body().contains("payment-held-for-review"), capture.body());
    assertEquals(PaymentStatus.AUTHORIZED, payment(authorizationId).status());

    // A second re-screen against the same lists, or the same entry again, opens nothing new.
    rescreening.rescreenAll();
    assertEquals(
        1,
        openCases().stream()
            .filter(c -> !c.isNull("subject") && c.getString("subject").equals(subject))
            .count());

    // The officer confirms the concern: the authorization is voided, nothing charged.
    ApiClient.Answer confirmed =
        compliance().post("api/v1/compliance/cases/" + caseId + "/confirm", "", null);
    assertEquals(200, confirmed.status(), confirmed.body());
    assertEquals(PaymentStatus.CANCELED, payment(authorizationId).status());
    assertEquals(0, sandbox.chargesFor(authorizationId));
  }

  // --- helpers --------------------------------------------------------------------------------

  private ApiClient api() {
    return new ApiClient(base, KassaDeployment.DEMO_API_KEY);
  }

  private ApiClient compliance() {
    return new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
  }

  private void loadWatchlist(String name, String csv) {
    ApiClient.Answer loaded = compliance().put("api/v1/screening/lists/" + name, csv, "text/csv");
    assertEquals(200, loaded.status(), loaded.body());
  }

  private ApiClient.Answer whitelist(
      String subject, String listId, String entryId, String reason, Instant expires) {
    StringBuilder json =
        new StringBuilder("{\"subject_ref\":\"")
            .append(subject)
            .append("\",\"list_id\":\"")
            .append(listId)
            .append("\",\"entry_id\":\"")
            .append(entryId)
            .append("\",\"expires_at\":\"")
            .append(expires)
            .append('"');
    if (reason != null) {
      json.append(",\"reason\":\"").append(reason).append('"');
    }
    return compliance().post("api/v1/screening/whitelist", json.append('}').toString(), null);
  }

  private List<JsonObject> listed(String subject, String status) {
    ApiClient.Answer answer =
        compliance()
            .get(
                "api/v1/screening/whitelist?subject_ref="
                    + subject
                    + (status == null ? "" : "&status=" + status));
    assertEquals(200, answer.status(), answer.body());
    return answer.json().getJsonArray("data").getValuesAs(JsonObject.class);
  }

  private static void assertField(ApiClient.Answer answer, String field) {
    assertEquals(400, answer.status(), answer.body());
    assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
    assertTrue(answer.json().getJsonObject("errors").containsKey(field), answer.body());
  }

  private static Instant inDays(int days) {
    return Instant.now().plus(Duration.ofDays(days));
  }

  private List<JsonObject> openCases() {
    return compliance()
        .get("api/v1/compliance/cases")
        .json()
        .getJsonArray("data")
        .getValuesAs(JsonObject.class);
  }

  private JsonObject openCase(String caseId) {
    return openCases().stream()
        .filter(c -> c.getString("id").equals(caseId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open case " + caseId));
  }

  private void assertAudited(String objectId, String action, Payer payer) {
    AuditEvent event =
        audit.find(AuditQuery.forObject(objectId), 0, 10).stream()
            .filter(e -> e.action().equals(action))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + action + " for " + objectId));
    assertNotNull(event.subjectRef());
    String all = (event.detail() + " " + event.actor()).toLowerCase(Locale.ROOT);
    assertFalse(all.contains(payer.name().toLowerCase(Locale.ROOT).split(" ")[0]), all);
    assertFalse(all.contains("other"), "the officer's reason stays out of the trail: " + all);
  }

  private long auditCount(String objectId, String action) {
    return audit.find(AuditQuery.forObject(objectId), 0, 50).stream()
        .filter(e -> e.action().equals(action))
        .count();
  }

  private String gateDetail(String paymentId, String action) {
    return audit.find(AuditQuery.forObject(paymentId), 0, 50).stream()
        .filter(e -> e.action().equals(action))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " for " + paymentId))
        .detail();
  }

  private Payment payment(PaymentResult result) {
    return payment(result.paymentId());
  }

  private Payment payment(String id) {
    return payments.find(id).orElseThrow();
  }

  private PaymentResult pay(Payer payer) {
    CheckoutSession session =
        sessions.create(
            DemoMerchant.ID,
            new NewCheckoutSession(
                1500L,
                "EUR",
                List.of(new LineItem("Lamp", 1, 1500)),
                "en",
                null,
                "https://shop.example/ok",
                "https://shop.example/cancel",
                null),
            null);
    CardDetails.Checked card =
        CardDetails.check(
            payer.name(),
            "4242424242424242",
            12,
            YearMonth.now().getYear() + 2,
            "123",
            YearMonth.now());
    assertTrue(card.valid(), card.problems().toString());
    return confirmation.confirm(session.id(), card.card(), payer, "/pay/x");
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
}
