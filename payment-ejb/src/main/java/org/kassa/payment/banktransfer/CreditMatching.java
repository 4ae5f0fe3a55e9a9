package org.kassa.payment.banktransfer;

/**
 * How a bank credit that names a transfer's reference counts against what the transfer is due. Pure
 * arithmetic in minor units, so the rules are tested on their own:
 *
 * <ul>
 *   <li>the credits so far reach the amount due exactly: the transfer is paid;
 *   <li>they fall short: the transfer stays open with what was received, and a later credit with
 *       the same reference can complete it;
 *   <li>they exceed it: the transfer is paid for the amount due and the excess is kept for a
 *       refund;
 *   <li>the transfer is no longer open (paid, expired): the whole credit is excess, to refund.
 * </ul>
 */
public final class CreditMatching {

  private CreditMatching() {}

  /** What a credit did. */
  public enum Outcome {
    /** The credits now add up to the amount due exactly. */
    EXACT,
    /** Less than due so far: the transfer waits for the rest. */
    SHORT,
    /** More than due: paid, and the excess is to be refunded. */
    OVERPAID,
    /** The transfer was already paid or had expired: all of it is to be refunded. */
    LATE,
    /** No open or past transfer has this reference (or not in this currency): kept for review. */
    UNMATCHED
  }

  /**
   * The result of one credit.
   *
   * @param applied what counts towards the amount due
   * @param excess what is to be refunded
   * @param received the transfer's received total afterwards (capped at the amount due)
   */
  public record Match(Outcome outcome, long applied, long excess, long received) {

    /** Whether this credit completes the transfer. */
    public boolean pays() {
      return outcome == Outcome.EXACT || outcome == Outcome.OVERPAID;
    }

    /** What is still due after it (0 once paid). */
    public long shortfall(long due) {
      return Math.max(0, due - received);
    }
  }

  /**
   * Matches one credit.
   *
   * @param due the transfer's amount due, positive
   * @param receivedBefore what earlier credits already counted, below {@code due} while open
   * @param open whether the transfer still waits for money
   * @param credit the credit's amount, positive
   */
  public static Match match(long due, long receivedBefore, boolean open, long credit) {
    if (due <= 0 || credit <= 0 || receivedBefore < 0) {
      throw new IllegalArgumentException("amounts due and credited are positive");
    }
    if (!open) {
      return new Match(Outcome.LATE, 0, credit, receivedBefore);
    }
    if (receivedBefore >= due) {
      throw new IllegalArgumentException("an open transfer has less than its amount due");
    }
    long total = Math.addExact(receivedBefore, credit);
    if (total < due) {
      return new Match(Outcome.SHORT, credit, 0, total);
    }
    if (total == due) {
      return new Match(Outcome.EXACT, credit, 0, due);
    }
    return new Match(Outcome.OVERPAID, due - receivedBefore, total - due, due);
  }

  /** A credit no transfer claims: all of it waits for the merchant to return or assign it. */
  public static Match unmatched(long credit) {
    return new Match(Outcome.UNMATCHED, 0, credit, 0);
  }
}
