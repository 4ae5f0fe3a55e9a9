package org.kassa.payment.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.kassa.payment.money.Money;

/**
 * Chooses the gateway for a payment: among the configured gateways that support its method,
 * currency and the shopper's country, the one with the lowest declared fee for it; a merchant's
 * override wins when that gateway can take the payment. A saved method is paid at the gateway that
 * holds it. The choice and the fee estimate are stored on the payment.
 */
@ApplicationScoped
public class GatewayRouter {

  @Inject private Gateways gateways;
  @Inject private Config config;

  /**
   * The route for a payment.
   *
   * @param merchantId whose payment: {@code kassa.routing.<merchant id>} names a preferred gateway
   * @param country the shopper's country (ISO 3166 alpha-2), or null when unknown
   * @param holder the gateway that holds the saved method paid with, or null: a token is only good
   *     at the gateway that issued it, so no other is chosen
   * @throws NoRouteException if no configured gateway can take it
   */
  public Route route(
      String merchantId, PaymentMethodType method, Money amount, String country, String holder) {
    Optional<String> override =
        config.getOptionalValue("kassa.routing." + merchantId, String.class);
    return choose(gateways.all(), override.orElse(null), holder, method, amount, country);
  }

  /** The choice itself, without the container: pure, so every rule is unit-tested. */
  static Route choose(
      List<PaymentGateway> candidates,
      String override,
      String holder,
      PaymentMethodType method,
      Money amount,
      String country) {
    List<PaymentGateway> able =
        candidates.stream()
            .filter(PaymentGateway::configured)
            .filter(g -> holder == null || g.name().equals(holder))
            .filter(g -> g.capabilities().supports(method, amount.currency(), country))
            .toList();
    if (able.isEmpty()) {
      throw new NoRouteException(method, amount.currency());
    }
    Optional<PaymentGateway> preferred =
        able.stream().filter(g -> g.name().equals(override)).findFirst();
    PaymentGateway chosen =
        preferred.orElseGet(
            () ->
                able.stream()
                    .min(
                        Comparator.comparing(
                                (PaymentGateway g) -> fee(g, amount).orElse(Long.MAX_VALUE))
                            .thenComparing(PaymentGateway::name))
                    .orElseThrow());
    return new Route(chosen.name(), chosen.capabilities().fees().transactionFee(amount));
  }

  private static Optional<Long> fee(PaymentGateway gateway, Money amount) {
    return gateway.capabilities().fees().transactionFee(amount).map(Money::minorUnits);
  }
}
