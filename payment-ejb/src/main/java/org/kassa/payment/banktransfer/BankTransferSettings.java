package org.kassa.payment.banktransfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.payment.merchant.DemoMerchant;

/**
 * Bank transfer configuration, checked when the application starts: a wrong IBAN or BIC stops the
 * start instead of sending shoppers' money to an account that does not exist.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>kassa.sepa.iban</td><td>the receiving account's IBAN (default: a demo IBAN)</td></tr>
 *   <tr><td>kassa.sepa.bic</td><td>its bank's BIC</td></tr>
 *   <tr><td>kassa.sepa.account-holder</td><td>the account holder's name</td></tr>
 *   <tr><td>kassa.sepa.merchant</td><td>the merchant who owns the account: credits with an
 *       unknown reference are kept for it (default: the demo merchant)</td></tr>
 *   <tr><td>kassa.sepa.due-in</td><td>how long a shopper has to transfer (default P7D)</td></tr>
 * </table>
 */
@ApplicationScoped
public class BankTransferSettings {

  private static final Logger LOG = Logger.getLogger(BankTransferSettings.class.getName());

  /** A valid example IBAN (Commerzbank's, widely published for tests): never a real shop's. */
  public static final String DEMO_IBAN = "DE89370400440532013000";

  @Inject
  @ConfigProperty(name = "kassa.sepa.iban", defaultValue = DEMO_IBAN)
  String iban;

  @Inject
  @ConfigProperty(name = "kassa.sepa.bic", defaultValue = "COBADEFFXXX")
  String bic;

  @Inject
  @ConfigProperty(name = "kassa.sepa.account-holder", defaultValue = DemoMerchant.NAME)
  String holder;

  @Inject
  @ConfigProperty(name = "kassa.sepa.merchant", defaultValue = DemoMerchant.ID)
  String merchant;

  @Inject
  @ConfigProperty(name = "kassa.sepa.due-in", defaultValue = "P7D")
  Duration dueIn;

  private ReceivingAccount account;

  /** Checks the account at start-up. */
  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    account();
    if (dueIn.isNegative() || dueIn.isZero()) {
      throw new IllegalStateException("kassa.sepa.due-in must be positive, was " + dueIn);
    }
    LOG.info(
        () ->
            "event=sepa.account iban="
                + Ibans.masked(account.iban())
                + " bic="
                + account.bic()
                + " due_in="
                + dueIn);
  }

  /** The account shoppers transfer to. */
  public ReceivingAccount account() {
    if (account == null) {
      try {
        account = new ReceivingAccount(iban, bic, holder);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("bank transfer settings: " + e.getMessage(), e);
      }
    }
    return account;
  }

  /** The merchant who owns the account. */
  public String accountOwner() {
    return merchant;
  }

  /** How long a shopper has to transfer. */
  public Duration dueIn() {
    return dueIn;
  }
}
