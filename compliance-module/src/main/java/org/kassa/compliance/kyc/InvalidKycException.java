package org.kassa.compliance.kyc;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A KYC submission with fields missing or wrong: nothing was stored. */
@ApplicationException(rollback = true)
public class InvalidKycException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidKycException(List<FieldError> errors) {
    super("invalid KYC submission: " + errors.stream().map(FieldError::code).toList());
    this.errors = List.copyOf(errors);
  }

  /** What is wrong, per field. */
  public List<FieldError> errors() {
    return errors;
  }
}
