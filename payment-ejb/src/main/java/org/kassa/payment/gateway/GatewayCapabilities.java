package org.kassa.payment.gateway;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.kassa.payment.money.CurrencyCode;

/**
 * What a gateway declares it can do, for routing.
 *
 * @param methods the payment method types it takes
 * @param currencies the currencies it takes; empty means every ISO 4217 currency
 * @param countries the shoppers' countries it serves (ISO 3166 alpha-2); empty means every country
 * @param manualCapture whether it can authorize now and capture later
 * @param partialRefunds whether it can refund part of a payment
 * @param fees what it charges
 */
public record GatewayCapabilities(
    Set<PaymentMethodType> methods,
    Set<CurrencyCode> currencies,
    Set<String> countries,
    boolean manualCapture,
    boolean partialRefunds,
    FeeSchedule fees) {

  public GatewayCapabilities {
    methods = Set.copyOf(methods);
    currencies = Set.copyOf(currencies);
    countries = Set.copyOf(countries);
    Objects.requireNonNull(fees, "fees");
  }

  /**
   * Whether a payment with this method, currency and shopper country can go through this gateway.
   *
   * @param country the shopper's country, or null when unknown (then only the method and currency
   *     count)
   */
  public boolean supports(PaymentMethodType method, CurrencyCode currency, String country) {
    return methods.contains(method)
        && (currencies.isEmpty() || currencies.contains(currency))
        && (countries.isEmpty()
            || country == null
            || countries.contains(country.toUpperCase(Locale.ROOT)));
  }
}
