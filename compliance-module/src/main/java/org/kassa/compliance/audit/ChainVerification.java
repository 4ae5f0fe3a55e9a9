package org.kassa.compliance.audit;

/**
 * The result of walking the audit chain.
 *
 * @param intact whether every link verified
 * @param eventsVerified how many events verified before the first broken link (all of them when
 *     intact)
 * @param firstBrokenSeq the sequence number where the chain breaks, or null when intact
 * @param problem what is wrong there, in words, or null when intact
 */
public record ChainVerification(
    boolean intact, long eventsVerified, Long firstBrokenSeq, String problem) {

  public static ChainVerification intact(long events) {
    return new ChainVerification(true, events, null, null);
  }

  public static ChainVerification broken(long verified, long seq, String problem) {
    return new ChainVerification(false, verified, seq, problem);
  }
}
