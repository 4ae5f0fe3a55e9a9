package org.kassa.compliance.kyc;

/**
 * What is wrong with one field of a KYC submission.
 *
 * @param field the field, e.g. {@code postal_code}
 * @param code a stable code, the field then the problem: {@code postal_code.format}; the hosted
 *     page shows the message {@code kyc.error.<code>} in the shopper's language
 */
public record FieldError(String field, String code) {

  static FieldError of(String field, String problem) {
    return new FieldError(field, field + "." + problem);
  }
}
