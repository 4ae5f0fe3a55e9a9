package org.kassa.payment.card;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A card as the shopper entered it, held in memory for one gateway call and never stored. {@link
 * #toString()} masks the number and omits the CVC so a log line cannot leak them.
 */
public final class CardDetails {

  private final String holderName;
  private final String number;
  private final YearMonth expiry;
  private final String cvc;

  private CardDetails(String holderName, String number, YearMonth expiry, String cvc) {
    this.holderName = holderName;
    this.number = number;
    this.expiry = expiry;
    this.cvc = cvc;
  }

  /**
   * Checks a card as typed and returns it, or the list of problems (as message keys: {@code
   * card.number.invalid}, {@code card.expiry.past}, {@code card.cvc.length}, ...).
   *
   * @param today the month to compare the expiry with
   */
  public static Checked check(
      String holderName,
      String typedNumber,
      int expMonth,
      int expYear,
      String cvc,
      YearMonth today) {
    List<String> problems = new ArrayList<>();
    String digits = CardNumbers.digits(typedNumber);
    CardBrand brand = digits == null ? CardBrand.UNKNOWN : CardBrand.detect(digits);
    if (holderName == null || holderName.isBlank()) {
      problems.add("card.holder.required");
    }
    if (digits == null || digits.isEmpty()) {
      problems.add("card.number.required");
    } else if (!CardNumbers.luhnValid(digits) || !brand.acceptsLength(digits.length())) {
      problems.add("card.number.invalid");
    }
    YearMonth expiry = null;
    if (expMonth < 1 || expMonth > 12 || expYear < 2000 || expYear > 2100) {
      problems.add("card.expiry.invalid");
    } else {
      expiry = YearMonth.of(expYear, expMonth);
      if (expiry.isBefore(today)) {
        problems.add("card.expiry.past");
      }
    }
    if (cvc == null || !cvc.matches("\\d+") || cvc.length() != brand.cvcLength()) {
      problems.add("card.cvc.length");
    }
    if (!problems.isEmpty()) {
      return new Checked(null, List.copyOf(problems), brand);
    }
    return new Checked(new CardDetails(holderName.trim(), digits, expiry, cvc), List.of(), brand);
  }

  /** The result of {@link #check}: a card, or what is wrong with it. */
  public record Checked(CardDetails card, List<String> problems, CardBrand brand) {
    public boolean valid() {
      return card != null;
    }
  }

  public String holderName() {
    return holderName;
  }

  /** The full number, for the gateway call only. */
  public String number() {
    return number;
  }

  /** The CVC, for the gateway call only. */
  public String cvc() {
    return cvc;
  }

  public YearMonth expiry() {
    return expiry;
  }

  public CardBrand brand() {
    return CardBrand.detect(number);
  }

  /** What may be kept: brand, last four, expiry. */
  public CardSummary summary() {
    return new CardSummary(
        brand(), CardNumbers.lastFour(number), expiry.getMonthValue(), expiry.getYear());
  }

  @Override
  public String toString() {
    return "CardDetails[" + brand() + " ****" + CardNumbers.lastFour(number) + " " + expiry + "]";
  }
}
