package org.kassa.payment.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kassa.payment.card.CardBrand;
import org.kassa.payment.card.CardSummary;

class SavedPaymentMethodTest {

  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
  private static final String SEALED = "pd1:key_1:AAAA";
  private static final CardSummary VISA = new CardSummary(CardBrand.VISA, "4242", 12, 2030);

  private static SavedPaymentMethod saved(String token, CardSummary card, String sealedCustomer) {
    return new SavedPaymentMethod(
        "spm_1", "mer_1", "sub_1", sealedCustomer, SEALED, "sandbox", token, card, "pay_1", NOW);
  }

  @Test
  void keepsTheTokenAndWhatThePageShowsOfTheCard() {
    SavedPaymentMethod card = saved("pm_sbx_abc", VISA, SEALED);
    assertThat(card.token()).contains("pm_sbx_abc");
    assertThat(card.card()).isEqualTo(VISA);
    assertThat(card.usableBy("mer_1", "sub_1")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424242", "tok_4000002760003184", "pm 4242 4242 4242 4242"})
  void refusesATokenThatIsACardNumber(String token) {
    String plain = token.replace(" ", "");
    assertThatThrownBy(() -> saved(plain, VISA, SEALED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(plain);
  }

  @Test
  void refusesACustomerIdOrNameThatIsNotSealed() {
    assertThatThrownBy(() -> saved("pm_sbx_abc", VISA, "customer-42"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SavedPaymentMethod(
                    "spm_1",
                    "mer_1",
                    "sub_1",
                    SEALED,
                    "Ann Smith",
                    "sandbox",
                    "pm_x",
                    VISA,
                    "pay_1",
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnExpiryThatIsNoMonthOrYear() {
    assertThatThrownBy(
            () -> saved("pm_x", new CardSummary(CardBrand.VISA, "4242", 13, 2030), SEALED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> saved("pm_x", new CardSummary(CardBrand.VISA, "4242", 0, 2030), SEALED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> saved("pm_x", new CardSummary(CardBrand.VISA, "4242", 12, 30), SEALED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anotherMerchantsOrCustomersCardIsNotUsable() {
    SavedPaymentMethod card = saved("pm_x", VISA, SEALED);
    assertThat(card.usableBy("mer_2", "sub_1")).isFalse();
    assertThat(card.usableBy("mer_1", "sub_2")).isFalse();
  }

  @Test
  void removingDropsTheTokenAndTheCustomerOnceAndForAll() {
    SavedPaymentMethod card = saved("pm_x", VISA, SEALED);

    assertThat(card.remove(NOW)).isEqualTo("pm_x");

    assertThat(card.isRemoved()).isTrue();
    assertThat(card.removedAt()).contains(NOW);
    assertThat(card.token()).isEmpty();
    assertThat(card.sealedCustomerId()).isNull();
    assertThat(card.sealedHolderName()).isNull();
    assertThat(card.usableBy("mer_1", "sub_1")).isFalse();
    assertThat(card.card()).isEqualTo(VISA);
    assertThatThrownBy(() -> card.remove(NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCardIsGoodThroughItsExpiryMonth() {
    SavedPaymentMethod card = saved("pm_x", VISA, SEALED);
    assertThat(card.expiredBy(YearMonth.of(2030, 12))).isFalse();
    assertThat(card.expiredBy(YearMonth.of(2031, 1))).isTrue();
  }
}
