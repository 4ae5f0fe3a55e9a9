package org.kassa.web.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * KYC in the container. The failsafe run sets the KYC amounts for SEK only (basic from 1 000 kr,
 * full from 10 000 kr), which no other suite pays in, so only this suite meets them.
 */
@ExtendWith(ArquillianExtension.class)
class KycIT {

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
}
