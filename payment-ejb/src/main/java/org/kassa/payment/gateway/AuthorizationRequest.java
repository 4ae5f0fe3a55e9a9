package org.kassa.payment.gateway;

import java.util.Objects;
import org.kassa.payment.money.Money;

/**
 * What Kassa asks a gateway to authorize.
 *
 * @param paymentId Kassa's payment id, also the gateway's idempotency key
 * @param amount what to charge: the payment's amount, or its presentment amount when it was
 *     presented in the shopper's currency
 * @param method what the shopper pays with
 * @param capture whether to capture at once (hosted checkout) or only authorize (manual capture)
 * @param returnUrl where a redirect or 3-D Secure step sends the shopper back to, or null when the
 *     shopper is not present (off-session)
 * @param saveMethod whether the shopper asked (with consent) to save the typed card: on success the
 *     gateway keeps it and answers its token ({@link GatewayResult#savedMethodToken()})
 */
public record AuthorizationRequest(
    String paymentId,
    Money amount,
    PaymentMethod method,
    boolean capture,
    String returnUrl,
    boolean saveMethod) {

  /** A request that saves nothing. */
  public AuthorizationRequest(
      String paymentId, Money amount, PaymentMethod method, boolean capture, String returnUrl) {
    this(paymentId, amount, method, capture, returnUrl, false);
  }

  public AuthorizationRequest {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(method, "method");
  }

  /** Whether the shopper is there to complete a 3-D Secure challenge or a redirect. */
  public boolean shopperPresent() {
    return returnUrl != null;
  }
}
