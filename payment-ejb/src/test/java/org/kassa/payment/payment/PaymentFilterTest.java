package org.kassa.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kassa.payment.money.CurrencyCode;

class PaymentFilterTest {

  private static PaymentFilter amounts(CurrencyCode currency, Long min, Long max) {
    return new PaymentFilter(null, null, currency, min, max, null, null, null, null);
  }

  @Test
  void anAmountRangeNeedsACurrencyAndIsNotEmptyOrNegative() {
    assertThatThrownBy(() -> amounts(null, 100L, null)).hasMessageContaining("needs a currency");
    assertThatThrownBy(() -> amounts(CurrencyCode.of("EUR"), -1L, null))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> amounts(CurrencyCode.of("EUR"), 200L, 100L))
        .hasMessageContaining("larger");
    assertThat(amounts(CurrencyCode.of("EUR"), 100L, 100L).minAmount()).isEqualTo(100L);
  }

  @Test
  void aPeriodEndsAfterItStarts() {
    Instant t = Instant.parse("2026-11-26T00:00:00Z");
    assertThatThrownBy(() -> new PaymentFilter(null, null, null, null, null, t, t, null, null))
        .hasMessageContaining("period");
  }

  @Test
  void blankCustomerIdsMeanAnyCustomer() {
    PaymentFilter f = new PaymentFilter(null, null, null, null, null, null, null, "  ", "");
    assertThat(f.customerId()).isNull();
    assertThat(f.subjectRef()).isNull();
    assertThat(
            new PaymentFilter(null, null, null, null, null, null, null, " c1 ", null).customerId())
        .isEqualTo("c1");
  }

  @Test
  void ordersAreNamedInUrlsIgnoringCase() {
    assertThat(PaymentOrder.fromUrlName("Largest")).contains(PaymentOrder.LARGEST);
    assertThat(PaymentOrder.fromUrlName("nonsense")).isEmpty();
    assertThat(PaymentOrder.fromUrlName(null)).isEmpty();
  }
}
