package org.kassa.compliance.kyc;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's checked identity: personal data, stored only sealed (its JSON form) under the
 * subject's key.
 *
 * @param document the identity document (FULL), or null (BASIC)
 */
public record Identity(
    String name,
    LocalDate dateOfBirth,
    String addressLine,
    String postalCode,
    String city,
    String country,
    Document document) {

  /**
   * An identity document.
   *
   * @param number normalized: upper case, without spaces, dashes or an MRZ check digit
   */
  public record Document(
      DocumentType type, String number, String issuingCountry, LocalDate expiry) {
    public Document {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(number, "number");
    }
  }

  public Identity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
  }

  /** The tier this identity is for. */
  public KycTier tier() {
    return document == null ? KycTier.BASIC : KycTier.FULL;
  }

  public Optional<Document> documentIfAny() {
    return Optional.ofNullable(document);
  }

  /** The form sealed at rest and shown in an access export. */
  public JsonObject toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("name", name)
            .add("date_of_birth", dateOfBirth.toString())
            .add("address_line", addressLine)
            .add("postal_code", postalCode)
            .add("city", city)
            .add("country", country);
    if (document != null) {
      json.add(
          "document",
          Json.createObjectBuilder()
              .add("type", document.type().apiName())
              .add("number", document.number())
              .add("issuing_country", document.issuingCountry())
              .add("expiry", document.expiry().toString()));
    }
    return json.build();
  }

  /** Reads {@link #toJson()} back. */
  public static Identity fromJson(String text) {
    JsonObject json = Json.createReader(new StringReader(text)).readObject();
    Document document = null;
    if (json.containsKey("document")) {
      JsonObject d = json.getJsonObject("document");
      document =
          new Document(
              DocumentType.ofApiName(d.getString("type")).orElseThrow(),
              d.getString("number"),
              d.getString("issuing_country"),
              LocalDate.parse(d.getString("expiry")));
    }
    return new Identity(
        json.getString("name"),
        LocalDate.parse(json.getString("date_of_birth")),
        json.getString("address_line"),
        json.getString("postal_code"),
        json.getString("city"),
        json.getString("country"),
        document);
  }
}
