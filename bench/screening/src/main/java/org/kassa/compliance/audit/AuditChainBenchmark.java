package org.kassa.compliance.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The audit chain's own cost, without a database: hashing one appended event (what every audited
 * transaction computes while it holds the chain head's lock), and verifying a stored chain
 * (events per second).
 */
@State(Scope.Benchmark)
public class AuditChainBenchmark {

  static final int CHAIN = 100_000;

  private final List<HashChain.Event> chain = new ArrayList<>(CHAIN);
  private HashChain.ChainHeadState head;
  private HashChain.Event next;

  @Setup(Level.Trial)
  public void build() {
    String prev = HashChain.GENESIS;
    Instant t = Instant.parse("2026-11-26T00:00:00Z");
    for (int i = 1; i <= CHAIN; i++) {
      HashChain.Event unsigned = event(i, t.plusMillis(i), prev, null);
      String hash = HashChain.hash(prev, unsigned);
      chain.add(event(i, unsigned.occurredAt(), prev, hash));
      prev = hash;
    }
    head = new HashChain.ChainHeadState(CHAIN, prev);
    next = event(CHAIN + 1, t.plusMillis(CHAIN + 1), prev, null);
  }

  private static HashChain.Event event(long seq, Instant at, String prev, String hash) {
    return new HashChain.Event(
        seq,
        at,
        "merchant:mer_demo",
        seq % 2 == 0 ? "payment.captured" : "payment.processing",
        "payment",
        "pay_" + seq,
        seq % 2 == 0 ? "captured" : "processing",
        "psn_4f1c2d9e8b7a6c5d",
        "session=cs_" + seq + " amount=19.99 EUR",
        prev,
        hash);
  }

  /** The hash an append computes for the next event. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public String appendHash() {
    return HashChain.hash(head.lastHash(), next);
  }

  /** Verifying the whole chain of {@value #CHAIN} events; the score is in events per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(CHAIN)
  public ChainVerification verify() {
    return HashChain.verify(chain.iterator(), head);
  }
}
