package org.kassa.payment.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kassa.compliance.privacy.PersonalDataVault;
import org.kassa.payment.banktransfer.CreditMatching.Outcome;
import org.kassa.payment.money.Money;

class CreditMatchingTest {

  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  @Test
  void anExactCreditPays() {
    CreditMatching.Match match = CreditMatching.match(4999, 0, true, 4999);
    assertThat(match.outcome()).isEqualTo(Outcome.EXACT);
    assertThat(match.pays()).isTrue();
    assertThat(match.applied()).isEqualTo(4999);
    assertThat(match.excess()).isZero();
    assertThat(match.shortfall(4999)).isZero();
  }

  @Test
  void aShortCreditWaitsAndATopUpCompletesIt() {
    CreditMatching.Match first = CreditMatching.match(4999, 0, true, 3000);
    assertThat(first.outcome()).isEqualTo(Outcome.SHORT);
    assertThat(first.pays()).isFalse();
    assertThat(first.received()).isEqualTo(3000);
    assertThat(first.shortfall(4999)).isEqualTo(1999);
    CreditMatching.Match second = CreditMatching.match(4999, first.received(), true, 1999);
    assertThat(second.outcome()).isEqualTo(Outcome.EXACT);
    assertThat(second.received()).isEqualTo(4999);
  }

  @Test
  void anOverpaymentPaysTheAmountDueAndKeepsTheRestForARefund() {
    CreditMatching.Match match = CreditMatching.match(4999, 0, true, 5500);
    assertThat(match.outcome()).isEqualTo(Outcome.OVERPAID);
    assertThat(match.pays()).isTrue();
    assertThat(match.applied()).isEqualTo(4999);
    assertThat(match.excess()).isEqualTo(501);
    // A top-up that overshoots: only the missing part counts.
    CreditMatching.Match topUp = CreditMatching.match(4999, 3000, true, 2500);
    assertThat(topUp.outcome()).isEqualTo(Outcome.OVERPAID);
    assertThat(topUp.applied()).isEqualTo(1999);
    assertThat(topUp.excess()).isEqualTo(501);
  }

  @Test
  void aCreditAfterTheTransferClosedIsAllToRefund() {
    CreditMatching.Match match = CreditMatching.match(4999, 4999, false, 100);
    assertThat(match.outcome()).isEqualTo(Outcome.LATE);
    assertThat(match.pays()).isFalse();
    assertThat(match.excess()).isEqualTo(100);
    assertThat(CreditMatching.unmatched(700).excess()).isEqualTo(700);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> CreditMatching.match(4999, 0, true, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CreditMatching.match(4999, 4999, true, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTransferCountsCreditsAndExpiresWithWhatArrivedToRefund() {
    BankTransfer transfer = transfer(Money.of(4999, "EUR"));
    assertThat(transfer.receive(Money.of(3000, "EUR"), NOW).outcome()).isEqualTo(Outcome.SHORT);
    assertThat(transfer.state()).isEqualTo(BankTransfer.State.AWAITING);
    assertThat(transfer.shortfall()).isEqualTo(Money.of(1999, "EUR"));
    assertThatThrownBy(() -> transfer.receive(Money.of(1999, "CHF"), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    transfer.expire(NOW);
    assertThat(transfer.state()).isEqualTo(BankTransfer.State.EXPIRED);
    assertThat(transfer.amountExcess()).isEqualTo(Money.of(3000, "EUR"));
    assertThat(transfer.shortfall()).isEqualTo(Money.of(0, "EUR"));
    assertThat(transfer.receive(Money.of(1999, "EUR"), NOW).outcome()).isEqualTo(Outcome.LATE);
    assertThat(transfer.amountExcess()).isEqualTo(Money.of(4999, "EUR"));
    assertThatThrownBy(() -> transfer.expire(NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPaidTransferKeepsTheExcessOfEveryLaterCredit() {
    BankTransfer transfer = transfer(Money.of(1000, "EUR"));
    assertThat(transfer.receive(Money.of(1200, "EUR"), NOW).outcome()).isEqualTo(Outcome.OVERPAID);
    assertThat(transfer.state()).isEqualTo(BankTransfer.State.PAID);
    assertThat(transfer.amountReceived()).isEqualTo(Money.of(1000, "EUR"));
    assertThat(transfer.amountExcess()).isEqualTo(Money.of(200, "EUR"));
    transfer.receive(Money.of(50, "EUR"), NOW);
    assertThat(transfer.amountExcess()).isEqualTo(Money.of(250, "EUR"));
  }

  @Test
  void aPayersIbanIsStoredSealedOnly() {
    assertThatThrownBy(
            () ->
                new BankTransfer(
                    "pay_1",
                    "mer_demo",
                    CreditorReference.random(),
                    Money.of(1000, "EUR"),
                    account(),
                    "DE89370400440532013000",
                    "sub",
                    NOW,
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PersonalDataVault.isSealed("DE89370400440532013000")).isFalse();
  }

  private static BankTransfer transfer(Money due) {
    return new BankTransfer(
        "pay_1",
        "mer_demo",
        CreditorReference.random(),
        due,
        account(),
        null,
        "sub",
        NOW.plus(Duration.ofDays(7)),
        NOW);
  }

  private static ReceivingAccount account() {
    return new ReceivingAccount("DE89370400440532013000", "COBADEFFXXX", "Kassa Demo Shop");
  }
}
