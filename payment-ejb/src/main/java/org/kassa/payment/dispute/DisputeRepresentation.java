package org.kassa.payment.dispute;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** A dispute as merchants see it, in the API and in webhook events alike. */
public final class DisputeRepresentation {

  private DisputeRepresentation() {}

  public static JsonObject of(Dispute d, List<EvidenceFile> files) {
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("id", d.id())
            .add("object", "dispute")
            .add("payment", d.paymentId())
            .add("status", d.status().apiName())
            .add("amount", d.amount().minorUnits())
            .add("currency", d.amount().currency().code())
            .add("gateway", d.gateway())
            .add("created_at", d.createdAt().toString());
    d.reason().ifPresentOrElse(r -> out.add("reason", r), () -> out.addNull("reason"));
    d.evidenceDueBy()
        .ifPresentOrElse(
            t -> out.add("evidence_due_by", t.toString()), () -> out.addNull("evidence_due_by"));
    JsonObjectBuilder evidence = Json.createObjectBuilder();
    d.evidenceText().ifPresentOrElse(t -> evidence.add("text", t), () -> evidence.addNull("text"));
    d.evidenceSubmittedAt()
        .ifPresentOrElse(
            t -> evidence.add("submitted_at", t.toString()),
            () -> evidence.addNull("submitted_at"));
    JsonArrayBuilder fileList = Json.createArrayBuilder();
    for (EvidenceFile f : files) {
      fileList.add(
          Json.createObjectBuilder()
              .add("id", f.id())
              .add("name", f.fileName())
              .add("content_type", f.contentType())
              .add("size", f.size())
              .add("sha256", f.sha256()));
    }
    evidence.add("files", fileList);
    out.add("evidence", evidence);
    return out.build();
  }
}
