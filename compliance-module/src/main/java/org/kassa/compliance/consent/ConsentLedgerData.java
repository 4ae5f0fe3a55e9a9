package org.kassa.compliance.consent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.Period;
import java.util.Map;
import org.kassa.compliance.privacy.PersonalDataHolder;

/**
 * The consent ledger as a holder of personal data. Its records are pseudonymous and are the proof
 * that processing was lawful (GDPR Art. 7(1)), so erasure keeps them; the export shows every answer
 * with the exact wording.
 */
@Stateless
public class ConsentLedgerData implements PersonalDataHolder {

  @Inject private Consents consents;

  @Override
  public String name() {
    return "consents";
  }

  @Override
  public JsonObject export(String subjectRef) {
    JsonArrayBuilder records = Json.createArrayBuilder();
    for (ConsentRecord r : consents.history(subjectRef)) {
      records.add(
          Json.createObjectBuilder()
              .add("purpose", r.purpose())
              .add("action", r.action().name().toLowerCase(java.util.Locale.ROOT))
              .add("text_version", r.textVersion())
              .add("locale", r.locale())
              .add("text", consents.text(r.purpose(), r.textVersion(), r.locale()).orElse(""))
              .add("channel", r.channel())
              .add("recorded_at", r.recordedAt().toString()));
    }
    return Json.createObjectBuilder().add("records", records).build();
  }

  @Override
  public String erase(String subjectRef) {
    return "kept=" + consents.history(subjectRef).size() + " (proof of consent, pseudonymous)";
  }

  @Override
  public Map<String, Period> retention() {
    return Map.of();
  }

  @Override
  public int expire(String category, Instant cutoff) {
    return 0;
  }
}
