package org.kassa.payment.gateway;

/**
 * Why a payment was declined, as a shopper can be told. The codes follow the card networks' common
 * decline reasons (and Stripe's names for them); each has a localized message on the page.
 */
public enum DeclineReason {
  GENERIC_DECLINE("generic_decline"),
  INSUFFICIENT_FUNDS("insufficient_funds"),
  LOST_CARD("lost_card"),
  STOLEN_CARD("stolen_card"),
  EXPIRED_CARD("expired_card"),
  INCORRECT_CVC("incorrect_cvc"),
  PROCESSING_ERROR("processing_error"),
  FRAUDULENT("fraudulent"),
  INCORRECT_NUMBER("incorrect_number"),
  /** 3-D Secure was required and failed, or could not be done because the shopper was away. */
  AUTHENTICATION_FAILED("authentication_failed"),
  /** Refused by Kassa's compliance gate; the shopper is not told which rule or list. */
  COMPLIANCE_BLOCKED("compliance_blocked"),
  /**
   * Refused by the compliance gate before any gateway call: the payer must verify their identity
   * (KYC) to the basic tier first, then pay again.
   */
  KYC_REQUIRED_BASIC("kyc_required_basic"),
  /** As {@link #KYC_REQUIRED_BASIC}, to the full tier (an identity document). */
  KYC_REQUIRED_FULL("kyc_required_full"),
  /** The shopper declined the payment in their wallet app (a QR-code wallet). */
  WALLET_DECLINED("wallet_declined"),
  /** The QR code was not paid before its end; a new code may be asked for. */
  QR_CODE_EXPIRED("qr_code_expired");

  private final String code;

  DeclineReason(String code) {
    this.code = code;
  }

  /**
   * The stable code stored on the payment and shown by the API, e.g. {@code insufficient_funds}.
   */
  public String code() {
    return code;
  }

  public static DeclineReason fromCode(String code) {
    for (DeclineReason r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    return GENERIC_DECLINE;
  }
}
