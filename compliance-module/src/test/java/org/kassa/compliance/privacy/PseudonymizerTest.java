package org.kassa.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PseudonymizerTest {

  private final Pseudonymizer pseudonymizer = new Pseudonymizer("test-secret");

  @Test
  void aSubjectKeepsOnePseudonymWhateverTheCase() {
    assertThat(pseudonymizer.pseudonym("Ann@Example.com"))
        .isEqualTo(pseudonymizer.pseudonym(" ann@example.com "))
        .matches("sub_[0-9a-f]{24}");
    assertThat(pseudonymizer.pseudonym(null)).isNull();
  }

  @Test
  void aCardOrAnAddressGetsAKeyedPseudonymOfItsKind() {
    String card = pseudonymizer.pseudonym("card", "4242424242424242");
    assertThat(card).matches("card_[0-9a-f]{24}").doesNotContain("4242");
    assertThat(pseudonymizer.pseudonym("card", "4242424242424242")).isEqualTo(card);
    assertThat(pseudonymizer.pseudonym("card", "4000056655665556")).isNotEqualTo(card);
    // The kind is keyed too: the same digits as another kind, or as a subject, do not meet.
    assertThat(pseudonymizer.pseudonym("ip", "4242424242424242").substring(3))
        .isNotEqualTo(card.substring(5));
    assertThat(pseudonymizer.pseudonym("4242424242424242").substring(4))
        .isNotEqualTo(card.substring(5));
    // Another key, another pseudonym: nobody without the key can test a guess.
    assertThat(new Pseudonymizer("other").pseudonym("card", "4242424242424242")).isNotEqualTo(card);
    assertThat(pseudonymizer.pseudonym("ip", "2001:DB8::1"))
        .isEqualTo(pseudonymizer.pseudonym("ip", "2001:db8::1"));
    assertThat(pseudonymizer.pseudonym("ip", null)).isNull();
    assertThatThrownBy(() -> pseudonymizer.pseudonym("Card Number", "1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
