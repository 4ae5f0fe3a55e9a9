package org.kassa.compliance.aml.screening;

import java.util.Objects;

/**
 * One token of a normalized name.
 *
 * @param text lower-case Latin letters and digits
 * @param consonantal true when the token was transliterated from a script that usually leaves short
 *     vowels unwritten (Arabic, Hebrew, Syriac): it is then also compared by its consonants
 */
public record NameToken(String text, boolean consonantal) {
  public NameToken {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty token");
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
