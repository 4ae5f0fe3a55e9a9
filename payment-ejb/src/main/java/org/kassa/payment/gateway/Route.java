package org.kassa.payment.gateway;

import java.util.Objects;
import java.util.Optional;
import org.kassa.payment.money.Money;

/**
 * The gateway routing chose for a payment, and what it expects that gateway to charge.
 *
 * @param gateway the gateway's name
 * @param feeEstimate the fee for this payment by the gateway's declared schedule; empty when the
 *     gateway does not price the currency
 */
public record Route(String gateway, Optional<Money> feeEstimate) {
  public Route {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(feeEstimate, "feeEstimate");
  }
}
