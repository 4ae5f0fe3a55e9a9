package org.kassa.payment.checkout;

/** Where a checkout session stands, as the API names it. */
public enum CheckoutStatus {
  /** Waiting for the shopper to pay. */
  OPEN,
  /** Paid. */
  COMPLETE,
  /** Not paid in time. */
  EXPIRED;

  public String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
