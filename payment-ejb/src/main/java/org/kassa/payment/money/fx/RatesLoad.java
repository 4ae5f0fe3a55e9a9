package org.kassa.payment.money.fx;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one attempt to load a rates file did, kept in memory and logged.
 *
 * @param date the file's day, null if it could not be read
 * @param detail why it was rejected or kept out, or what a loaded file listed but is not quoted
 */
public record RatesLoad(
    Outcome outcome, String source, LocalDate date, String sha256, Instant at, String detail) {

  /** LOADED: now in use; UNCHANGED: the same file again; STALE: older than the rates in use. */
  public enum Outcome {
    LOADED,
    UNCHANGED,
    STALE,
    REJECTED
  }
}
