package org.kassa.payment.money.fx;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.kassa.payment.InvalidRequestException;
import org.kassa.payment.merchant.ApiKey;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/**
 * An exchange-rate quote: an amount, what it is in the shopper's (presentment) currency, the rate
 * and the reference rates it came from, locked until a given time. Immutable once made; past its
 * lock it cannot be used, only replaced by a new quote.
 */
@Entity
@Table(name = "fx_quote")
public class FxQuote {

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  @Column(name = "source_amount", nullable = false)
  private long sourceAmount;

  @Embedded
  @AttributeOverride(
      name = "code",
      column = @Column(name = "source_currency", length = 3, nullable = false))
  private CurrencyCode sourceCurrency;

  @Column(name = "presentment_amount", nullable = false)
  private long presentmentAmount;

  @Embedded
  @AttributeOverride(
      name = "code",
      column = @Column(name = "presentment_currency", length = 3, nullable = false))
  private CurrencyCode presentmentCurrency;

  @Column(name = "rate", nullable = false, precision = 38, scale = 20)
  private BigDecimal rate;

  @Column(name = "rates_source", nullable = false, length = 2048)
  private String ratesSource;

  @Column(name = "rates_date", nullable = false)
  private LocalDate ratesDate;

  @Column(name = "rates_sha256", nullable = false, length = 64)
  private String ratesSha256;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "locked_until", nullable = false)
  private OffsetDateTime lockedUntil;

  protected FxQuote() {}

  /**
   * Quotes {@code amount} in {@code presentment} with today's rates, locked for {@code lock}.
   *
   * @throws InvalidRequestException if the rates do not cover either currency, or the amount is not
   *     positive or rounds to nothing in the presentment currency
   */
  public static FxQuote quote(
      String merchantId,
      Money amount,
      CurrencyCode presentment,
      ReferenceRates rates,
      Instant now,
      Duration lock) {
    if (!amount.isPositive()) {
      throw new InvalidRequestException(
          "invalid_amount", "The amount must be positive.", Map.of("amount", "must be positive"));
    }
    if (!rates.covers(amount.currency())) {
      throw notCovered("currency", amount.currency(), rates);
    }
    if (!rates.covers(presentment)) {
      throw notCovered("presentment_currency", presentment, rates);
    }
    FxQuote q = new FxQuote();
    q.id = "fxq_" + ApiKey.randomToken(24);
    q.merchantId = merchantId;
    q.sourceAmount = amount.minorUnits();
    q.sourceCurrency = amount.currency();
    Money converted;
    try {
      converted = rates.convert(amount, presentment);
    } catch (ArithmeticException e) {
      throw new InvalidRequestException(
          "amount_too_large",
          "The amount is too large to present in " + presentment + ".",
          Map.of("amount", "is too large to present in " + presentment));
    }
    if (!converted.isPositive()) {
      throw new InvalidRequestException(
          "amount_too_small",
          "The amount is less than one minor unit of " + presentment + ".",
          Map.of("amount", "is less than one minor unit of " + presentment));
    }
    q.presentmentAmount = converted.minorUnits();
    q.presentmentCurrency = presentment;
    q.rate = rates.rate(amount.currency(), presentment).orElseThrow();
    q.ratesSource = rates.source();
    q.ratesDate = rates.date();
    q.ratesSha256 = rates.sha256();
    // Milliseconds, as every database stores them: the quote answered is the quote read back.
    Instant created = now.truncatedTo(ChronoUnit.MILLIS);
    q.createdAt = created.atOffset(ZoneOffset.UTC);
    q.lockedUntil = created.plus(lock).atOffset(ZoneOffset.UTC);
    return q;
  }

  private static InvalidRequestException notCovered(
      String field, CurrencyCode currency, ReferenceRates rates) {
    return new InvalidRequestException(
        "currency_not_quoted",
        "There is no reference rate for "
            + currency
            + " in the rates of "
            + rates.date()
            + "; quotable currencies: "
            + String.join(", ", rates.perEuro().keySet())
            + ".",
        Map.of(field, "has no reference rate"));
  }

  /** Whether the quote may still be applied at {@code now}: strictly before its lock ends. */
  public boolean isLockedAt(Instant now) {
    return now.isBefore(lockedUntil.toInstant());
  }

  /**
   * This quote, to be applied at {@code now}.
   *
   * @throws QuoteExpiredException at or after the end of its lock
   */
  public FxQuote requireLockedAt(Instant now) {
    if (!isLockedAt(now)) {
      throw new QuoteExpiredException(id, lockedUntil);
    }
    return this;
  }

  public String id() {
    return id;
  }

  public String merchantId() {
    return merchantId;
  }

  public Money amount() {
    return new Money(sourceAmount, sourceCurrency);
  }

  public Money presentmentAmount() {
    return new Money(presentmentAmount, presentmentCurrency);
  }

  /** Units of the presentment currency per unit of the source currency. */
  public BigDecimal rate() {
    return rate;
  }

  public String ratesSource() {
    return ratesSource;
  }

  public LocalDate ratesDate() {
    return ratesDate;
  }

  public String ratesSha256() {
    return ratesSha256;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime lockedUntil() {
    return lockedUntil;
  }
}
