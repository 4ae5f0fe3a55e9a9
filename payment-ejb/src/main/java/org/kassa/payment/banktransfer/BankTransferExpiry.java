package org.kassa.payment.banktransfer;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The timer that ends bank transfers past their due date (see {@link BankTransfers#expireDue}). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BankTransferExpiry {

  private static final Logger LOG = Logger.getLogger(BankTransferExpiry.class.getName());
  private static final int BATCH = 50;

  @Inject private BankTransfers transfers;

  private final Clock clock = Clock.systemUTC();

  @Schedule(hour = "*", minute = "*", second = "15", persistent = false)
  public void scheduled() {
    try {
      while (transfers.expireDue(clock.instant(), BATCH) == BATCH) {
        // a full batch: there may be more due
      }
    } catch (RuntimeException e) {
      // One bad round must not stop the timer; the next round tries again.
      LOG.log(Level.WARNING, "event=bank_transfer.expiry_failed", e);
    }
  }
}
