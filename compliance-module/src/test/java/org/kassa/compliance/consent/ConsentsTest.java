package org.kassa.compliance.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConsentsTest {

  @Test
  void looksForWordingInTheLocaleThenItsLanguageThenEnglish() {
    assertThat(Consents.candidates(Locale.forLanguageTag("pt-BR")))
        .containsExactly("pt-BR", "pt", "en");
    assertThat(Consents.candidates(Locale.forLanguageTag("zh-CN")))
        .containsExactly("zh-CN", "zh", "en");
    assertThat(Consents.candidates(Locale.ENGLISH)).containsExactly("en");
    assertThat(Consents.candidates(null)).containsExactly("en");
  }
}
