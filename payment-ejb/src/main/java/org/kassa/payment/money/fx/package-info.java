/**
 * Exchange rates for presenting an amount in the shopper's currency: the ECB's euro reference rates
 * ({@link org.kassa.payment.money.fx.EcbRatesFile}) held by {@link
 * org.kassa.payment.money.fx.ExchangeRates} (a bundled example first, then newer files from a URL
 * or a drop folder, {@link org.kassa.payment.money.fx.RatesRefresh}), and locked quotes ({@link
 * org.kassa.payment.money.fx.FxQuotes}) converting once, half-even, to the presentment currency's
 * ISO minor units.
 *
 * <p>Configuration: {@code kassa.fx.url} (none), {@code kassa.fx.drop-dir} (none), {@code
 * kassa.fx.quote-lock} (PT30M).
 */
package org.kassa.payment.money.fx;
