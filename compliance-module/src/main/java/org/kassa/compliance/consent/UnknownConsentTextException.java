package org.kassa.compliance.consent;

import jakarta.ejb.ApplicationException;

/** A consent answer names a purpose, version or locale whose wording was never published. */
@ApplicationException(rollback = true)
public class UnknownConsentTextException extends RuntimeException {

  public UnknownConsentTextException(ConsentChoice choice) {
    super(
        "No published wording for purpose '"
            + choice.purpose()
            + "' version "
            + choice.version()
            + " in locale '"
            + choice.locale()
            + "'.");
  }
}
