package org.kassa.payment.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Brand detection against the BIN range data file: a sample of every brand, and range edges. */
class CardBrandTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    // one sample per brand of the data file
    "4111111111111111, VISA",
    "5555555555554444, MASTERCARD",
    "378282246310005, AMEX",
    "6011111111111117, DISCOVER",
    "36227206271667, DINERS",
    "3566002020360505, JCB",
    "6200000000000005, UNIONPAY",
    "6759649826438453, MAESTRO",
    "2200123456789010, MIR",
    "6363680000000000, ELO",
    "6370950000000005, HIPER",
    "6062826786276634, HIPERCARD",
    "9792000000000000, TROY",
    "5061040000000000, VERVE",
    "5895620000000000, NARANJA",
    // edges: both ends of a range, and just outside
    "2221000000000009, MASTERCARD",
    "2220990000000000, UNKNOWN",
    "2720990000000000, MASTERCARD",
    "2721000000000000, UNKNOWN",
    "3050000000000000, DINERS",
    "3060000000000000, UNKNOWN",
    "3528000000000000, JCB",
    "3589000000000000, JCB",
    "3527000000000000, UNKNOWN",
    "3590000000000000, UNKNOWN",
    "2204000000000000, MIR",
    "2205000000000000, UNKNOWN",
    // the longest prefix wins: Elo in Visa's 4, Troy and Elo in Discover's 65, Naranja in
    // Maestro's 56-59, UnionPay's 622 (once Discover's co-brand) over Maestro's 6
    "4011780000000000, ELO",
    "4011770000000000, VISA",
    "6500520000000000, TROY",
    "6500310000000000, ELO",
    "6599990000000000, DISCOVER",
    "6221260000000000, UNIONPAY",
    "6999990000000000, MAESTRO",
    // prefixes of the same length: the narrower range (Verve in Maestro's 504176-506698)
    "5060990000000000, VERVE",
    "5060980000000000, MAESTRO",
    // too short to tell, or nothing known
    "3, UNKNOWN",
    "0000000000000000, UNKNOWN",
    "1000000000000000, UNKNOWN"
  })
  void detectsTheBrandOfTheLongestMatchingPrefix(String number, CardBrand brand) {
    assertThat(CardBrand.detect(number)).isEqualTo(brand);
  }

  @Test
  void aPartialNumberIsDetectedAsSoonAsItsPrefixIsComplete() {
    assertThat(CardBrand.detect("37")).isEqualTo(CardBrand.AMEX);
    assertThat(CardBrand.detect("378")).isEqualTo(CardBrand.AMEX);
    assertThat(CardBrand.detect("35")).isEqualTo(CardBrand.UNKNOWN);
    assertThat(CardBrand.detect("3530")).isEqualTo(CardBrand.JCB);
    assertThat(CardBrand.detect("")).isEqualTo(CardBrand.UNKNOWN);
    assertThat(CardBrand.detect(null)).isEqualTo(CardBrand.UNKNOWN);
  }

  @Test
  void lengthsAndSecurityCodesComeFromTheData() {
    assertThat(CardBrand.AMEX.cvcLength()).isEqualTo(4);
    assertThat(CardBrand.AMEX.cvcName()).isEqualTo("CID");
    assertThat(CardBrand.AMEX.displayName()).isEqualTo("American Express");
    assertThat(CardBrand.AMEX.lengths()).containsExactly(15);
    assertThat(CardBrand.VISA.cvcLength()).isEqualTo(3);
    assertThat(CardBrand.VISA.lengths()).containsExactly(16, 18, 19);
    assertThat(CardBrand.VISA.acceptsLength(16)).isTrue();
    assertThat(CardBrand.VISA.acceptsLength(15)).isFalse();
    assertThat(CardBrand.UNIONPAY.cvcName()).isEqualTo("CVN");
    assertThat(CardBrand.UNKNOWN.cvcLength()).isEqualTo(3);
    assertThat(CardBrand.UNKNOWN.acceptsLength(12)).isTrue();
  }

  @Test
  void everyRangeOfTheFileIsLoadedAndEveryBrandHasOne() throws Exception {
    List<String> lines;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                CardBrand.class.getResourceAsStream(CardBrand.DATA), StandardCharsets.UTF_8))) {
      lines = in.lines().skip(1).filter(l -> !l.isBlank()).toList();
    }
    assertThat(CardBrand.ranges()).hasSize(lines.size());
    Set<CardBrand> brands = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] c = lines.get(i).split(",");
      CardBrand.Range range = CardBrand.ranges().get(i);
      assertThat(range.brand().key()).isEqualTo(c[0]);
      assertThat(range.low()).isEqualTo(c[2]);
      assertThat(range.high()).isEqualTo(c[3]);
      assertThat(range.brand().cvcLength()).isEqualTo(Integer.parseInt(c[7]));
      brands.add(range.brand());
    }
    assertThat(brands).isEqualTo(EnumSet.complementOf(EnumSet.of(CardBrand.UNKNOWN)));
  }
}
