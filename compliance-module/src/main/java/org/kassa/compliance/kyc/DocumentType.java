package org.kassa.compliance.kyc;

import java.util.Locale;
import java.util.Optional;

/** The identity documents FULL verification takes. */
public enum DocumentType {
  PASSPORT,
  ID_CARD,
  DRIVING_LICENCE;

  /** {@code passport}, {@code id_card}, {@code driving_licence}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type of an API name, if it is one. */
  public static Optional<DocumentType> ofApiName(String name) {
    for (DocumentType t : values()) {
      if (t.apiName().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
