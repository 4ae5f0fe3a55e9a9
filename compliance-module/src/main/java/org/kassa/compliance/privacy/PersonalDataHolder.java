package org.kassa.compliance.privacy;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.Period;
import java.util.Map;

/**
 * A module that holds personal data: the compliance module answers data subject requests and
 * enforces retention through it, without knowing what the module stores. Implementations are CDI
 * beans (an EJB for transactions); every one found is asked.
 *
 * <p>Personal data a holder stores is sealed under the subject's key ({@link PersonalDataVault}),
 * so after {@link #erase} the subject's keys are shredded and whatever was missed, or is kept in a
 * backup, cannot be read either.
 */
public interface PersonalDataHolder {

  /** The holder's name in an export, e.g. {@code payments}. */
  String name();

  /**
   * Everything the holder keeps about the subject, readable: an answer to a GDPR Art. 15 access
   * request. Runs in the caller's transaction.
   */
  JsonObject export(String subjectRef);

  /**
   * Erases the subject's personal data the holder need not keep (GDPR Art. 17), keeping the
   * financial records the law requires (amounts, dates, pseudonymous ids). Runs in the caller's
   * transaction, before the subject's keys are shredded.
   *
   * @return what was done, without personal data, e.g. {@code payments=3 sessions=1}
   */
  String erase(String subjectRef);

  /**
   * The categories of personal data the holder keeps, each with its default retention period,
   * counted from the record's creation (or close, where the category says so). An operator
   * overrides a period with {@code kassa.retention.<category>}.
   */
  Map<String, Period> retention();

  /**
   * Erases the category's personal data on records older than the cutoff.
   *
   * @return how many records were changed
   */
  int expire(String category, Instant cutoff);
}
