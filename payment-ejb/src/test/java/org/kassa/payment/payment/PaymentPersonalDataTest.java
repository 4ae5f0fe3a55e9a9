package org.kassa.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

class PaymentPersonalDataTest {

  private static final String SEALED = "pd1:sk_x:AAAA";

  @Test
  void storesThePayerSealedOnly() {
    Payment payment =
        PaymentFixtures.processing(
            "pay_1", new Money(1000, CurrencyCode.of("EUR")), CaptureMethod.AUTOMATIC);
    assertThatThrownBy(() -> payment.recordPayer("Ann Example", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> payment.recordPayer(SEALED, "ann@example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    payment.recordPayer(SEALED, SEALED);
    assertThat(payment.sealedPayerName()).isEqualTo(SEALED);
  }

  @Test
  void erasureBlanksWhoPaidAndKeepsTheFinancialRecord() {
    Payment payment =
        PaymentFixtures.processing(
            "pay_1", new Money(1000, CurrencyCode.of("EUR")), CaptureMethod.AUTOMATIC);
    payment.recordPayer(SEALED, SEALED);
    PaymentStatus before = payment.status();

    assertThat(payment.erasePersonalData(PaymentFixtures.NOW)).isTrue();

    assertThat(payment.sealedPayerName()).isNull();
    assertThat(payment.sealedPayerEmail()).isNull();
    assertThat(payment.customerId()).isEmpty();
    assertThat(payment.amount()).isEqualTo(new Money(1000, CurrencyCode.of("EUR")));
    assertThat(payment.status()).isEqualTo(before);
    assertThat(payment.subjectRef()).contains("sub_test");
    assertThat(payment.erasePersonalData(PaymentFixtures.NOW)).as("nothing left").isFalse();
  }
}
