package org.kassa.payment.gateway;

import java.util.Map;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.money.CurrencyCode;

/** No configured gateway takes this payment method in this currency (and country). */
public class NoRouteException extends InvalidRequestException {

  public NoRouteException(PaymentMethodType method, CurrencyCode currency) {
    super(
        "payment_method_unavailable",
        "No gateway configured for this merchant accepts "
            + method.apiName()
            + " payments in "
            + currency
            + ".",
        Map.of());
  }
}
