package org.kassa.web.it.container;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    PaymentResult result =
        checkout.confirm(
            created.json().getString("id"),
            new Payer("Ann Example", email),
            payerIban,
            "203.0.113.9",
            List.of());
    assertThat(result.status()).isEqualTo(PaymentStatus.REQUIRES_ACTION);
    return result;
  }

  @Test
  void aTransferNotPaidByItsDueDateExpiresAndWhatArrivedIsKeptForARefund() {
    PaymentResult started = start(2500, "ann@example.com", null);
    BankTransfer transfer = transfers.find(started.paymentId()).orElseThrow();
    String reference = transfer.reference().value();
    assertThat(transfer.dueAt())
        .isBetween(
            Instant.now().plus(Duration.ofDays(7)).minusSeconds(120),
            Instant.now().plus(Duration.ofDays(7)));
    assertThat(bank.reportCredit(Money.of(1000, "EUR"), reference, null))
        .isEqualTo(GatewayCallbacks.Receipt.APPLIED);
    assertThat(transfers.expireDue(Instant.now(), 50)).as("nothing due yet").isZero();

    assertThat(transfers.expireDue(Instant.now().plus(Duration.ofDays(8)), 500)).isPositive();

    assertThat(payments.find(started.paymentId()).orElseThrow().status())
        .isEqualTo(PaymentStatus.EXPIRED);
    BankTransfer expired = transfers.find(started.paymentId()).orElseThrow();
    assertThat(expired.state()).isEqualTo(BankTransfer.State.EXPIRED);
    assertThat(expired.amountExcess()).isEqualTo(Money.of(1000, "EUR"));
    // A second round finds nothing more to do about it.
    assertThat(transfers.expireDue(Instant.now().plus(Duration.ofDays(8)), 500)).isZero();

    // Money that arrives after the due date is not lost: it is kept to refund.
    bank.reportCredit(Money.of(1500, "EUR"), reference, null);
    assertThat(payments.find(started.paymentId()).orElseThrow().status())
        .isEqualTo(PaymentStatus.EXPIRED);
    assertThat(transfers.find(started.paymentId()).orElseThrow().amountExcess())
        .isEqualTo(Money.of(2500, "EUR"));
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

    assertThat(PersonalDataVault.isSealed(transfer.sealedPayerIban())).isTrue();
    assertThat(DatabaseScan.columnsContaining(dataSource, iban)).isEmpty();
    String subject = transfer.subjectRef().orElseThrow();
    String export = personalData.export(subject).toString();
    assertThat(export).contains(iban).contains("bank_transfers").contains("bank_credits");

    personalData.erase(subject);

    assertThat(transfers.find(started.paymentId()).orElseThrow().sealedPayerIban()).isNull();
    assertThat(transfers.creditsOf(started.paymentId()))
        .allSatisfy(c -> assertThat(c.sealedPayerIban()).isNull());
    assertThat(personalData.export(subject).toString()).doesNotContain(iban);
    // The financial record stays: what was paid and what is to refund.
    assertThat(transfers.find(started.paymentId()).orElseThrow().amountExcess())
        .isEqualTo(Money.of(200, "EUR"));
  }
}
