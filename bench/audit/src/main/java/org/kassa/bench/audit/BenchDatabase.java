package org.kassa.bench.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.kassa.compliance.schema.SchemaMigration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of the benchmark's own, created empty for each trial and migrated by the compliance
 * module's own {@link SchemaMigration} (its Flyway scripts, its history table), then dropped.
 *
 * <p>Where it lives can be changed with system properties (pass them to the forks with {@code
 * -jvmArgsAppend}): {@code kassa.bench.pg} (default {@code //127.0.0.1:5432}, user {@code
 * kassa.bench.pg.user}, default {@code postgres}, no password) and {@code kassa.bench.h2.dir}
 * (default {@code target/audit-h2}).
 */
enum BenchDatabase {
  /** Embedded H2 in file mode: the product's default datasource. */
  H2 {
    private Path dir() {
      return Path.of(System.getProperty("kassa.bench.h2.dir", "target/audit-h2")).toAbsolutePath();
    }

    @Override
    DataSource create() {
      drop();
      JdbcDataSource ds = new JdbcDataSource();
      // The URL KassaDataSource.embeddedUrl builds for kassa.data.dir.
      ds.setURL(
          "jdbc:h2:file:" + dir().resolve("kassa") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
      ds.setUser("sa");
      ds.setPassword("");
      return ds;
    }

    @Override
    void drop() {
      Path dir = dir();
      if (!Files.exists(dir)) {
        return;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  },

  /** PostgreSQL, as in production and CI. */
  POSTGRESQL {
    private static final String NAME = "kassa_bench_audit";

    private PGSimpleDataSource dataSource(String database) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(
          "jdbc:postgresql:"
              + System.getProperty("kassa.bench.pg", "//127.0.0.1:5432")
              + "/"
              + database);
      ds.setUser(System.getProperty("kassa.bench.pg.user", "postgres"));
      return ds;
    }

    @Override
    DataSource create() {
      drop();
      admin("CREATE DATABASE " + NAME);
      return dataSource(NAME);
    }

    @Override
    void drop() {
      admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    }

    private void admin(String sql) {
      try (Connection c = dataSource("postgres").getConnection();
          Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }
  };

  /**
   * Brings a freshly loaded table to the state a live one is in (statistics gathered; on PostgreSQL
   * also vacuumed, so that the first read does not pay for setting hint bits), as the database's
   * own maintenance would have done.
   */
  void settle(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute(this == POSTGRESQL ? "VACUUM ANALYZE audit_event" : "ANALYZE");
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** Flyway's progress lines (through java.util.logging) would drown JMH's output. */
  private static final java.util.logging.Logger FLYWAY_LOG =
      java.util.logging.Logger.getLogger("org.flywaydb");

  /** Creates the database empty and returns where to connect. */
  abstract DataSource create();

  /** Drops the database and everything in it. */
  abstract void drop();

  static BenchDatabase of(String param) {
    return valueOf(param.toUpperCase(java.util.Locale.ROOT));
  }

  /** An empty database with the compliance schema, migrated as the product does at start-up. */
  DataSource createMigrated() {
    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    DataSource ds = create();
    SchemaMigration.migrate(ds, "compliance", BenchDatabase.class.getClassLoader());
    return ds;
  }
}
