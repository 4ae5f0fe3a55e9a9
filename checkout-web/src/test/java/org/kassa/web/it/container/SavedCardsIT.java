package org.kassa.web.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kassa.compliance.consent.ConsentOffer;
import org.kassa.compliance.consent.Consents;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.payment.NotFoundException;
import org.kassa.payment.card.CardBrand;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.card.CardSummary;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutSessions;
import org.kassa.payment.checkout.LineItem;
import org.kassa.payment.checkout.NewCheckoutSession;
import org.kassa.payment.gateway.DeclineReason;
import org.kassa.payment.gateway.sandbox.SandboxGateway;
import org.kassa.payment.merchant.DemoMerchant;
import org.kassa.payment.merchant.MerchantDirectory;
import org.kassa.payment.payment.Payer;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentConfirmation;
import org.kassa.payment.payment.PaymentResult;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.Payments;
import org.kassa.payment.saved.SavedPaymentMethod;
import org.kassa.payment.saved.SavedPaymentMethods;
import org.kassa.web.it.ApiClient;
import org.kassa.web.it.KassaDeployment;

/**
 * Returning shoppers in the container: a card is saved only with consent, for a session that names
 * the merchant's customer, and only when the payment succeeds; the customer then pays in one step
 * (with the security code the sandbox asks again); removing a card forgets it and withdraws the
 * consent; another merchant's customer of the same id sees nothing of it; and the merchant API.
 */
@ExtendWith(ArquillianExtension.class)
class SavedCardsIT {

  private static final String SAVE = SavedPaymentMethods.CONSENT_PURPOSE;
  private static final int EXP_YEAR = YearMonth.now().getYear() + 2;

  @Deployment
  static WebArchive deployment() {
    return KassaDeployment.warWithContainerTests();
  }

  @Inject private CheckoutSessions sessions;
  @Inject private PaymentConfirmation confirmation;
  @Inject private SavedPaymentMethods savedMethods;
  @Inject private Consents consents;
  @Inject private Payments payments;
  @Inject private MerchantDirectory merchants;
  @Inject private Pseudonymizer pseudonymizer;
  @Inject private SandboxGateway sandbox;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  @ArquillianResource private URL base;

  private static String newCustomer() {
    return "cust-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private CheckoutSession session(String merchantId, String customer) {
    return sessions.create(
        merchantId,
        new NewCheckoutSession(
            2500L,
            "EUR",
            List.of(new LineItem("Teapot", 1, 2500)),
            "en",
            null,
            "https://shop.example/ok",
            "https://shop.example/cancel",
            null,
            customer),
        null);
  }

  /** The terms, and the save box when ticked. */
  private List<org.kassa.compliance.consent.ConsentChoice> choices(boolean save) {
    List<ConsentOffer> offers = consents.offers(Locale.ENGLISH);
    return offers.stream()
        .filter(o -> o.required() || (save && o.purpose().equals(SAVE)))
        .map(ConsentOffer::choice)
        .toList();
  }

  private PaymentResult payTyped(CheckoutSession session, String number, boolean save) {
    CardDetails.Checked card =
        CardDetails.check("Ada Returning", number, 12, EXP_YEAR, "123", YearMonth.now());
    assertTrue(card.valid(), () -> card.problems().toString());
    return confirmation.confirm(
        session.id(),
        card.card(),
        new Payer("Ada Returning", "ada@example.org"),
        null,
        "/pay/" + session.id(),
        choices(save));
  }

  private SavedPaymentMethod saveCard(String merchantId, String customer) {
    PaymentResult first = payTyped(session(merchantId, customer), "4242424242424242", true);
    assertEquals(PaymentStatus.CAPTURED, first.status());
    List<SavedPaymentMethod> saved = savedMethods.list(merchantId, customer);
    assertEquals(1, saved.size(), saved::toString);
    return saved.get(0);
  }

  private PaymentResult payWithSaved(CheckoutSession session, String savedId, String cvc) {
    return confirmation.confirmSaved(
        session.id(), savedId, cvc, null, null, "/pay/" + session.id(), choices(false));
  }

  @Test
  void aCardIsSavedWithConsentForTheMerchantsCustomerAsATokenOnly() throws Exception {
    String customer = newCustomer();

    SavedPaymentMethod card = saveCard(DemoMerchant.ID, customer);

    assertEquals(new CardSummary(CardBrand.VISA, "4242", 12, EXP_YEAR), card.card());
    assertTrue(card.token().orElseThrow().startsWith("pm_sbx_"));
    assertEquals(pseudonymizer.pseudonym(customer), card.subjectRef());
    assertEquals(customer, savedMethods.customerId(card).orElseThrow());
    assertEquals("Ada Returning", savedMethods.holderName(card).orElseThrow());
    assertTrue(
        consents.granted(pseudonymizer.pseudonym(customer), SAVE),
        "the consent is the customer's, in the ledger");
    assertEquals(
        List.of(),
        DatabaseScan.columnsContaining(dataSource, "4242424242424242"),
        "no card number");
    assertEquals(List.of(), DatabaseScan.columnsContaining(dataSource, customer), "sealed");
  }

  @Test
  void nothingIsSavedWithoutTheBoxTicked() {
    String customer = newCustomer();

    PaymentResult result = payTyped(session(DemoMerchant.ID, customer), "4242424242424242", false);

    assertEquals(PaymentStatus.CAPTURED, result.status());
    assertEquals(List.of(), savedMethods.list(DemoMerchant.ID, customer));
    assertFalse(consents.granted(pseudonymizer.pseudonym(customer), SAVE));
  }

  @Test
  void nothingIsSavedForASessionWithoutACustomer() throws Exception {
    PaymentResult result = payTyped(session(DemoMerchant.ID, null), "4242424242424242", true);

    assertEquals(PaymentStatus.CAPTURED, result.status());
    assertEquals(0, savedRowsOf(result.paymentId()));
    Payment payment = payments.find(result.paymentId()).orElseThrow();
    assertFalse(
        consents.granted(payment.subjectRef().orElseThrow(), SAVE),
        "no consent recorded for what cannot be saved");
  }

  @Test
  void nothingIsSavedWhenThePaymentFails() throws Exception {
    String customer = newCustomer();

    PaymentResult result = payTyped(session(DemoMerchant.ID, customer), "4000000000000002", true);

    assertEquals(PaymentStatus.FAILED, result.status());
    assertEquals(List.of(), savedMethods.list(DemoMerchant.ID, customer));
    assertEquals(0, savedRowsOf(result.paymentId()));
  }

  @Test
  void aReturningCustomerPaysInOneStepWithTheSavedCardAndItsCode() {
    String customer = newCustomer();
    SavedPaymentMethod card = saveCard(DemoMerchant.ID, customer);
    assertTrue(savedMethods.needsCvc(card), "the sandbox asks the code again on session");
    CheckoutSession again = session(DemoMerchant.ID, customer);

    PaymentResult withoutCode = payWithSaved(again, card.id(), null);
    assertEquals(PaymentStatus.FAILED, withoutCode.status());
    assertEquals(DeclineReason.INCORRECT_CVC, withoutCode.declineReason());

    PaymentResult paid = payWithSaved(again, card.id(), "321");

    assertEquals(PaymentStatus.CAPTURED, paid.status());
    Payment payment = payments.find(paid.paymentId()).orElseThrow();
    assertEquals(card.card(), payment.card().orElseThrow());
    assertEquals(card.token(), payment.methodToken());
    assertEquals(java.util.Optional.of(card.id()), payment.savedMethodId());
    assertEquals(
        1, savedMethods.list(DemoMerchant.ID, customer).size(), "paying with it saves no copy");
  }

  @Test
  void anotherMerchantsCustomerOfTheSameIdSeesNothingOfTheCard() {
    String customer = newCustomer();
    SavedPaymentMethod card = saveCard(DemoMerchant.ID, customer);
    String other = merchants.register("Other shop " + customer).merchant().id();
    CheckoutSession theirs = session(other, customer);

    assertEquals(List.of(), savedMethods.list(other, customer));
    assertNotFound(() -> payWithSaved(theirs, card.id(), "123"));
    assertNotFound(
        () ->
            savedMethods.remove(
                other, pseudonymizer.pseudonym(customer), card.id(), "shopper", "hosted_page"));
    assertEquals(1, savedMethods.list(DemoMerchant.ID, customer).size());
  }

  @Test
  void removingACardForgetsItsTokenAndWithdrawsTheConsent() {
    String customer = newCustomer();
    SavedPaymentMethod card = saveCard(DemoMerchant.ID, customer);
    String token = card.token().orElseThrow();
    String subject = pseudonymizer.pseudonym(customer);

    SavedPaymentMethod removed =
        savedMethods.remove(DemoMerchant.ID, subject, card.id(), "shopper", "hosted_page");

    assertTrue(removed.isRemoved());
    assertEquals(List.of(), savedMethods.list(DemoMerchant.ID, customer));
    assertFalse(consents.granted(subject, SAVE), "the consent is withdrawn with the last card");
    assertFalse(sandbox.savedCardNeedsCvc(token), "the gateway forgot the token");
    assertNotFound(() -> payWithSaved(session(DemoMerchant.ID, customer), card.id(), "123"));
    assertNotFound(
        () -> savedMethods.remove(DemoMerchant.ID, subject, card.id(), "shopper", "hosted_page"));
  }

  @Test
  void theMerchantApiTakesTheCustomerAndListsAndRemovesTheirCards() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    String customer = newCustomer();
    String body = ApiClient.sessionJson(1200, "EUR", "en");
    ApiClient.Answer created =
        api.post(
            "api/v1/checkout-sessions",
            body.substring(0, body.length() - 1) + ",\"customer\":\"" + customer + "\"}",
            null);
    assertEquals(201, created.status(), created.body());
    assertEquals(customer, created.json().getString("customer"));
    ApiClient.Answer malformed =
        api.post(
            "api/v1/checkout-sessions",
            body.substring(0, body.length() - 1) + ",\"customer\":\"not ok!\"}",
            null);
    assertEquals(400, malformed.status());
    assertTrue(malformed.json().getJsonObject("errors").containsKey("customer"), malformed.body());

    SavedPaymentMethod card = saveCard(DemoMerchant.ID, customer);
    String path = "api/v1/customers/" + customer + "/payment-methods";
    JsonObject listed = api.get(path).json();
    assertEquals(1, listed.getJsonArray("data").size());
    JsonObject method = listed.getJsonArray("data").getJsonObject(0);
    assertEquals(card.id(), method.getString("id"));
    assertEquals("visa", method.getJsonObject("card").getString("brand"));
    assertEquals("4242", method.getJsonObject("card").getString("last4"));
    assertEquals(EXP_YEAR, method.getJsonObject("card").getInt("exp_year"));
    assertFalse(api.get(path).body().contains("pm_sbx_"), "the gateway's token is not shown");

    ApiClient other =
        new ApiClient(base, merchants.register("Other API shop " + customer).apiKey());
    assertEquals(0, other.get(path).json().getJsonArray("data").size());
    ApiClient.Answer notTheirs = other.delete(path + "/" + card.id());
    assertEquals(404, notTheirs.status());
    assertTrue(notTheirs.contentType().startsWith("application/problem+json"));

    ApiClient.Answer removed = api.delete(path + "/" + card.id());
    assertEquals(200, removed.status(), removed.body());
    assertFalse(removed.json().isNull("removed_at"));
    assertEquals(404, api.delete(path + "/" + card.id()).status());
    assertEquals(0, api.get(path).json().getJsonArray("data").size());
    assertEquals(400, api.get("api/v1/customers/not%20ok!/payment-methods").status());
  }

  @Test
  void theMerchantChargesASavedCardOffSessionByItsIdForItsCustomerOnly() {
    ApiClient api = new ApiClient(base, KassaDeployment.DEMO_API_KEY);
    String customer = newCustomer();
    SavedPaymentMethod card = saveCard(DemoMerchant.ID, customer);
    String charge =
        "{\"amount\":1800,\"currency\":\"EUR\",\"payment_method\":\""
            + card.id()
            + "\",\"customer\":\"%s\"}";

    // Off-session: the shopper is not there, so no security code is asked for.
    ApiClient.Answer paid = api.post("api/v1/payments", charge.formatted(customer), null);
    assertEquals(201, paid.status(), paid.body());
    assertEquals("captured", paid.json().getString("status"), paid.body());
    Payment payment = payments.find(paid.json().getString("id")).orElseThrow();
    assertEquals(card.token(), payment.methodToken());
    assertEquals(card.card(), payment.card().orElseThrow(), "brand and last four as saved");
    assertEquals(card.gateway(), payment.gateway(), "paid where the token is held");
    // The merchant sees the card's id, not the gateway's token.
    assertEquals(card.id(), paid.json().getString("payment_method"));
    assertFalse(paid.body().contains(card.token().orElseThrow()), paid.body());
    // The gateway's token itself does not charge it: that would skip the customer check.
    ApiClient.Answer byToken =
        api.post(
            "api/v1/payments",
            charge.formatted(newCustomer()).replace(card.id(), card.token().orElseThrow()),
            null);
    assertEquals(400, byToken.status(), byToken.body());
    assertTrue(byToken.body().contains("spm_"), byToken.body());

    // Another customer of the same merchant, no customer, another merchant: never charged.
    ApiClient.Answer notTheirs = api.post("api/v1/payments", charge.formatted(newCustomer()), null);
    assertEquals(404, notTheirs.status(), notTheirs.body());
    assertTrue(notTheirs.contentType().startsWith("application/problem+json"));
    ApiClient.Answer nobody =
        api.post(
            "api/v1/payments",
            "{\"amount\":1800,\"currency\":\"EUR\",\"payment_method\":\"" + card.id() + "\"}",
            null);
    assertEquals(400, nobody.status(), nobody.body());
    assertTrue(nobody.json().getJsonObject("errors").containsKey("customer"), nobody.body());
    ApiClient other =
        new ApiClient(base, merchants.register("Other charging shop " + customer).apiKey());
    assertEquals(404, other.post("api/v1/payments", charge.formatted(customer), null).status());

    // A removed card is not charged again.
    savedMethods.remove(
        DemoMerchant.ID, pseudonymizer.pseudonym(customer), card.id(), "merchant", "api");
    assertEquals(404, api.post("api/v1/payments", charge.formatted(customer), null).status());
  }

  private static void assertNotFound(org.junit.jupiter.api.function.Executable call) {
    Throwable thrown = assertThrows(Throwable.class, call);
    while (thrown instanceof EJBException && thrown.getCause() != null) {
      thrown = thrown.getCause();
    }
    assertTrue(thrown instanceof NotFoundException, () -> "not found, not " + call);
  }

  private int savedRowsOf(String paymentId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM saved_payment_method WHERE payment_id = ?")) {
      ps.setString(1, paymentId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
