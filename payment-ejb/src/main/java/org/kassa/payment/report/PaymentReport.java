package org.kassa.payment.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kassa.payment.money.CurrencyCode;
import org.kassa.payment.money.Money;

/**
 * A merchant's payments over a run of days (UTC), one value per day in every series, days without
 * payments as zero.
 *
 * @param days the days, oldest first
 * @param outcomes per day: how many payments succeeded and how many were declined
 * @param volume per currency (sorted by code): the amount captured per day, in that currency
 * @param declines per decline reason code (most frequent first): how many per day
 */
public record PaymentReport(
    List<LocalDate> days,
    List<Outcomes> outcomes,
    Map<String, List<Money>> volume,
    Map<String, List<Long>> declines)
    implements Serializable {

  /**
   * One day's outcomes. Succeeded: the payment was authorized or captured (whatever happened to it
   * afterwards: a refund or a dispute does not undo the success of the payment). Declined: the
   * payment failed. Payments still open, canceled or expired count as neither.
   */
  public record Outcomes(long succeeded, long declined) implements Serializable {

    /** Succeeded of succeeded and declined, in percent with one decimal; empty without either. */
    public Optional<BigDecimal> successRate() {
      long decided = succeeded + declined;
      return decided == 0
          ? Optional.empty()
          : Optional.of(
              BigDecimal.valueOf(succeeded)
                  .multiply(BigDecimal.valueOf(100))
                  .divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_EVEN));
    }
  }

  /** A row of the outcomes query: a day's counts. */
  record OutcomeRow(LocalDate day, long succeeded, long declined) {}

  /** A row of the volume query: what was captured in one currency on one day. */
  record VolumeRow(LocalDate day, String currency, long captured) {}

  /** A row of the declines query: how many were declined for one reason on one day. */
  record DeclineRow(LocalDate day, String reason, long count) {}

  public PaymentReport {
    days = List.copyOf(days);
    outcomes = List.copyOf(outcomes);
    volume = Collections.unmodifiableMap(new LinkedHashMap<>(volume));
    declines = Collections.unmodifiableMap(new LinkedHashMap<>(declines));
  }

  /**
   * Lays the query rows out over {@code firstDay} to {@code lastDay}, inclusive, with zeros for the
   * days a series has no row; rows outside the days are ignored.
   */
  static PaymentReport of(
      LocalDate firstDay,
      LocalDate lastDay,
      List<OutcomeRow> outcomeRows,
      List<VolumeRow> volumeRows,
      List<DeclineRow> declineRows) {
    if (lastDay.isBefore(firstDay)) {
      throw new IllegalArgumentException("a report ends on or after its first day");
    }
    List<LocalDate> days = firstDay.datesUntil(lastDay.plusDays(1)).toList();
    Map<LocalDate, Integer> index = new HashMap<>();
    for (int i = 0; i < days.size(); i++) {
      index.put(days.get(i), i);
    }
    Outcomes[] outcomes = new Outcomes[days.size()];
    java.util.Arrays.fill(outcomes, new Outcomes(0, 0));
    for (OutcomeRow r : outcomeRows) {
      Integer i = index.get(r.day());
      if (i != null) {
        Outcomes o = outcomes[i];
        outcomes[i] =
            new Outcomes(
                Math.addExact(o.succeeded(), r.succeeded()),
                Math.addExact(o.declined(), r.declined()));
      }
    }
    Map<String, long[]> captured = new TreeMap<>();
    for (VolumeRow r : volumeRows) {
      Integer i = index.get(r.day());
      if (i != null) {
        long[] series = captured.computeIfAbsent(r.currency(), c -> new long[days.size()]);
        series[i] = Math.addExact(series[i], r.captured());
      }
    }
    Map<String, List<Money>> volume = new LinkedHashMap<>();
    captured.forEach(
        (code, series) -> {
          CurrencyCode currency = CurrencyCode.of(code);
          List<Money> perDay = new ArrayList<>(series.length);
          for (long minor : series) {
            perDay.add(new Money(minor, currency));
          }
          volume.put(code, perDay);
        });
    Map<String, long[]> declined = new HashMap<>();
    for (DeclineRow r : declineRows) {
      Integer i = index.get(r.day());
      if (i != null) {
        long[] series = declined.computeIfAbsent(r.reason(), c -> new long[days.size()]);
        series[i] = Math.addExact(series[i], r.count());
      }
    }
    Map<String, List<Long>> declines = new LinkedHashMap<>();
    declined.entrySet().stream()
        .sorted(
            Map.Entry.<String, long[]>comparingByValue(
                    (a, b) -> Long.compare(sum(b), sum(a))) // most frequent first
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            e -> declines.put(e.getKey(), java.util.Arrays.stream(e.getValue()).boxed().toList()));
    return new PaymentReport(days, List.of(outcomes), volume, declines);
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total = Math.addExact(total, v);
    }
    return total;
  }

  /** The outcomes of the whole period. */
  public Outcomes total() {
    long succeeded = 0;
    long declined = 0;
    for (Outcomes o : outcomes) {
      succeeded = Math.addExact(succeeded, o.succeeded());
      declined = Math.addExact(declined, o.declined());
    }
    return new Outcomes(succeeded, declined);
  }

  /** What was captured in the whole period, per currency (sorted by code). */
  public Map<String, Money> totalVolume() {
    Map<String, Money> totals = new LinkedHashMap<>();
    volume.forEach(
        (code, series) -> totals.put(code, series.stream().reduce(Money::plus).orElseThrow()));
    return totals;
  }

  /** How many were declined in the whole period, per reason (most frequent first). */
  public Map<String, Long> totalDeclines() {
    Map<String, Long> totals = new LinkedHashMap<>();
    declines.forEach(
        (reason, series) -> totals.put(reason, series.stream().mapToLong(Long::longValue).sum()));
    return totals;
  }
}
