package org.kassa.payment.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kassa.compliance.text.Csv;

class CardDetailsTest {

  private static final YearMonth NOW = YearMonth.of(2026, 11);

  @Test
  void luhnAcceptsValidNumbersAndRejectsOneWrongDigit() {
    assertThat(CardNumbers.luhnValid("4242424242424242")).isTrue();
    assertThat(CardNumbers.luhnValid("4242424242424241")).isFalse();
    assertThat(CardNumbers.luhnValid("42424242a4242424")).isFalse();
    assertThat(CardNumbers.luhnValid("")).isFalse();
  }

  @Test
  void everyPublishedTestCardIsDetectedAsItsBrandAndPassesLuhnAsPublished() throws Exception {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                getClass()
                    .getResourceAsStream(
                        "/org/kassa/payment/gateway/sandbox/stripe_test_cards.csv"),
                StandardCharsets.UTF_8))) {
      in.readLine();
      String line;
      int checked = 0;
      while ((line = in.readLine()) != null) {
        List<String> c = Csv.split(line);
        String brand = c.get(1);
        if (List.of("visa", "mastercard", "amex", "discover", "diners", "jcb", "unionpay")
            .contains(brand)) {
          assertThat(CardBrand.detect(c.get(0)).name().toLowerCase()).as(c.get(0)).isEqualTo(brand);
          checked++;
        }
        assertThat(CardNumbers.luhnValid(c.get(0))).as(c.get(0)).isEqualTo("True".equals(c.get(6)));
      }
      assertThat(checked).isGreaterThan(40);
    }
  }

  @Test
  void aValidCardKeepsOnlyBrandLastFourAndExpiry() {
    CardDetails.Checked checked =
        CardDetails.check("Ann", "4242 4242 4242 4242", 12, 2030, "123", NOW);
    assertThat(checked.valid()).isTrue();
    assertThat(checked.card().summary())
        .isEqualTo(new CardSummary(CardBrand.VISA, "4242", 12, 2030));
    assertThat(checked.card().toString()).doesNotContain("4242424242424242").doesNotContain("123");
  }

  @Test
  void theCvcLengthDependsOnTheBrand() {
    assertThat(CardDetails.check("Ann", "378282246310005", 1, 2030, "1234", NOW).valid()).isTrue();
    assertThat(CardDetails.check("Ann", "378282246310005", 1, 2030, "123", NOW).problems())
        .containsExactly("card.cvc.length");
    assertThat(CardDetails.check("Ann", "4242424242424242", 1, 2030, "1234", NOW).problems())
        .containsExactly("card.cvc.length");
  }

  @Test
  void anExpiredCardIsRefusedButTheCurrentMonthIsStillValid() {
    assertThat(CardDetails.check("Ann", "4242424242424242", 10, 2026, "123", NOW).problems())
        .containsExactly("card.expiry.past");
    assertThat(CardDetails.check("Ann", "4242424242424242", 11, 2026, "123", NOW).valid()).isTrue();
    assertThat(CardDetails.check("Ann", "4242424242424242", 13, 2026, "123", NOW).problems())
        .containsExactly("card.expiry.invalid");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(CardDetails.check(" ", "1234", 0, 0, "", NOW).problems())
        .containsExactly(
            "card.holder.required",
            "card.number.invalid",
            "card.expiry.invalid",
            "card.cvc.length");
  }
}
