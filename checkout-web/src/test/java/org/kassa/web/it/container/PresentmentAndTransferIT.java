package org.kassa.web.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.payment.banktransfer.BankTransfer;
import org.kassa.payment.banktransfer.BankTransferCheckout;
import org.kassa.payment.banktransfer.BankTransfers;
import org.kassa.payment.card.CardDetails;
import org.kassa.payment.checkout.CheckoutSession;
import org.kassa.payment.checkout.CheckoutSessions;
import org.kassa.payment.checkout.CheckoutStatus;
import org.kassa.payment.checkout.LineItem;
import org.kassa.payment.checkout.NewCheckoutSession;
import org.kassa.payment.checkout.SessionPresentment;
import org.kassa.payment.gateway.sandbox.SandboxBank;
import org.kassa.payment.merchant.DemoMerchant;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;
import org.kassa.payment.money.fx.FxQuote;
import org.kassa.payment.money.fx.FxQuotes;
import org.kassa.payment.money.fx.QuoteExpiredException;
import org.kassa.payment.payment.Payer;
import org.kassa.payment.payment.Payment;
import org.kassa.payment.payment.PaymentConfirmation;
import org.kassa.payment.payment.PaymentRepresentation;
import org.kassa.payment.payment.PaymentResult;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.Payments;
import org.kassa.payment.privacy.PaymentPersonalData;
import org.kassa.payment.refund.NewRefund;
import org.kassa.payment.refund.Refund;
import org.kassa.payment.refund.RefundStatus;
import org.kassa.payment.refund.Refunds;
import org.kassa.payment.webhook.GatewayCallbacks;
import org.kassa.web.it.ApiClient;
import org.kassa.web.it.KassaDeployment;

/**
 * Two ways a hosted checkout pays besides a card in the merchant's currency, in the container, on
 * one server. Paying in the shopper's currency: the payment as stored (both amounts, the rate, its
 * source and quote), the sandbox charged in the presentment currency, refunds converted at the
 * locked rate, and a quote past its lock refused without a trace. Bank transfers: a transfer past
 * its due date expires through the state machine (what partly arrived, and what arrives later, is
 * kept for a refund), and the payer's IBAN is sealed at rest, in the subject's export, and gone
 * after erasure.
 */
@ExtendWith(ArquillianExtension.class)
class PresentmentAndTransferIT {

  @Deployment
  static WebArchive deployment() {
    return KassaDeployment.warWithContainerTests();
  }

  private static final Payer PAYER = new Payer("Hanako Yamada", "hanako@example.com");
  private static final CurrencyCode JPY = CurrencyCode.of("JPY");

  @Inject private CheckoutSessions sessions;
  @Inject private SessionPresentment presentment;
  @Inject private FxQuotes quotes;
  @Inject private PaymentConfirmation confirmation;
  @Inject private Payments payments;
  @Inject private Refunds refunds;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  private CheckoutSession newSession(long amount) {
    return sessions.create(
        DemoMerchant.ID,
        new NewCheckoutSession(
            amount,
            "EUR",
            List.of(new LineItem("Teapot", 1, amount)),
            "ja",
            null,
            "https://shop.example/ok",
            "https://shop.example/cancel",
            null),
        null);
  }

  private static CardDetails card() {
    return CardDetails.check(
            "Hanako Yamada",
            "4242424242424242",
            12,
            YearMonth.now().getYear() + 2,
            "123",
            YearMonth.now())
        .card();
  }

  @Test
  void aPaymentInTheShoppersCurrencyRecordsBothAmountsTheRateAndItsSource() throws Exception {
    CheckoutSession session = newSession(2500);
    FxQuote quote = presentment.offer(session.id(), JPY).orElseThrow();
    presentment.choose(session.id(), quote.id());

    PaymentResult result = confirmation.confirm(session.id(), card(), PAYER, "/pay/return");

    assertEquals(PaymentStatus.CAPTURED, result.status());
    Payment payment = payments.find(result.paymentId()).orElseThrow();
    assertEquals(Money.of(2500, "EUR"), payment.amount());
    assertEquals(Money.of(2500, "EUR"), payment.amountCaptured());
    assertEquals(quote.presentmentAmount(), payment.presentment().orElseThrow().amount());
    assertEquals(quote.presentmentAmount(), payment.charged());
    // as stored, column by column
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT amount, currency, presentment_amount, presentment_currency, fx_rate,"
                    + " fx_rates_source, fx_rates_date, fx_quote_id FROM payment WHERE id = ?")) {
      s.setString(1, payment.id());
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next());
        assertEquals(2500, r.getLong(1));
        assertEquals("EUR", r.getString(2).trim());
        assertEquals(quote.presentmentAmount().minorUnits(), r.getLong(3));
        assertEquals("JPY", r.getString(4).trim());
        assertEquals(0, quote.rate().compareTo(r.getBigDecimal(5)));
        assertEquals(quote.ratesSource(), r.getString(6));
        assertEquals(quote.ratesDate(), r.getObject(7, LocalDate.class));
        assertEquals(quote.id(), r.getString(8));
      }
    }
    JsonObject json = PaymentRepresentation.of(payment);
    assertEquals(2500, json.getInt("amount"));
    assertEquals("EUR", json.getString("currency"));
    JsonObject presented = json.getJsonObject("presentment");
    assertEquals(
        quote.presentmentAmount().minorUnits(), presented.getJsonNumber("amount").longValue());
    assertEquals("JPY", presented.getString("currency"));
    assertEquals(0, quote.rate().compareTo(new BigDecimal(presented.getString("exchange_rate"))));
    assertEquals(quote.ratesDate().toString(), presented.getString("rates_date"));
    assertEquals(quote.id(), presented.getString("fx_quote"));

    // refunds in euros, given back in yen at the locked rate; all of it is exactly what was charged
    Refund part =
        refunds.refund(DemoMerchant.ID, payment.id(), new NewRefund(1000L, null, null), null);
    assertEquals(RefundStatus.SUCCEEDED, part.status());
    Money partInYen = part.presented().orElseThrow();
    assertEquals(
        new BigDecimal("10.00")
            .multiply(quote.rate())
            .setScale(0, java.math.RoundingMode.HALF_EVEN)
            .longValueExact(),
        partInYen.minorUnits());
    Refund rest =
        refunds.refund(DemoMerchant.ID, payment.id(), new NewRefund(null, null, null), null);
    assertEquals(RefundStatus.SUCCEEDED, rest.status());
    assertEquals(
        quote.presentmentAmount().minorUnits(),
        partInYen.minorUnits() + rest.presented().orElseThrow().minorUnits());
    Payment refunded = payments.find(payment.id()).orElseThrow();
    assertEquals(PaymentStatus.REFUNDED, refunded.status());
    assertEquals(quote.presentmentAmount(), refunded.presentmentRefunded().orElseThrow());
  }

  @Test
  void aQuotePastItsLockIsNeverApplied() {
    CheckoutSession session = newSession(2500);
    // a quote whose lock ended a minute ago
    FxQuote old =
        quotes.quote(
            DemoMerchant.ID,
            Money.of(2500, "EUR"),
            JPY,
            Instant.now().minus(java.time.Duration.ofMinutes(31)));
    assertThrows(QuoteExpiredException.class, () -> presentment.choose(session.id(), old.id()));

    // chosen while locked, then past its lock when the payment begins: refused, nothing stored
    FxQuote quote = presentment.offer(session.id(), JPY).orElseThrow();
    presentment.choose(session.id(), quote.id());
    expire(quote.id());
    assertThrows(
        QuoteExpiredException.class,
        () -> confirmation.confirm(session.id(), card(), PAYER, "/pay/return"));
    assertEquals(List.of(), payments.ofSession(session.id()));
    assertEquals(
        CheckoutStatus.OPEN, sessions.find(session.id()).orElseThrow().statusAt(Instant.now()));

    // quoted again and chosen again, the shopper pays the new quote's amount
    FxQuote again = presentment.offer(session.id(), JPY).orElseThrow();
    presentment.choose(session.id(), again.id());
    PaymentResult paid = confirmation.confirm(session.id(), card(), PAYER, "/pay/return");
    assertEquals(PaymentStatus.CAPTURED, paid.status());
    assertEquals(
        again.id(),
        payments.find(paid.paymentId()).orElseThrow().presentment().orElseThrow().quoteId());
  }

  @Test
  void choosingTheSessionsCurrencyPaysInIt() {
    CheckoutSession session = newSession(2500);
    FxQuote quote = presentment.offer(session.id(), JPY).orElseThrow();
    presentment.choose(session.id(), quote.id());
    presentment.choose(session.id(), null);
    PaymentResult result = confirmation.confirm(session.id(), card(), PAYER, "/pay/return");
    Payment payment = payments.find(result.paymentId()).orElseThrow();
    assertTrue(payment.presentment().isEmpty());
    assertEquals(Money.of(2500, "EUR"), payment.charged());
    // and the session's own currency is never offered
    assertTrue(presentment.offer(session.id(), CurrencyCode.of("EUR")).isEmpty());
  }

  /** Ends a quote's lock a minute ago, as time would. */
  private void expire(String quoteId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE fx_quote SET locked_until = ? WHERE id = ?")) {
      s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
      s.setString(2, quoteId);
      assertEquals(1, s.executeUpdate());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // Bank transfers.

  @Inject private BankTransferCheckout checkout;
  @Inject private BankTransfers transfers;
  @Inject private SandboxBank bank;
  @Inject private PaymentPersonalData personalData;

  @ArquillianResource private URL base;

  private PaymentResult start(long amount, String email, String payerIban) {
    String json =
        ApiClient.sessionJson(amount, "EUR", "en")
            .replace("}],", "}],\"payment_method_types\":[\"sepa_credit_transfer\"],");
    ApiClient.Answer created =
        new ApiClient(base, KassaDeployment.DEMO_API_KEY)
            .post("api/v1/checkout-sessions", json, null);
    assertEquals(201, created.status(), created.body());
    PaymentResult result =
        checkout.confirm(
            created.json().getString("id"),
            new Payer("Ann Example", email),
            payerIban,
            "203.0.113.9",
            List.of());
    assertEquals(PaymentStatus.REQUIRES_ACTION, result.status());
    return result;
  }

  @Test
  void aTransferNotPaidByItsDueDateExpiresAndWhatArrivedIsKeptForARefund() {
    PaymentResult started = start(2500, "ann@example.com", null);
    BankTransfer transfer = transfers.find(started.paymentId()).orElseThrow();
    String reference = transfer.reference().value();
    Instant inAWeek = Instant.now().plus(Duration.ofDays(7));
    assertTrue(
        !transfer.dueAt().isAfter(inAWeek) && transfer.dueAt().isAfter(inAWeek.minusSeconds(300)),
        "due in 7 days: " + transfer.dueAt());
    assertEquals(
        GatewayCallbacks.Receipt.APPLIED,
        bank.reportCredit(Money.of(1000, "EUR"), reference, null));
    assertEquals(0, transfers.expireDue(Instant.now(), 50), "nothing due yet");

    assertTrue(transfers.expireDue(Instant.now().plus(Duration.ofDays(8)), 500) > 0);

    assertEquals(PaymentStatus.EXPIRED, payments.find(started.paymentId()).orElseThrow().status());
    BankTransfer expired = transfers.find(started.paymentId()).orElseThrow();
    assertEquals(BankTransfer.State.EXPIRED, expired.state());
    assertEquals(Money.of(1000, "EUR"), expired.amountExcess());
    // A second round finds nothing more to do about it.
    assertEquals(0, transfers.expireDue(Instant.now().plus(Duration.ofDays(8)), 500));

    // Money that arrives after the due date is not lost: it is kept to refund.
    bank.reportCredit(Money.of(1500, "EUR"), reference, null);
    assertEquals(PaymentStatus.EXPIRED, payments.find(started.paymentId()).orElseThrow().status());
    assertEquals(
        Money.of(2500, "EUR"), transfers.find(started.paymentId()).orElseThrow().amountExcess());
  }

  @Test
  void thePayersIbanIsSealedExportedAndErased() throws Exception {
    String iban = "FR1420041010050500013M02606";
    PaymentResult started =
        start(
            1000,
            "sepa-" + UUID.randomUUID() + "@example.com",
            "fr14 2004 1010 0505 0001 3m02 606");
    BankTransfer transfer = transfers.find(started.paymentId()).orElseThrow();
    bank.reportCredit(Money.of(1200, "EUR"), transfer.reference().value(), iban);

    assertTrue(PersonalDataVault.isSealed(transfer.sealedPayerIban()));
    assertEquals(List.of(), DatabaseScan.columnsContaining(dataSource, iban));
    String subject = transfer.subjectRef().orElseThrow();
    String export = personalData.export(subject).toString();
    assertTrue(export.contains(iban), export);
    assertTrue(export.contains("bank_transfers") && export.contains("bank_credits"), export);

    personalData.erase(subject);

    assertNull(transfers.find(started.paymentId()).orElseThrow().sealedPayerIban());
    assertEquals(1, transfers.creditsOf(started.paymentId()).size());
    transfers.creditsOf(started.paymentId()).forEach(c -> assertNull(c.sealedPayerIban()));
    assertFalse(personalData.export(subject).toString().contains(iban));
    // The financial record stays: what was paid and what is to refund.
    assertEquals(
        Money.of(200, "EUR"), transfers.find(started.paymentId()).orElseThrow().amountExcess());
  }
}
