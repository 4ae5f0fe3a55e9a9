package org.kassa.compliance.aml;

/**
 * What loading a file did.
 *
 * @param outcome loaded (now active), unchanged (the same file is active already), or rejected
 * @param version the version recorded (the active one when unchanged)
 */
public record ListLoadResult(Outcome outcome, ListVersion version) {

  /** What loading a file did. */
  public enum Outcome {
    LOADED,
    UNCHANGED,
    REJECTED
  }
}
