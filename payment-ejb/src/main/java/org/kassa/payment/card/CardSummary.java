package org.kassa.payment.card;

/** The part of a card Kassa keeps and shows: brand, last four digits, expiry. */
public record CardSummary(CardBrand brand, String lastFour, int expMonth, int expYear) {

  public CardSummary {
    if (lastFour == null || !lastFour.matches("\\d{4}")) {
      throw new IllegalArgumentException("a card summary keeps exactly the last four digits");
    }
  }
}
