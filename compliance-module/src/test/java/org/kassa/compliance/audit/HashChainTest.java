package org.kassa.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HashChainTest {

  private final List<Stored> chain = new ArrayList<>();
  private HashChain.ChainHeadState head;

  record Stored(
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
      implements HashChain.ChainedEvent {

    Stored withOutcome(String newOutcome) {
      return new Stored(
          seq,
          occurredAt,
          actor,
          action,
          objectType,
          objectId,
          newOutcome,
          subjectRef,
          detail,
          prevHash,
          hash);
    }

    Stored withSeq(long newSeq) {
      return new Stored(
          newSeq,
          occurredAt,
          actor,
          action,
          objectType,
          objectId,
          outcome,
          subjectRef,
          detail,
          prevHash,
          hash);
    }
  }

  @BeforeEach
  void writeFiveEvents() {
    String prev = HashChain.GENESIS;
    Instant t = Instant.parse("2026-11-25T10:15:30.123456789Z");
    for (int i = 1; i <= 5; i++) {
      Stored unhashed =
          new Stored(
              i,
              t.plusSeconds(i),
              "merchant:mer_1",
              "payment.captured",
              "payment",
              "pay_" + i,
              "captured",
              i % 2 == 0 ? "sub_abc" : null,
              "amount=1000 EUR",
              prev,
              null);
      String hash = HashChain.hash(prev, unhashed);
      Stored stored =
          new Stored(
              unhashed.seq(),
              unhashed.occurredAt(),
              unhashed.actor(),
              unhashed.action(),
              unhashed.objectType(),
              unhashed.objectId(),
              unhashed.outcome(),
              unhashed.subjectRef(),
              unhashed.detail(),
              prev,
              hash);
      chain.add(stored);
      prev = hash;
    }
    head = new HashChain.ChainHeadState(5, prev);
  }

  private ChainVerification verify() {
    return HashChain.verify(chain.iterator(), head);
  }

  @Test
  void anUntouchedChainVerifies() {
    ChainVerification result = verify();
    assertThat(result.intact()).isTrue();
    assertThat(result.eventsVerified()).isEqualTo(5);
  }

  @Test
  void hashIsInsensitiveToSubMicrosecondPrecisionTheDatabaseDrops() {
    Stored e = chain.get(0);
    Stored truncated =
        new Stored(
            e.seq(),
            HashChain.chainTime(e.occurredAt()),
            e.actor(),
            e.action(),
            e.objectType(),
            e.objectId(),
            e.outcome(),
            e.subjectRef(),
            e.detail(),
            e.prevHash(),
            e.hash());
    assertThat(HashChain.hash(e.prevHash(), truncated)).isEqualTo(e.hash());
  }

  @Test
  void anEditedFieldIsDetectedAtThatEvent() {
    chain.set(2, chain.get(2).withOutcome("refunded"));
    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(3);
    assertThat(result.problem()).contains("changed");
  }

  @Test
  void aDeletedMiddleEventIsDetectedAsAGap() {
    chain.remove(1);
    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(2);
    assertThat(result.problem()).contains("missing");
  }

  @Test
  void aDeletedLastEventIsDetectedThroughTheHead() {
    chain.remove(4);
    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(5);
  }

  @Test
  void swappedEventsAreDetected() {
    Stored second = chain.get(1);
    Stored third = chain.get(2);
    // Swap the two rows' contents but keep the sequence numbers in order, as an UPDATE would.
    chain.set(1, third.withSeq(2));
    chain.set(2, second.withSeq(3));
    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(2);
  }

  @Test
  void eventsReturnedOutOfOrderAreDetected() {
    Collections.swap(chain, 3, 4);
    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(4);
  }

  @Test
  void aRecomputedHashStillBreaksTheNextLink() {
    Stored edited = chain.get(1).withOutcome("failed");
    String rehashed = HashChain.hash(edited.prevHash(), edited);
    chain.set(
        1,
        new Stored(
            edited.seq(),
            edited.occurredAt(),
            edited.actor(),
            edited.action(),
            edited.objectType(),
            edited.objectId(),
            edited.outcome(),
            edited.subjectRef(),
            edited.detail(),
            edited.prevHash(),
            rehashed));
    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(3);
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    Stored a = chain.get(0);
    Stored shifted =
        new Stored(
            a.seq(),
            a.occurredAt(),
            a.actor() + "p",
            a.action().substring(1),
            a.objectType(),
            a.objectId(),
            a.outcome(),
            a.subjectRef(),
            a.detail(),
            a.prevHash(),
            null);
    Stored original =
        new Stored(
            a.seq(),
            a.occurredAt(),
            a.actor(),
            "p" + a.action().substring(1),
            a.objectType(),
            a.objectId(),
            a.outcome(),
            a.subjectRef(),
            a.detail(),
            a.prevHash(),
            null);
    assertThat(HashChain.hash(a.prevHash(), shifted))
        .isNotEqualTo(HashChain.hash(a.prevHash(), original));
  }
}
