package org.kassa.payment.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CreditorReferenceTest {

  @Test
  void checkDigitsAreThoseOfIso11649sExample() {
    // ISO 11649's example: body 539007547034 has check digits 18.
    assertThat(CreditorReference.of("539007547034").value()).isEqualTo("RF18539007547034");
    assertThat(CreditorReference.of("539007547034").grouped()).isEqualTo("RF18 5390 0754 7034");
    // Check digits below 10 keep their leading zero (09 for body "7"); A counts as 10.
    assertThat(CreditorReference.of("7").value()).isEqualTo("RF097");
    assertThat(CreditorReference.of("a").value()).isEqualTo("RF25A");
  }

  @Test
  void readsThePaperFormAndRefusesAWrongDigitOrALetterSwap() {
    assertThat(CreditorReference.parse("rf18 5390 0754 7034"))
        .isEqualTo(new CreditorReference("RF18539007547034"));
    assertThat(CreditorReference.parse("RF19 5390 0754 7034")).isNull();
    assertThat(CreditorReference.parse("RF18 5390 0754 7043")).isNull();
    assertThat(CreditorReference.parse("RF18")).isNull();
    assertThat(CreditorReference.parse("Invoice 42")).isNull();
    assertThat(CreditorReference.parse(null)).isNull();
    assertThatThrownBy(() -> new CreditorReference("RF00539007547034"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditorReference.of("1234567890123456789012"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newReferencesAreValidOfFixedLengthAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      CreditorReference reference = CreditorReference.random();
      assertThat(CreditorReference.isValid(reference.value())).isTrue();
      assertThat(reference.value()).hasSize(4 + CreditorReference.NEW_BODY_LENGTH);
      // No I or O: nothing a payer could read as 1 or 0.
      assertThat(reference.value().substring(4)).doesNotContain("I", "O");
      seen.add(reference.value());
    }
    assertThat(seen).hasSize(1000);
  }
}
