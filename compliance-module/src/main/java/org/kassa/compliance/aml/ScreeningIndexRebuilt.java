package org.kassa.compliance.aml;

/**
 * A CDI event: this node now screens with a new index, because list versions changed. Observers
 * re-check what was decided against the old one (whitelistings, screened customers).
 *
 * @param snapshot the new index
 */
public record ScreeningIndexRebuilt(ScreeningSnapshot snapshot) {}
