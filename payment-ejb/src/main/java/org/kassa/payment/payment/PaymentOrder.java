package org.kassa.payment.payment;

import java.util.Locale;
import java.util.Optional;

/**
 * The orders a merchant's payment search can be sorted in. Each ends with the id, so that rows of
 * equal keys keep one order from page to page.
 */
public enum PaymentOrder {
  NEWEST("p.createdAt DESC, p.id"),
  OLDEST("p.createdAt ASC, p.id"),
  LARGEST("p.amount DESC, p.createdAt DESC, p.id"),
  SMALLEST("p.amount ASC, p.createdAt DESC, p.id"),
  STATUS("p.status ASC, p.createdAt DESC, p.id");

  private final String jpql;

  PaymentOrder(String jpql) {
    this.jpql = jpql;
  }

  /** The JPQL {@code ORDER BY} list, over the alias {@code p}. */
  String jpql() {
    return jpql;
  }

  /** The name used in URLs, e.g. {@code newest}. */
  public String urlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The order a URL names, ignoring case; empty for anything else. */
  public static Optional<PaymentOrder> fromUrlName(String name) {
    for (PaymentOrder o : values()) {
      if (o.urlName().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
