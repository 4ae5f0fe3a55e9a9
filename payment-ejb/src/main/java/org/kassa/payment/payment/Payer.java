package org.kassa.payment.payment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * Who pays, as entered on the hosted page: the name on the card and, optionally, an email for the
 * receipt. Personal data: it is stored on the payment, never in logs or the audit trail.
 */
public record Payer(@NotBlank @Size(max = 200) String name, @Email @Size(max = 254) String email) {

  public Optional<String> emailAddress() {
    return Optional.ofNullable(email).filter(e -> !e.isBlank());
  }
}
