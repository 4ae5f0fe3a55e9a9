package org.kassa.compliance.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import org.kassa.compliance.text.Sha256;

/**
 * The rules of the chain: how an event is encoded canonically, how its hash is computed, and how a
 * sequence of stored events is verified. Pure logic, so it is tested without a database.
 *
 * <p>The canonical encoding writes every field length-prefixed ({@code <length>:<value>;}, null as
 * {@code -1:;}) so that no two different events encode the same, and the time as epoch
 * microseconds, the precision both H2 and PostgreSQL keep.
 */
public final class HashChain {

  /** The previous-hash of the first event. */
  public static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  /** The time as the chain stores it: UTC, truncated to microseconds. */
  public static Instant chainTime(Instant time) {
    return time.truncatedTo(ChronoUnit.MICROS);
  }

  /** The hash of an event whose predecessor has hash {@code prevHash}. */
  public static String hash(String prevHash, ChainedEvent e) {
    StringBuilder canonical = new StringBuilder(256);
    field(canonical, prevHash);
    field(canonical, Long.toString(e.seq()));
    Instant t = chainTime(e.occurredAt());
    field(canonical, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, t)));
    field(canonical, e.actor());
    field(canonical, e.action());
    field(canonical, e.objectType());
    field(canonical, e.objectId());
    field(canonical, e.outcome());
    field(canonical, e.subjectRef());
    field(canonical, e.detail());
    return Sha256.hex(canonical.toString());
  }

  private static void field(StringBuilder out, String value) {
    if (value == null) {
      out.append("-1:;");
    } else {
      out.append(value.length()).append(':').append(value).append(';');
    }
  }

  /**
   * Walks stored events in the order of their sequence numbers and reports the first broken link.
   *
   * @param events the stored events, ordered by {@code seq}
   * @param head the chain head: the last sequence number and hash the trail wrote
   */
  public static ChainVerification verify(
      Iterator<? extends ChainedEvent> events, ChainHeadState head) {
    return verifyRange(events, new ChainHeadState(0, GENESIS), head);
  }

  /**
   * Verifies a range of the chain: from the event after {@code anchor} (the sequence number and
   * hash of the event before the range; {@code (0, GENESIS)} for the start) to {@code end}.
   */
  public static ChainVerification verifyRange(
      Iterator<? extends ChainedEvent> events, ChainHeadState anchor, ChainHeadState end) {
    String prevHash = anchor.lastHash();
    long expectedSeq = anchor.lastSeq() + 1;
    long checked = anchor.lastSeq();
    while (events.hasNext()) {
      ChainedEvent e = events.next();
      if (e.seq() != expectedSeq) {
        return ChainVerification.broken(
            checked - anchor.lastSeq(),
            expectedSeq,
            e.seq() < expectedSeq
                ? "event " + e.seq() + " appears out of order"
                : "events " + expectedSeq + " to " + (e.seq() - 1) + " are missing");
      }
      if (!prevHash.equals(e.prevHash())) {
        return ChainVerification.broken(
            checked - anchor.lastSeq(),
            e.seq(),
            "event " + e.seq() + " does not point to the hash of its predecessor");
      }
      if (!hash(prevHash, e).equals(e.hash())) {
        return ChainVerification.broken(
            checked - anchor.lastSeq(),
            e.seq(),
            "event " + e.seq() + " was changed after it was written");
      }
      prevHash = e.hash();
      checked++;
      expectedSeq++;
    }
    if (end.lastSeq() != checked) {
      return ChainVerification.broken(
          checked - anchor.lastSeq(),
          checked + 1,
          end.lastSeq() > checked
              ? "events " + (checked + 1) + " to " + end.lastSeq() + " are missing"
              : "the chain head does not know events after " + end.lastSeq());
    }
    if (!end.lastHash().equals(prevHash)) {
      return ChainVerification.broken(
          checked - anchor.lastSeq(),
          checked,
          "the last event does not match the chain head's hash");
    }
    return ChainVerification.intact(checked - anchor.lastSeq());
  }

  /** The fields of a stored event the chain covers. */
  public interface ChainedEvent {
    long seq();

    Instant occurredAt();

    String actor();

    String action();

    String objectType();

    String objectId();

    String outcome();

    String subjectRef();

    String detail();

    String prevHash();

    String hash();
  }

  /**
   * An event as it stands outside the database: read from an export, or built by a benchmark. The
   * stored entity ({@link AuditEvent}) is the other implementation.
   */
  public record Event(
      long seq,
      Instant occurredAt,
      String actor,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String subjectRef,
      String detail,
      String prevHash,
      String hash)
      implements ChainedEvent {}

  /** Where the trail says the chain ends. */
  public record ChainHeadState(long lastSeq, String lastHash) {}
}
