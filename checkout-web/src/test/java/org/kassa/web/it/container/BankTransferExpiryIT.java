package org.kassa.web.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
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
import org.kassa.payment.gateway.sandbox.SandboxBank;
import org.kassa.payment.money.Money;
import org.kassa.payment.payment.Payer;
import org.kassa.payment.payment.PaymentResult;
import org.kassa.payment.payment.PaymentStatus;
import org.kassa.payment.payment.Payments;
import org.kassa.payment.privacy.PaymentPersonalData;
import org.kassa.payment.webhook.GatewayCallbacks;
import org.kassa.web.it.ApiClient;
import org.kassa.web.it.KassaDeployment;

/**
 * Bank transfers in the container: a transfer past its due date expires through the state machine
 * (what partly arrived, and what arrives later, is kept for a refund), and the payer's IBAN is
 * sealed at rest, in the subject's export, and gone after erasure.
 */
@ExtendWith(ArquillianExtension.class)
class BankTransferExpiryIT {

  @Deployment
  static WebArchive deployment() {
    return KassaDeployment.warWithContainerTests();
  }

  @Inject private BankTransferCheckout checkout;
  @Inject private BankTransfers transfers;
  @Inject private SandboxBank bank;
  @Inject private Payments payments;
  @Inject private PaymentPersonalData personalData;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

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
