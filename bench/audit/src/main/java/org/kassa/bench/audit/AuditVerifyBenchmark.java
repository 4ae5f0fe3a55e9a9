package org.kassa.bench.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.kassa.compliance.audit.ChainVerification;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying a stored chain of {@code events} events from the database, as {@code AuditTrail.verify}
 * reads it: the head, then batches of 500 ordered by seq and paged by OFFSET. The primary score is
 * whole verifications per second; the {@code verified} counter is the same in events per second.
 * {@link #verifyByKey} reads the same batches by key ({@code WHERE seq > ?}), which the product
 * does not do: it shows what the offset costs as the chain grows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 1)
public class AuditVerifyBenchmark {

  @Param({"h2", "postgresql"})
  public String db;

  @Param({"10000", "50000"})
  public int events;

  private BenchDatabase database;
  private Connection connection;

  @Setup(Level.Trial)
  public void storeChain() throws SQLException {
    database = BenchDatabase.of(db);
    connection = database.createMigrated().getConnection();
    connection.setAutoCommit(false);
    AuditStatements.load(connection, events);
    database.settle(connection);
  }

  @TearDown(Level.Trial)
  public void drop() throws SQLException {
    connection.close();
    database.drop();
  }

  /** Events verified, reported per second next to the primary score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Verified {
    public long verified;
  }

  /** The whole chain, read as AuditTrail.verify reads it. */
  @Benchmark
  public ChainVerification verify(Verified counter) throws SQLException {
    return counted(AuditStatements.verify(connection), counter);
  }

  /** The whole chain, batches read by key instead of by offset (not what the product does). */
  @Benchmark
  public ChainVerification verifyByKey(Verified counter) throws SQLException {
    return counted(AuditStatements.verifyByKey(connection), counter);
  }

  private ChainVerification counted(ChainVerification v, Verified counter) {
    if (!v.intact() || v.eventsVerified() != events) {
      throw new IllegalStateException("the stored chain does not verify: " + v);
    }
    counter.verified += v.eventsVerified();
    return v;
  }
}
