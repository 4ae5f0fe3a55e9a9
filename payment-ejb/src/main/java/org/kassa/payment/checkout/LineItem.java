package org.kassa.payment.checkout;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** One line of an order: a name, a quantity and a unit price in minor units. */
@Embeddable
public class LineItem {

  @NotBlank
  @Size(max = 250)
  @Column(name = "name", nullable = false, length = 250)
  private String name;

  @Positive
  @Max(100_000)
  @Column(name = "quantity", nullable = false)
  private int quantity;

  @Positive
  @Column(name = "unit_amount", nullable = false)
  private long unitAmount;

  protected LineItem() {}

  public LineItem(String name, int quantity, long unitAmount) {
    this.name = name;
    this.quantity = quantity;
    this.unitAmount = unitAmount;
  }

  public String name() {
    return name;
  }

  public int quantity() {
    return quantity;
  }

  public long unitAmount() {
    return unitAmount;
  }

  /** quantity × unit amount, refusing overflow. */
  public long total() {
    return Math.multiplyExact(unitAmount, (long) quantity);
  }
}
