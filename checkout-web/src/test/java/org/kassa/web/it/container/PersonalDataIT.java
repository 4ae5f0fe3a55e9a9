package org.kassa.web.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kassa.compliance.audit.AuditEvent;
import org.kassa.compliance.audit.AuditQuery;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.consent.ConsentOffer;
import org.kassa.compliance.consent.ConsentRecord;
import org.kassa.compliance.consent.Consents;
import org.kassa.compliance.consent.UnknownConsentTextException;
import org.kassa.compliance.privacy.DataSubjectRequest;
import org.kassa.compliance.privacy.DataSubjectRequests;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.compliance.privacy.RetentionSchedule;
import org.kassa.compliance.privacy.SubjectRequestStateException;
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
import org.kassa.payment.privacy.PaymentPersonalData;
import org.kassa.payment.refund.NewRefund;
import org.kassa.payment.refund.Refunds;
import org.kassa.payment.saved.SavedPaymentMethod;
import org.kassa.payment.saved.SavedPaymentMethods;
import org.kassa.web.it.KassaDeployment;

/**
 * GDPR in the container: personal data sealed at rest, the consent ledger, a data subject's access
 * export holding everything a payment stored, erasure by crypto-shredding that keeps the financial
 * record and the audit chain, and retention.
 */
@ExtendWith(ArquillianExtension.class)
class PersonalDataIT {

  @Deployment
  static WebArchive deployment() {
    return KassaDeployment.warWithContainerTests();
  }

  @Inject private CheckoutSessions sessions;
  @Inject private PaymentConfirmation confirmation;
  @Inject private Payments payments;
  @Inject private Refunds refunds;
  @Inject private Consents consents;
  @Inject private DataSubjectRequests requests;
  @Inject private PersonalDataVault vault;
  @Inject private PaymentPersonalData personalData;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private RetentionSchedule retention;
  @Inject private AuditTrail audit;
  @Inject private SavedPaymentMethods savedMethods;
  @Inject private org.kassa.payment.gateway.sandbox.SandboxGateway sandbox;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  /**
   * A payer no other test uses, so that a scan of the database finds only what this test stored.
   */
  private record Person(String name, String email) {
    static Person unique() {
      String tag = UUID.randomUUID().toString().substring(0, 8);
      return new Person("Zelda Quist " + tag, "zelda." + tag + "@example.org");
    }
  }

  private PaymentResult pay(Person who, List<String> optionalPurposes) {
    NewCheckoutSession request =
        new NewCheckoutSession(
            4200L,
            "EUR",
            List.of(new LineItem("Reading lamp", 1, 4200)),
            "de",
            who.email(),
            "https://shop.example/ok",
            "https://shop.example/cancel",
            null);
    CheckoutSession session = sessions.create(DemoMerchant.ID, request, null);
    List<ConsentOffer> offers = consents.offers(Locale.GERMAN);
    PaymentResult result =
        confirmation.confirm(
            session.id(),
            card(who.name()),
            new Payer(who.name(), who.email()),
            null,
            "/pay/x",
            offers.stream()
                .filter(o -> o.required() || optionalPurposes.contains(o.purpose()))
                .map(ConsentOffer::choice)
                .toList());
    assertEquals(PaymentStatus.CAPTURED, result.status());
    return result;
  }

  private static CardDetails card(String holder) {
    CardDetails.Checked checked =
        CardDetails.check(
            holder, "4242424242424242", 12, YearMonth.now().getYear() + 2, "123", YearMonth.now());
    assertTrue(checked.valid(), () -> "test card must be valid: " + checked.problems());
    return checked.card();
  }

  @Test
  void everyLanguageOfThePageHasTheConsentWordingInThatLanguage() {
    // A shopper consents to text they can read (Art. 7(2)); a fallback to English would not do.
    for (Locale locale : org.kassa.web.i18n.SupportedLocales.ALL) {
      List<ConsentOffer> offers = consents.offers(locale);
      assertEquals(3, offers.size(), "purposes offered in " + locale);
      for (ConsentOffer offer : offers) {
        assertEquals(
            locale.toLanguageTag(), offer.locale(), offer.purpose() + " worded in " + locale);
        assertFalse(offer.text().isBlank(), offer.purpose() + " in " + locale);
      }
    }
  }

  @Test
  void personalDataIsStoredSealedAndReadBackOpened() throws Exception {
    Person who = Person.unique();
    PaymentResult result = pay(who, List.of());

    assertEquals(List.of(), DatabaseScan.columnsContaining(dataSource, who.name()));
    assertEquals(List.of(), DatabaseScan.columnsContaining(dataSource, who.email()));
    Payment payment = payments.find(result.paymentId()).orElseThrow();
    assertTrue(PersonalDataVault.isSealed(payment.sealedPayerName()));
    assertEquals(new Payer(who.name(), who.email()), personalData.payer(payment).orElseThrow());
    assertEquals(pseudonymizer.pseudonym(who.email()), payment.subjectRef().orElseThrow());
    assertThrows(
        jakarta.ejb.EJBException.class,
        () -> vault.open("sub_someone_else", payment.sealedPayerName()),
        "a value sealed for one subject does not open for another");
  }

  @Test
  void theLedgerKeepsEveryGrantAndWithdrawalWithTheExactWording() {
    Person who = Person.unique();
    pay(who, List.of("marketing"));
    String subject = pseudonymizer.pseudonym(who.email());

    Map<String, ConsentRecord> current = consents.current(subject);
    assertEquals(ConsentRecord.Action.GRANT, current.get("terms").action());
    assertEquals(ConsentRecord.Action.GRANT, current.get("marketing").action());
    assertEquals("de", current.get("marketing").locale());
    assertFalse(current.containsKey("save_payment_method"), "an unticked box grants nothing");

    assertTrue(consents.withdraw(subject, "marketing", "hosted_page").isPresent());
    assertFalse(consents.granted(subject, "marketing"));
    assertTrue(
        consents.withdraw(subject, "marketing", "hosted_page").isEmpty(),
        "withdrawing twice records nothing");
    List<ConsentRecord> history = consents.history(subject);
    assertEquals(3, history.size());
    ConsentRecord withdrawal = history.get(2);
    assertEquals(ConsentRecord.Action.WITHDRAW, withdrawal.action());
    assertEquals(
        current.get("marketing").textVersion(),
        withdrawal.textVersion(),
        "the withdrawal names the wording that was agreed to");

    int next = consents.publish("marketing", "de", "Neue Fassung: Newsletter per E-Mail.", "test");
    assertEquals(
        next,
        consents.offers(Locale.GERMAN).stream()
            .filter(o -> o.purpose().equals("marketing"))
            .findFirst()
            .orElseThrow()
            .version());
    assertThrows(
        UnknownConsentTextException.class,
        () ->
            consents.grant(
                subject,
                List.of(new org.kassa.compliance.consent.ConsentChoice("marketing", 99, "de")),
                "api"));
  }

  @Test
  void theAccessExportHoldsEveryPieceOfDataAPaymentStored() throws Exception {
    Person who = Person.unique();
    PaymentResult result = pay(who, List.of("marketing"));
    String marketingWording =
        consents.offers(Locale.GERMAN).stream()
            .filter(o -> o.purpose().equals("marketing"))
            .findFirst()
            .orElseThrow()
            .text();
    refunds.refund(DemoMerchant.ID, result.paymentId(), new NewRefund(200L, "EUR", null), null);

    DataSubjectRequest request =
        requests.receive(
            DataSubjectRequest.Kind.ACCESS,
            DataSubjectRequest.IdentifierKind.EMAIL,
            who.email(),
            "officer@kassa.test");
    assertThrows(
        SubjectRequestStateException.class,
        () -> requests.fulfilAccess(request.id(), "officer@kassa.test"),
        "no export before the requester's identity is verified");
    requests.verifyIdentity(request.id(), "officer@kassa.test", "reply from the address on file");
    JsonObject export = requests.fulfilAccess(request.id(), "officer@kassa.test");

    JsonObject payments = export.getJsonObject("modules").getJsonObject("payments");
    JsonObject exported = only(payments.getJsonArray("payments"));
    Map<String, Object> stored = row("SELECT * FROM payment WHERE id = ?", result.paymentId());
    for (Map.Entry<String, Object> column : stored.entrySet()) {
      assertTrue(
          exported.containsKey(column.getKey()), () -> "export lacks payment." + column.getKey());
      if (column.getValue() == null) {
        continue;
      }
      String expected =
          switch (column.getKey()) {
            case "payer_name" -> who.name();
            case "payer_email" -> who.email();
            default -> String.valueOf(column.getValue());
          };
      assertTrue(
          text(exported.get(column.getKey())).equals(expected)
              || column.getValue() instanceof java.util.Date
              || column.getValue() instanceof java.time.temporal.Temporal,
          () -> "payment." + column.getKey() + ": " + expected + " vs " + exported);
    }
    JsonObject session = only(payments.getJsonArray("checkout_sessions"));
    assertEquals(who.email(), session.getString("customer_email"));
    assertEquals(
        "Reading lamp", only(payments.getJsonArray("checkout_line_items")).getString("name"));
    assertEquals(200, only(payments.getJsonArray("refunds")).getJsonNumber("amount").longValue());
    assertFalse(payments.getJsonArray("merchant_events").isEmpty());
    JsonObject consentsExport = export.getJsonObject("modules").getJsonObject("consents");
    assertTrue(
        consentsExport.getJsonArray("records").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                r ->
                    r.getString("purpose").equals("marketing")
                        && r.getString("text").equals(marketingWording)));
    assertEquals(
        DataSubjectRequest.Status.DONE, requests.find(request.id()).orElseThrow().status());
  }

  @Test
  void erasureShredsThePersonalDataKeepsTheFinancialRecordAndTheChainVerifies() throws Exception {
    Person who = Person.unique();
    PaymentResult result = pay(who, List.of("marketing"));
    String subject = pseudonymizer.pseudonym(who.email());
    Payment before = payments.find(result.paymentId()).orElseThrow();
    String sealedName = before.sealedPayerName();

    DataSubjectRequest request =
        requests.receive(
            DataSubjectRequest.Kind.ERASURE,
            DataSubjectRequest.IdentifierKind.EMAIL,
            who.email().toUpperCase(Locale.ROOT),
            "officer@kassa.test");
    assertEquals(subject, request.subjectRef(), "the same subject whatever the case of the email");
    requests.verifyIdentity(request.id(), "officer@kassa.test", "signed letter");
    String summary = requests.fulfilErasure(request.id(), "officer@kassa.test");
    assertTrue(summary.contains("payments=1"), summary);

    Payment after = payments.find(result.paymentId()).orElseThrow();
    assertTrue(personalData.payer(after).isEmpty());
    assertEquals(before.amount(), after.amount());
    assertEquals(before.amountCaptured(), after.amountCaptured());
    assertEquals(PaymentStatus.CAPTURED, after.status());
    assertEquals(subject, after.subjectRef().orElseThrow(), "the pseudonymous id stays");
    assertTrue(
        vault.open(subject, sealedName).isEmpty(),
        "a copy of the sealed name (a backup) no longer opens: its key is gone");
    assertTrue(vault.isShredded(subject));
    assertEquals(List.of(), DatabaseScan.columnsContaining(dataSource, who.email()));

    JsonObject again =
        requests.fulfilAccess(
            verified(
                requests.receive(
                    DataSubjectRequest.Kind.ACCESS,
                    DataSubjectRequest.IdentifierKind.EMAIL,
                    who.email(),
                    "officer@kassa.test")),
            "officer@kassa.test");
    assertTrue(again.getBoolean("erased"));
    JsonObject payment =
        only(again.getJsonObject("modules").getJsonObject("payments").getJsonArray("payments"));
    assertTrue(payment.isNull("payer_name"));
    assertTrue(payment.isNull("payer_email"));
    assertEquals(4200, payment.getJsonNumber("amount").longValue());
    JsonObject session =
        only(
            again
                .getJsonObject("modules")
                .getJsonObject("payments")
                .getJsonArray("checkout_sessions"));
    assertTrue(session.isNull("customer_email"));

    assertTrue(audit.verify().intact(), "the audit chain still verifies after an erasure");
    List<String> actions =
        audit.find(AuditQuery.forObject(subject), 0, 10).stream().map(AuditEvent::action).toList();
    assertTrue(actions.contains("subject.erased"), actions::toString);

    // The same person paying again is a new start: new data under a new key.
    PaymentResult later = pay(who, List.of());
    assertEquals(
        who.name(),
        personalData.payer(payments.find(later.paymentId()).orElseThrow()).orElseThrow().name());
  }

  @Test
  void aCustomersSavedCardsAreExportedAndErasedWithTheirData() throws Exception {
    Person who = Person.unique();
    String customer = "cust-" + UUID.randomUUID().toString().substring(0, 8);
    CheckoutSession session =
        sessions.create(
            DemoMerchant.ID,
            new NewCheckoutSession(
                4200L,
                "EUR",
                List.of(new LineItem("Reading lamp", 1, 4200)),
                "de",
                null,
                "https://shop.example/ok",
                "https://shop.example/cancel",
                null,
                customer),
            null);
    PaymentResult paid =
        confirmation.confirm(
            session.id(),
            card(who.name()),
            new Payer(who.name(), who.email()),
            null,
            "/pay/x",
            consents.offers(Locale.GERMAN).stream()
                .filter(
                    o -> o.required() || o.purpose().equals(SavedPaymentMethods.CONSENT_PURPOSE))
                .map(ConsentOffer::choice)
                .toList());
    assertEquals(PaymentStatus.CAPTURED, paid.status());
    SavedPaymentMethod saved = savedMethods.list(DemoMerchant.ID, customer).get(0);
    String token = saved.token().orElseThrow();

    JsonObject export =
        requests.fulfilAccess(
            verified(
                requests.receive(
                    DataSubjectRequest.Kind.ACCESS,
                    DataSubjectRequest.IdentifierKind.CUSTOMER_ID,
                    customer,
                    "officer@kassa.test")),
            "officer@kassa.test");
    JsonObject payments = export.getJsonObject("modules").getJsonObject("payments");
    JsonObject card = only(payments.getJsonArray("saved_payment_methods"));
    assertEquals("VISA", card.getString("card_brand"));
    assertEquals("4242", card.getString("card_last4").trim());
    assertEquals(12, card.getInt("card_exp_month"));
    assertEquals(customer, card.getString("customer_id"));
    assertEquals(who.name(), card.getString("holder_name"));
    assertFalse(export.toString().contains(token), "the gateway's token is not the subject's");
    assertEquals(
        customer, only(payments.getJsonArray("checkout_sessions")).getString("customer_id"));
    assertTrue(
        export.getJsonObject("modules").getJsonObject("consents").getJsonArray("records").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(r -> r.getString("purpose").equals(SavedPaymentMethods.CONSENT_PURPOSE)));
    // The payer (by the email they typed) sees the card their payment saved, not whose it is.
    JsonObject payerExport =
        requests.fulfilAccess(
            verified(
                requests.receive(
                    DataSubjectRequest.Kind.ACCESS,
                    DataSubjectRequest.IdentifierKind.EMAIL,
                    who.email(),
                    "officer@kassa.test")),
            "officer@kassa.test");
    JsonObject payersCard =
        only(
            payerExport
                .getJsonObject("modules")
                .getJsonObject("payments")
                .getJsonArray("saved_payment_methods"));
    assertEquals(saved.id(), payersCard.getString("id"));
    assertTrue(payersCard.isNull("customer_id"));

    DataSubjectRequest erasure =
        requests.receive(
            DataSubjectRequest.Kind.ERASURE,
            DataSubjectRequest.IdentifierKind.CUSTOMER_ID,
            customer,
            "officer@kassa.test");
    requests.verifyIdentity(erasure.id(), "officer@kassa.test", "merchant confirmed the customer");
    String summary = requests.fulfilErasure(erasure.id(), "officer@kassa.test");

    assertTrue(summary.contains("saved_cards=1"), summary);
    assertTrue(savedMethods.find(saved.id()).isEmpty(), "the saved card is gone");
    assertFalse(sandbox.savedCardNeedsCvc(token), "and its gateway forgot the token");
    assertTrue(
        personalData.customerId(sessions.find(session.id()).orElseThrow()).isEmpty(),
        "the session no longer names the customer");
    assertEquals(List.of(), DatabaseScan.columnsContaining(dataSource, customer));
    assertTrue(audit.verify().intact());
  }

  @Test
  void retentionErasesPayerDetailsPastTheirPeriodAndKeepsNewerOnes() throws Exception {
    Person old = Person.unique();
    PaymentResult oldPayment = pay(old, List.of());
    Instant created = payments.find(oldPayment.paymentId()).orElseThrow().createdAt();
    Thread.sleep(1100); // so that a cutoff can fall between the two payments
    Person recent = Person.unique();
    PaymentResult recentPayment = pay(recent, List.of());
    Period period = retention.period(PaymentPersonalData.PAYER_DETAILS, Period.ofYears(2));

    // As of the moment the old payment's period ended (plus half a second).
    Map<String, Integer> changed =
        retention.enforce(created.atZone(ZoneOffset.UTC).plus(period).toInstant().plusMillis(500));

    assertTrue(changed.get(PaymentPersonalData.PAYER_DETAILS) >= 1, changed::toString);
    assertTrue(
        personalData.payer(payments.find(oldPayment.paymentId()).orElseThrow()).isEmpty(),
        "past its period");
    assertEquals(
        recent.name(),
        personalData
            .payer(payments.find(recentPayment.paymentId()).orElseThrow())
            .orElseThrow()
            .name(),
        "within its period");
    assertTrue(audit.verify().intact());
  }

  private String verified(DataSubjectRequest request) {
    requests.verifyIdentity(request.id(), "officer@kassa.test", "reply from the address on file");
    return request.id();
  }

  private static JsonObject only(jakarta.json.JsonArray array) {
    assertEquals(1, array.size(), array::toString);
    return array.getJsonObject(0);
  }

  private static String text(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((jakarta.json.JsonString) value).getString();
      case NUMBER -> ((jakarta.json.JsonNumber) value).toString();
      case TRUE -> "true";
      case FALSE -> "false";
      default -> String.valueOf(value);
    };
  }

  private Map<String, Object> row(String sql, String id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          out.put(
              meta.getColumnLabel(i).toLowerCase(Locale.ROOT),
              v instanceof String s ? s.trim() : v);
        }
        return out;
      }
    }
  }
}
