package org.kassa.payment.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Finds a gateway by the name stored on a payment. */
@ApplicationScoped
public class Gateways {

  @Inject @Any private Instance<PaymentGateway> gateways;

  /**
   * The gateway called {@code name}.
   *
   * @throws IllegalStateException if no such gateway is deployed (a configuration error)
   */
  public PaymentGateway named(String name) {
    for (PaymentGateway gateway : gateways) {
      if (gateway.name().equals(name)) {
        return gateway;
      }
    }
    throw new IllegalStateException("no payment gateway named " + name + " is deployed");
  }
}
