package org.kassa.compliance.audit;

import java.time.Instant;

/**
 * A filter over the trail; null fields do not filter.
 *
 * @param action exact action, e.g. {@code payment.captured}
 * @param from events at or after this time
 * @param to events before this time
 * @param objectId events about this object
 */
public record AuditQuery(String action, Instant from, Instant to, String objectId) {

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null);
  }

  public static AuditQuery forObject(String objectId) {
    return new AuditQuery(null, null, null, objectId);
  }
}
