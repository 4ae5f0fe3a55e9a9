package org.kassa.payment.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kassa.payment.money.Money;

class PaymentReportTest {

  private static final LocalDate MON = LocalDate.of(2026, 11, 23);
  private static final LocalDate TUE = MON.plusDays(1);
  private static final LocalDate WED = MON.plusDays(2);

  @Test
  void everySeriesHasOneValuePerDayWithZerosWhereNothingHappened() {
    PaymentReport report =
        PaymentReport.of(
            MON,
            WED,
            List.of(new PaymentReport.OutcomeRow(TUE, 3, 1)),
            List.of(new PaymentReport.VolumeRow(WED, "JPY", 500)),
            List.of(new PaymentReport.DeclineRow(MON, "lost_card", 2)));

    assertThat(report.days()).containsExactly(MON, TUE, WED);
    assertThat(report.outcomes())
        .containsExactly(
            new PaymentReport.Outcomes(0, 0),
            new PaymentReport.Outcomes(3, 1),
            new PaymentReport.Outcomes(0, 0));
    assertThat(report.volume().get("JPY"))
        .containsExactly(Money.of(0, "JPY"), Money.of(0, "JPY"), Money.of(500, "JPY"));
    assertThat(report.declines().get("lost_card")).containsExactly(2L, 0L, 0L);
  }

  @Test
  void currenciesAreNeverAddedUpTogether() {
    PaymentReport report =
        PaymentReport.of(
            MON,
            TUE,
            List.of(),
            List.of(
                new PaymentReport.VolumeRow(MON, "EUR", 1050),
                new PaymentReport.VolumeRow(TUE, "EUR", 25),
                new PaymentReport.VolumeRow(MON, "KWD", 1234),
                new PaymentReport.VolumeRow(TUE, "BHD", 1)),
            List.of());

    assertThat(report.volume().keySet()).containsExactly("BHD", "EUR", "KWD");
    assertThat(report.totalVolume())
        .containsEntry("EUR", Money.of(1075, "EUR"))
        .containsEntry("KWD", Money.of(1234, "KWD"))
        .containsEntry("BHD", Money.of(1, "BHD"))
        .hasSize(3);
    assertThat(report.totalVolume().get("KWD").toDecimal())
        .isEqualByComparingTo(new BigDecimal("1.234"));
  }

  @Test
  void theSuccessRateCountsSucceededOfDecidedPaymentsRoundedHalfEven() {
    assertThat(new PaymentReport.Outcomes(2, 1).successRate()).contains(new BigDecimal("66.7"));
    assertThat(new PaymentReport.Outcomes(1, 0).successRate()).contains(new BigDecimal("100.0"));
    assertThat(new PaymentReport.Outcomes(0, 4).successRate()).contains(new BigDecimal("0.0"));
    // 1/8 = 12.5 exactly; 1/16 = 6.25 -> 6.2 (half even)
    assertThat(new PaymentReport.Outcomes(1, 15).successRate()).contains(new BigDecimal("6.2"));
    assertThat(new PaymentReport.Outcomes(0, 0).successRate()).isEmpty();

    PaymentReport report =
        PaymentReport.of(
            MON,
            TUE,
            List.of(
                new PaymentReport.OutcomeRow(MON, 1, 1), new PaymentReport.OutcomeRow(TUE, 2, 0)),
            List.of(),
            List.of());
    assertThat(report.total()).isEqualTo(new PaymentReport.Outcomes(3, 1));
    assertThat(report.total().successRate()).contains(new BigDecimal("75.0"));
  }

  @Test
  void declineReasonsComeMostFrequentFirst() {
    PaymentReport report =
        PaymentReport.of(
            MON,
            TUE,
            List.of(),
            List.of(),
            List.of(
                new PaymentReport.DeclineRow(MON, "expired_card", 1),
                new PaymentReport.DeclineRow(MON, "insufficient_funds", 2),
                new PaymentReport.DeclineRow(TUE, "insufficient_funds", 1),
                new PaymentReport.DeclineRow(TUE, "lost_card", 1)));

    assertThat(report.declines().keySet())
        .containsExactly("insufficient_funds", "expired_card", "lost_card");
    assertThat(report.totalDeclines())
        .containsEntry("insufficient_funds", 3L)
        .containsEntry("expired_card", 1L);
  }

  @Test
  void rowsOutsideThePeriodAreIgnoredAndAnEmptyPeriodIsRefused() {
    PaymentReport report =
        PaymentReport.of(
            TUE,
            TUE,
            List.of(new PaymentReport.OutcomeRow(MON, 5, 5)),
            List.of(new PaymentReport.VolumeRow(WED, "EUR", 100)),
            List.of());
    assertThat(report.total()).isEqualTo(new PaymentReport.Outcomes(0, 0));
    assertThat(report.volume()).isEmpty();
    assertThatThrownBy(() -> PaymentReport.of(WED, MON, List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
