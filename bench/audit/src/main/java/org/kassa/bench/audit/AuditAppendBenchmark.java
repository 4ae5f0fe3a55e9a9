package org.kassa.bench.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.kassa.compliance.audit.ChainVerification;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One audit event per transaction, two ways in the same run: {@link #chainedAppend} as {@code
 * AuditTrail.append} does it (the chain head's row lock, the hash, the insert, the head's update),
 * and {@link #plainInsert}, the same row without the chain. Run it with {@code -t 1}, {@code -t 2}
 * and {@code -t 4}: every thread has its own connection, as concurrent requests (or nodes) do, and
 * the chained appends queue on the one head row.
 *
 * <p>H2 runs in the benchmark's JVM and needs ten seconds or so of warm-up before its figures
 * settle (RunAll gives it four warm-up iterations); PostgreSQL's are bound by the commit's flush.
 *
 * <p>Each trial starts from an empty, freshly migrated database. After a chained trial the whole
 * chain is verified, so a run that lost or forked an event fails instead of reporting a figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 5, time = 1)
public class AuditAppendBenchmark {

  @Param({"h2", "postgresql"})
  public String db;

  private BenchDatabase database;
  private DataSource dataSource;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final AtomicLong plainSeq = new AtomicLong();
  private final AtomicLong records = new AtomicLong();

  @Setup(Level.Trial)
  public void createDatabase() {
    database = BenchDatabase.of(db);
    dataSource = database.createMigrated();
  }

  @TearDown(Level.Trial)
  public void checkAndDrop() throws SQLException {
    try (Connection c = open()) {
      long head = AuditStatements.headSeq(c);
      if (head > 0) {
        // By key: the product's offset paging needs minutes for the million events a warm H2 run
        // appends, and this check is about the chain, not about how verify pages.
        ChainVerification v = AuditStatements.verifyByKey(c);
        if (!v.intact() || v.eventsVerified() != head) {
          throw new IllegalStateException("the chain does not verify after the run: " + v);
        }
        System.out.println(" chain intact: " + head + " events");
      }
    } finally {
      for (Connection c : connections) {
        c.close();
      }
      database.drop();
    }
  }

  Connection open() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    connections.add(c);
    return c;
  }

  /** A thread's connection, like a pooled connection held for a request. */
  @State(Scope.Thread)
  public static class Session {
    Connection connection;

    @Setup(Level.Trial)
    public void connect(AuditAppendBenchmark bench) throws SQLException {
      connection = bench.open();
    }
  }

  /** One event appended exactly as AuditTrail.append does, committed on its own. */
  @Benchmark
  public long chainedAppend(Session s) throws SQLException {
    return AuditStatements.chainedAppend(
        s.connection, AuditStatements.Record.payment(records.incrementAndGet()));
  }

  /** The same row, committed on its own, without the head's lock and without the hash. */
  @Benchmark
  public long plainInsert(Session s) throws SQLException {
    return AuditStatements.plainInsert(
        s.connection,
        plainSeq.incrementAndGet(),
        AuditStatements.Record.payment(records.incrementAndGet()));
  }
}
