package org.kassa.payment.money;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** An active ISO 4217 currency a payment can be made in, e.g. {@code EUR}, {@code JPY}. */
@Embeddable
public class CurrencyCode implements Serializable {

  private static final long serialVersionUID = 1L;

  @Column(name = "currency", length = 3, nullable = false)
  private String code;

  protected CurrencyCode() {}

  private CurrencyCode(String code) {
    this.code = code;
  }

  /**
   * The currency with this code.
   *
   * @throws IllegalArgumentException if the code is not an active ISO 4217 currency
   */
  public static CurrencyCode of(String code) {
    if (code == null || IsoCurrencies.minorUnits(code).isEmpty()) {
      throw new IllegalArgumentException(
          "'" + code + "' is not an active ISO 4217 currency code (use upper case, e.g. EUR)");
    }
    return new CurrencyCode(code);
  }

  /** Whether {@code code} names an active ISO 4217 currency. */
  public static boolean isValid(String code) {
    return code != null && IsoCurrencies.minorUnits(code).isPresent();
  }

  public String code() {
    return code;
  }

  /** Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD. */
  public int minorUnits() {
    return IsoCurrencies.minorUnits(code).orElseThrow();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CurrencyCode other && Objects.equals(code, other.code);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(code);
  }

  @Override
  public String toString() {
    return code;
  }
}
