package org.kassa.payment.support;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A problem as the shopper reports it.
 *
 * @param contactEmail where the merchant may answer, or null
 */
public record NewTicket(
    @NotNull TicketCategory category,
    @NotBlank @Size(max = NewTicket.MAX_MESSAGE) String message,
    @Email @Size(max = 254) String contactEmail) {

  /** The longest message, in characters. */
  public static final int MAX_MESSAGE = 4000;
}
