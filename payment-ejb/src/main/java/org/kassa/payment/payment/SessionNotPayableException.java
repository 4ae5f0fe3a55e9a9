package org.kassa.payment.payment;

import org.kassa.payment.BusinessException;

/** The session cannot take a payment now: it is paid, expired, or a payment is under way. */
public class SessionNotPayableException extends BusinessException {

  /** Why, as a stable code the page turns into a message. */
  public enum Reason {
    ALREADY_PAID("session_already_paid"),
    EXPIRED("session_expired"),
    IN_PROGRESS("payment_in_progress");

    private final String code;

    Reason(String code) {
      this.code = code;
    }
  }

  private final Reason reason;

  public SessionNotPayableException(String sessionId, Reason reason) {
    super(reason.code, "Checkout session " + sessionId + " cannot be paid: " + reason.code + ".");
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
