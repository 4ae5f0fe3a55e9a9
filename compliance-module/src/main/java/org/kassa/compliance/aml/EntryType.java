package org.kassa.compliance.aml;

import java.util.Locale;

/** What a listed entry is. */
public enum EntryType {
  PERSON,
  ORGANIZATION,
  VESSEL,
  AIRCRAFT,
  /** The list does not say. */
  UNKNOWN;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
