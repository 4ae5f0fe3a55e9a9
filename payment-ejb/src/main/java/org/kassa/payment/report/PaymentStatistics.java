package org.kassa.payment.report;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.kassa.payment.payment.PaymentStatus;

/**
 * The dashboard's numbers: a merchant's payments per day (UTC, by when the payment was created),
 * counted and summed by the database. Read only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PaymentStatistics {

  /** The longest report one call makes, in days. */
  public static final int MAX_DAYS = 366;

  /** Statuses of payments that were authorized or captured, whatever happened afterwards. */
  static final EnumSet<PaymentStatus> SUCCEEDED =
      EnumSet.of(
          PaymentStatus.AUTHORIZED,
          PaymentStatus.PARTIALLY_CAPTURED,
          PaymentStatus.CAPTURED,
          PaymentStatus.PARTIALLY_REFUNDED,
          PaymentStatus.REFUNDED,
          PaymentStatus.DISPUTED,
          PaymentStatus.CHARGED_BACK);

  // The UTC day of a timestamp, the same on H2 and PostgreSQL whatever the session's time zone.
  private static final String DAY = "CAST(created_at AT TIME ZONE 'UTC' AS DATE)";
  private static final String PERIOD =
      " FROM payment WHERE merchant_id = ?1 AND created_at >= ?2 AND created_at < ?3";

  private static final String OUTCOMES_SQL =
      "SELECT "
          + DAY
          + ", SUM(CASE WHEN status IN ("
          + SUCCEEDED.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "))
          + ") THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END)"
          + PERIOD
          + " GROUP BY "
          + DAY;

  private static final String VOLUME_SQL =
      "SELECT "
          + DAY
          + ", currency, SUM(amount_captured)"
          + PERIOD
          + " AND amount_captured > 0 GROUP BY "
          + DAY
          + ", currency";

  private static final String DECLINES_SQL =
      "SELECT "
          + DAY
          + ", COALESCE(decline_code, 'generic_decline'), COUNT(*)"
          + PERIOD
          + " AND status = 'FAILED' GROUP BY "
          + DAY
          + ", COALESCE(decline_code, 'generic_decline')";

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  /**
   * The merchant's report from {@code firstDay} to {@code lastDay}, both included (UTC days).
   *
   * @throws IllegalArgumentException if the period is empty or longer than {@value #MAX_DAYS} days
   */
  public PaymentReport report(
      @NotBlank String merchantId, @NotNull LocalDate firstDay, @NotNull LocalDate lastDay) {
    if (lastDay.isBefore(firstDay) || firstDay.plusDays(MAX_DAYS).isBefore(lastDay.plusDays(1))) {
      throw new IllegalArgumentException(
          "a report covers 1 to " + MAX_DAYS + " days, not " + firstDay + " to " + lastDay);
    }
    Timestamp from = Timestamp.from(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant());
    Timestamp until = Timestamp.from(lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    List<PaymentReport.OutcomeRow> outcomes =
        rows(OUTCOMES_SQL, merchantId, from, until).stream()
            .map(r -> new PaymentReport.OutcomeRow(day(r[0]), number(r[1]), number(r[2])))
            .toList();
    List<PaymentReport.VolumeRow> volume =
        rows(VOLUME_SQL, merchantId, from, until).stream()
            .map(
                r ->
                    new PaymentReport.VolumeRow(
                        day(r[0]), String.valueOf(r[1]).strip(), number(r[2])))
            .toList();
    List<PaymentReport.DeclineRow> declines =
        rows(DECLINES_SQL, merchantId, from, until).stream()
            .map(r -> new PaymentReport.DeclineRow(day(r[0]), String.valueOf(r[1]), number(r[2])))
            .toList();
    return PaymentReport.of(firstDay, lastDay, outcomes, volume, declines);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, String merchantId, Timestamp from, Timestamp until) {
    return em.createNativeQuery(sql)
        .setParameter(1, merchantId)
        .setParameter(2, from)
        .setParameter(3, until)
        .getResultList();
  }

  private static LocalDate day(Object value) {
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    return LocalDate.parse(String.valueOf(value).substring(0, 10));
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
