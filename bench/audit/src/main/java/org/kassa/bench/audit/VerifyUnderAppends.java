package org.kassa.bench.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.kassa.compliance.audit.ChainVerification;

/**
 * Not a benchmark: verifies the chain, as {@code AuditTrail.verify} reads it, while other
 * connections append, and counts the verifications that report an intact chain as broken. Verify
 * reads the head first and then every event there is; at read committed an event committed in
 * between is read but unknown to the head it read. Run: {@code java -cp target/benchmarks.jar
 * org.kassa.bench.audit.VerifyUnderAppends [h2|postgresql] [seconds]}.
 */
public final class VerifyUnderAppends {

  private VerifyUnderAppends() {}

  public static void main(String[] args) throws Exception {
    BenchDatabase database = BenchDatabase.of(args.length > 0 ? args[0] : "postgresql");
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
    DataSource ds = database.createMigrated();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong appended = new AtomicLong();
    List<Thread> appenders = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      Thread appender =
          new Thread(
              () -> {
                try (Connection c = connect(ds)) {
                  while (running.get()) {
                    AuditStatements.chainedAppend(
                        c, AuditStatements.Record.payment(appended.incrementAndGet()));
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      appender.start();
      appenders.add(appender);
    }
    int verifications = 0;
    int broken = 0;
    String firstProblem = null;
    try (Connection c = connect(ds)) {
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      while (System.nanoTime() < end) {
        ChainVerification v = AuditStatements.verify(c);
        verifications++;
        if (!v.intact()) {
          broken++;
          if (firstProblem == null) {
            firstProblem = v.problem();
          }
        }
      }
      running.set(false);
      for (Thread appender : appenders) {
        appender.join();
      }
      ChainVerification after = AuditStatements.verify(c);
      System.out.printf(
          "%s: %d events appended by 2 connections; %d of %d verifications during the appends"
              + " reported a broken chain (first: %s); verified after the appends: %s%n",
          database, AuditStatements.headSeq(c), broken, verifications, firstProblem, after);
    } finally {
      database.drop();
    }
  }

  private static Connection connect(DataSource ds) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    return c;
  }
}
