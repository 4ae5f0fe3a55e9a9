package org.kassa.compliance.privacy;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;

/**
 * A data subject's rights across every module: access (an export of everything held) and erasure
 * (each holder blanks what it need not keep, then the subject's keys are shredded), each audited by
 * pseudonymous id only, so the audit chain still verifies after an erasure.
 */
@Stateless
public class SubjectRights {

  @Inject @Any private Instance<PersonalDataHolder> holders;
  @Inject private PersonalDataVault vault;
  @Inject private AuditTrail audit;

  private final Clock clock = Clock.systemUTC();

  /** Everything held about the subject, from every module, as one JSON document. */
  public JsonObject export(String subjectRef, String actor) {
    JsonObjectBuilder modules = Json.createObjectBuilder();
    for (PersonalDataHolder holder : sortedHolders()) {
      modules.add(holder.name(), holder.export(subjectRef));
    }
    audit.append(
        AuditRecord.of(actor, "subject.exported", "subject", subjectRef, "exported")
            .withSubject(subjectRef));
    return Json.createObjectBuilder()
        .add("subject", subjectRef)
        .add("exported_at", clock.instant().toString())
        .add(
            "erased", vault.isShredded(subjectRef)) // an erased subject's sealed data reads as null
        .add("modules", modules)
        .build();
  }

  /**
   * Erases the subject everywhere: every holder blanks what it need not keep, then every key of the
   * subject is destroyed.
   *
   * @return what was done, without personal data
   */
  public String erase(String subjectRef, String actor) {
    List<String> done = new ArrayList<>();
    for (PersonalDataHolder holder : sortedHolders()) {
      done.add(holder.name() + "[" + holder.erase(subjectRef) + "]");
    }
    int keys = vault.shred(subjectRef);
    done.add("keys_shredded=" + keys);
    String summary = String.join(" ", done);
    audit.append(
        AuditRecord.of(actor, "subject.erased", "subject", subjectRef, "erased")
            .withSubject(subjectRef)
            .withDetail(summary.length() > 1000 ? summary.substring(0, 1000) : summary));
    return summary;
  }

  private List<PersonalDataHolder> sortedHolders() {
    List<PersonalDataHolder> all = new ArrayList<>();
    holders.forEach(all::add);
    all.sort(Comparator.comparing(PersonalDataHolder::name));
    return all;
  }
}
