package org.kassa.compliance.privacy;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;

/**
 * Enforces the retention period of every category of personal data, daily: each holder erases the
 * category's data on records older than the period ({@code kassa.retention.<category>}, an ISO-8601
 * period such as {@code P2Y}, else the holder's default). Erasing is idempotent, so every node may
 * run it: a second node finds nothing left to do.
 */
@Singleton
public class RetentionSchedule {

  private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

  @Inject @Any private Instance<PersonalDataHolder> holders;
  @Inject private AuditTrail audit;
  @Inject private Config config;

  private final Clock clock = Clock.systemUTC();

  @Schedule(hour = "3", minute = "17", persistent = false)
  void daily() {
    enforce(clock.instant());
  }

  /**
   * Erases what is past its retention period as of the given time.
   *
   * @return per category, how many records were changed
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Map<String, Integer> enforce(Instant asOf) {
    Map<String, Integer> changed = new LinkedHashMap<>();
    for (PersonalDataHolder holder : holders) {
      for (Map.Entry<String, Period> category : holder.retention().entrySet()) {
        Period period = period(category.getKey(), category.getValue());
        Instant cutoff = asOf.atZone(ZoneOffset.UTC).minus(period).toInstant();
        int count = holder.expire(category.getKey(), cutoff);
        changed.put(category.getKey(), count);
        if (count > 0) {
          audit.append(
              AuditRecord.of(
                      "retention",
                      "retention.enforced",
                      "data_category",
                      category.getKey(),
                      "erased")
                  .withDetail("records=" + count + " period=" + period + " cutoff=" + cutoff));
          LOG.info(
              () -> "event=retention.enforced category=" + category.getKey() + " records=" + count);
        }
      }
    }
    return changed;
  }

  /** The configured period of a category, or its default. */
  public Period period(String category, Period fallback) {
    return config
        .getOptionalValue("kassa.retention." + category, String.class)
        .map(Period::parse)
        .orElse(fallback);
  }
}
