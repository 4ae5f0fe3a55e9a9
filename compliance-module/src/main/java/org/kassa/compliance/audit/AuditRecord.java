package org.kassa.compliance.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a module asks the trail to record.
 *
 * @param actor who did it: a user name, {@code merchant:<id>}, {@code shopper} or {@code system}
 * @param action what happened, dotted, e.g. {@code checkout_session.created}
 * @param objectType the kind of object acted on
 * @param objectId its id
 * @param outcome the result, e.g. {@code open}, {@code captured}, {@code declined}
 * @param subjectRef a pseudonymous id of the person concerned, never the personal data itself
 * @param detail a short, non-personal explanation (decline code, amount), or null
 */
public record AuditRecord(
    @NotBlank @Size(max = 200) String actor,
    @NotBlank @Size(max = 100) String action,
    @NotBlank @Size(max = 60) String objectType,
    @NotBlank @Size(max = 100) String objectId,
    @NotBlank @Size(max = 60) String outcome,
    @Size(max = 100) String subjectRef,
    @Size(max = 1000) String detail) {

  /** A record without a subject or detail. */
  public static AuditRecord of(
      String actor, String action, String objectType, String objectId, String outcome) {
    return new AuditRecord(actor, action, objectType, objectId, outcome, null, null);
  }

  public AuditRecord withSubject(String pseudonymousSubject) {
    return new AuditRecord(
        actor, action, objectType, objectId, outcome, pseudonymousSubject, detail);
  }

  public AuditRecord withDetail(String text) {
    return new AuditRecord(actor, action, objectType, objectId, outcome, subjectRef, text);
  }
}
