package org.kassa.payment.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The deployed gateways, found by the name stored on a payment. */
@ApplicationScoped
public class Gateways {

  @Inject @Any private Instance<PaymentGateway> gateways;

  /**
   * The gateway called {@code name}.
   *
   * @throws IllegalStateException if no such gateway is deployed (a configuration error)
   */
  public PaymentGateway named(String name) {
    return find(name)
        .orElseThrow(
            () -> new IllegalStateException("no payment gateway named " + name + " is deployed"));
  }

  /** The gateway called {@code name}, if one is deployed. */
  public Optional<PaymentGateway> find(String name) {
    for (PaymentGateway gateway : gateways) {
      if (gateway.name().equals(name)) {
        return Optional.of(gateway);
      }
    }
    return Optional.empty();
  }

  /**
   * The issuing country of a card, from the first deployed gateway that knows it (a card's country
   * does not depend on the gateway that takes the payment).
   */
  public Optional<String> cardCountry(PaymentMethod method) {
    for (PaymentGateway gateway : all()) {
      Optional<String> country = gateway.cardCountry(method);
      if (country.isPresent()) {
        return country;
      }
    }
    return Optional.empty();
  }

  /** Every deployed gateway, by name. */
  public List<PaymentGateway> all() {
    List<PaymentGateway> all = new ArrayList<>();
    gateways.forEach(all::add);
    all.sort(Comparator.comparing(PaymentGateway::name));
    return all;
  }
}
