package org.kassa.compliance.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A subject's answer refers to the exact wording shown: purpose, version and locale.
 *
 * @param purpose e.g. {@code marketing}
 * @param version the wording's version
 * @param locale the wording's locale
 */
public record ConsentChoice(
    @NotBlank @Size(max = 40) String purpose,
    @Positive int version,
    @NotBlank @Size(max = 20) String locale) {}
