package org.kassa.web.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.kassa.compliance.gate.Rescreening;
import org.kassa.compliance.gate.ScreenedSubjects;
import org.kassa.compliance.kyc.InvalidKycException;
import org.kassa.compliance.kyc.KycData;
import org.kassa.compliance.kyc.KycProfile;
import org.kassa.compliance.kyc.KycService;
import org.kassa.compliance.kyc.KycStateException;
import org.kassa.compliance.kyc.KycStatus;
import org.kassa.compliance.kyc.KycSubmission;
import org.kassa.compliance.kyc.KycTier;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.compliance.privacy.SubjectRights;
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
 * The compliance path around payments, in the container, on one server. KYC: the failsafe run sets
 * the KYC amounts for SEK only (basic from 1 000 kr, full from 10 000 kr), which no other suite
 * pays in, so only the KYC tests meet them. Screening governance: the false-positive whitelist
 * through the API and the gate, and the re-screening of customers after a list refresh, holding an
 * open authorization.
 */
@ExtendWith(ArquillianExtension.class)
class ComplianceInThePaymentPathIT {

  @Deployment
  static WebArchive deployment() {
    return KassaDeployment.warWithContainerTests();
  }

  private static final long OVER_BASIC = 150_000; // 1 500 kr
  private static final long FULL = 1_000_000; // 10 000 kr

  @Inject private CheckoutSessions sessions;
  @Inject private PaymentConfirmation confirmation;
  @Inject private Payments payments;
  @Inject private KycService kyc;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private SubjectRights rights;
  @Inject private AuditTrail audit;
  @Inject private KycData kycData;
  @Inject private org.kassa.compliance.privacy.RetentionSchedule retention;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  @ArquillianResource private URL base;

  private record Person(String name, String email) {
    static Person unique(String name) {
      String tag = UUID.randomUUID().toString().substring(0, 8);
      return new Person(name, "kyc." + tag + "@example.org");
    }
  }

  @Test
  void aPaymentOverTheBasicAmountIsRefusedUntilBasicKycIsDone() {
    Person who = Person.unique("Greta Lindqvist");
    String subject = pseudonymizer.pseudonym(who.email());
    assertEquals(KycTier.NONE, kyc.requiredTier(subject, OVER_BASIC - 60_000, "SEK", null));
    assertEquals(KycTier.BASIC, kyc.requiredTier(subject, OVER_BASIC, "SEK", null));

    // Refused before any gateway call, with a code the page and the merchant can act on.
    PaymentResult refused = pay(who, OVER_BASIC);
    assertEquals(PaymentStatus.FAILED, refused.status());
    assertEquals("kyc_required_basic", refused.decline().orElseThrow().code());
    Payment failed = payments.find(refused.paymentId()).orElseThrow();
    assertTrue(failed.gatewayReference().isEmpty(), "no gateway saw it");
    assertTrue(
        gateDetail(refused.paymentId()).contains("kyc_required tier=basic verified=none"),
        gateDetail(refused.paymentId()));

    // Wrong fields are named; nothing is stored.
    InvalidKycException invalid =
        unwrap(
            InvalidKycException.class,
            () ->
                kyc.submit(
                    subject,
                    KycSubmission.basic(
                        who.name(), "2015-01-01", "Drottninggatan 1", "1115", "Stockholm", "SE"),
                    "shopper"));
    assertEquals(
        List.of("date_of_birth.minor", "postal_code.format"),
        invalid.errors().stream().map(e -> e.code()).sorted().toList());
    assertTrue(kyc.find(subject).isEmpty());

    KycProfile verified =
        kyc.submit(
            subject,
            KycSubmission.basic(
                who.name(), "1984-06-01", "Drottninggatan 1", "111 51", "Stockholm", "SE"),
            "shopper");
    assertEquals(KycStatus.VERIFIED, verified.status().orElseThrow());
    assertEquals(KycTier.BASIC, kyc.verifiedTier(subject));
    assertAudited(subject, "kyc.submitted", who);
    assertAudited(subject, "kyc.verified", who);

    // Now it goes through; a payment that brings the total to the full amount needs FULL.
    assertEquals(KycTier.NONE, kyc.requiredTier(subject, OVER_BASIC, "SEK", null));
    assertEquals(PaymentStatus.CAPTURED, pay(who, OVER_BASIC).status());
    PaymentResult needsFull = pay(who, FULL - OVER_BASIC);
    assertEquals("kyc_required_full", needsFull.decline().orElseThrow().code());
  }

  @Test
  void aFullIdentityOnAListWaitsForAnOfficerWhoApprovesIt() {
    String passport =
        String.valueOf(100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
    String list = "it-kyc-" + UUID.randomUUID().toString().substring(0, 8);
    ApiClient.Answer loaded =
        compliance()
            .put(
                "api/v1/screening/lists/" + list,
                "name,aliases,type,country,identifiers\n"
                    + "Ottokar Brennwald-Feyh,,person,GB,passport:"
                    + passport
                    + "\n",
                "text/csv");
    assertEquals(200, loaded.status(), loaded.body());
    Person who = Person.unique("Ottokar Brennwald-Feyh");
    String subject = pseudonymizer.pseudonym(who.email());

    KycProfile pending =
        kyc.submit(
            subject,
            KycSubmission.basic(
                    who.name(), "1961-02-03", "1 High Street", "SW1A 1AA", "London", "GB")
                .withDocument("passport", passport, "GB", LocalDate.now().plusYears(3).toString()),
            "shopper");
    assertEquals(KycStatus.PENDING_REVIEW, pending.status().orElseThrow());
    assertEquals(KycTier.NONE, kyc.verifiedTier(subject));
    assertTrue(pending.reviewReasons().orElseThrow().contains("list=internal-" + list));
    assertAudited(subject, "kyc.pending_review", who);
    // A second submission waits for the officer too.
    assertThrows(
        KycStateException.class,
        () ->
            kyc.submit(
                subject,
                KycSubmission.basic(
                    who.name(), "1961-02-03", "1 High St", "SW1A 1AA", "London", "GB"),
                "shopper"));

    // The officer's queue shows it, with the identity to compare.
    JsonObject listed =
        compliance()
            .get("api/v1/compliance/kyc?status=pending_review&limit=200")
            .json()
            .getJsonArray("data")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(p -> p.getString("subject").equals(subject))
            .findFirst()
            .orElseThrow();
    assertEquals("full", listed.getString("submitted_tier"));
    assertEquals(who.name(), listed.getJsonObject("identity").getString("name"));

    // Bad input is a problem, not an error.
    ApiClient.Answer badStatus = compliance().get("api/v1/compliance/kyc?status=maybe");
    assertEquals(400, badStatus.status());
    assertTrue(badStatus.contentType().startsWith("application/problem+json"));
    assertTrue(badStatus.json().getJsonObject("errors").containsKey("status"));
    assertEquals(400, compliance().post("api/v1/compliance/kyc/nobody/approve", "", null).status());
    assertEquals(
        404,
        compliance()
            .post("api/v1/compliance/kyc/sub_000000000000000000000000/approve", "", null)
            .status());

    ApiClient.Answer approved =
        compliance().post("api/v1/compliance/kyc/" + subject + "/approve", "", null);
    assertEquals(200, approved.status(), approved.body());
    assertEquals("verified", approved.json().getString("status"));
    assertEquals("full", approved.json().getString("verified_tier"));
    assertTrue(approved.json().getString("reviewed_by").startsWith("compliance-key:"));
    assertEquals(KycTier.FULL, kyc.verifiedTier(subject));
    assertEquals(KycTier.NONE, kyc.requiredTier(subject, FULL * 5, "SEK", null));
    assertAudited(subject, "kyc.approved", who);

    ApiClient.Answer again =
        compliance().post("api/v1/compliance/kyc/" + subject + "/reject", "", null);
    assertEquals(409, again.status());
    assertTrue(again.contentType().startsWith("application/problem+json"));
  }

  @Test
  void theKycIdentityIsInTheSubjectsExportAndGoneAfterErasure() throws Exception {
    Person who = Person.unique("Ilse Vandermeulen");
    String subject = pseudonymizer.pseudonym(who.email());
    kyc.submit(
        subject,
        KycSubmission.basic(
                who.name(), "1979-09-09", "Keizersgracht 12", "1015 CS", "Amsterdam", "NL")
            .withDocument("id_card", "IXB12P3K4", "NL", LocalDate.now().plusYears(5).toString()),
        "shopper");
    assertEquals(KycTier.FULL, kyc.verifiedTier(subject));
    // Sealed at rest: no column holds the name or the document number in plain text.
    assertEquals(List.of(), DatabaseScan.columnsContaining(dataSource, who.name()));
    assertEquals(List.of(), DatabaseScan.columnsContaining(dataSource, "IXB12P3K4"));

    JsonObject identity =
        rights
            .export(subject, "it")
            .getJsonObject("modules")
            .getJsonObject("kyc")
            .getJsonObject("profile")
            .getJsonObject("identity");
    assertEquals(who.name(), identity.getString("name"));
    assertEquals("1979-09-09", identity.getString("date_of_birth"));
    assertEquals("IXB12P3K4", identity.getJsonObject("document").getString("number"));

    rights.erase(subject, "it");
    JsonObject after = rights.export(subject, "it").getJsonObject("modules").getJsonObject("kyc");
    assertEquals(JsonValue.NULL, after.getJsonObject("profile").get("identity"));
    assertEquals("none", after.getJsonObject("profile").getString("verified_tier"));
    assertEquals(KycTier.NONE, kyc.verifiedTier(subject));
  }

  @Test
  void retentionBlanksKycIdentitiesPastTheirPeriodAndKeepsNewerOnes() throws Exception {
    assertEquals(
        java.time.Period.ofYears(5),
        retention.period(KycData.CATEGORY, kycData.retention().get(KycData.CATEGORY)));
    Person old = Person.unique("Aurelio Bastida");
    String oldSubject = pseudonymizer.pseudonym(old.email());
    kyc.submit(oldSubject, basic(old), "shopper");
    Thread.sleep(1100); // so that a cutoff falls between the two
    Person recent = Person.unique("Berit Fjellheim");
    String recentSubject = pseudonymizer.pseudonym(recent.email());
    java.time.Instant cutoff = java.time.Instant.now().minusMillis(500);
    kyc.submit(recentSubject, basic(recent), "shopper");

    assertTrue(kycData.expire(KycData.CATEGORY, cutoff) >= 1);

    assertTrue(kyc.identity(kyc.find(oldSubject).orElseThrow()).isEmpty(), "past its period");
    assertEquals(KycTier.NONE, kyc.verifiedTier(oldSubject));
    assertEquals(
        recent.name(), kyc.identity(kyc.find(recentSubject).orElseThrow()).orElseThrow().name());
    assertEquals(KycTier.BASIC, kyc.verifiedTier(recentSubject));
  }

  private static KycSubmission basic(Person who) {
    return KycSubmission.basic(who.name(), "1970-01-01", "Gran Via 1", "28013", "Madrid", "ES");
  }

  private PaymentResult pay(Person who, long amount) {
    NewCheckoutSession request =
        new NewCheckoutSession(
            amount,
            "SEK",
            List.of(new LineItem("Sauna stove", 1, amount)),
            "en",
            who.email(),
            "https://shop.example/ok",
            "https://shop.example/cancel",
            null);
    CheckoutSession session = sessions.create(DemoMerchant.ID, request, null);
    CardDetails.Checked card =
        CardDetails.check(
            who.name(),
            "4242424242424242",
            12,
            YearMonth.now().getYear() + 2,
            "123",
            YearMonth.now());
    return confirmation.confirm(
        session.id(), card.card(), new Payer(who.name(), who.email()), "/pay/x");
  }

  private String gateDetail(String paymentId) {
    return audit.find(AuditQuery.forObject(paymentId), 0, 50).stream()
        .filter(e -> e.action().startsWith("gate."))
        .map(AuditEvent::detail)
        .findFirst()
        .orElseThrow();
  }

  /** The subject's event is there, by pseudonymous id, and says nothing of the person. */
  private void assertAudited(String subject, String action, Person who) {
    List<AuditEvent> events =
        audit.find(AuditQuery.forObject(subject), 0, 50).stream()
            .filter(e -> e.action().equals(action))
            .toList();
    assertFalse(events.isEmpty(), action);
    for (AuditEvent e : events) {
      assertEquals(subject, e.subjectRef());
      String all = e.actor() + " " + e.detail();
      assertFalse(all.contains(who.name()) || all.contains(who.email()), all);
    }
  }

  private static <T extends Throwable> T unwrap(Class<T> type, Runnable call) {
    Throwable thrown = assertThrows(Throwable.class, call::run);
    while (thrown != null && !type.isInstance(thrown)) {
      thrown = thrown.getCause();
    }
    assertTrue(type.isInstance(thrown), "expected " + type.getSimpleName());
    return type.cast(thrown);
  }

  private ApiClient compliance() {
    return new ApiClient(base, org.kassa.web.security.KassaStartup.DEFAULT_COMPLIANCE_KEY);
  }

  // Screening governance.

  private static final String HEADER = "name,aliases,type,country,identifiers\n";
  private static final Pattern HIT =
      Pattern.compile("sanctions_hit list=(\\S+) entry=(\\S+) score=");

  @Inject private Rescreening rescreening;
  @Inject private ScreenedSubjects screened;
  @Inject private SandboxGateway sandbox;

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
