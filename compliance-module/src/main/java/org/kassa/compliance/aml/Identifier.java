package org.kassa.compliance.aml;

import java.util.Objects;

/**
 * An identifier of a listed entry, matched exactly (after removing spaces and punctuation).
 *
 * @param type {@code passport}, {@code national_id}, {@code imo}, {@code tax_id}, {@code
 *     registration}, {@code swift_bic}, or {@code other}
 * @param value as the list writes it
 * @param country the issuing country as the list names it, or null
 */
public record Identifier(String type, String value, String country) {
  public Identifier {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }
}
