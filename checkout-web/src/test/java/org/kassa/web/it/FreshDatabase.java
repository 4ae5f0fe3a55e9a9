package org.kassa.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each integration test run a database of its own before any Payara Micro starts: an empty H2
 * data folder, or, with {@code -Ppostgres}, a freshly created PostgreSQL database (dropped and
 * created again, so a failed earlier run leaves nothing behind).
 */
public class FreshDatabase implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String dataDir = System.getProperty("kassa.it.dataDir");
    if (dataDir == null) {
      return; // unit tests: no container, no database
    }
    deleteRecursively(Path.of(dataDir));
    if ("postgres".equals(System.getProperty("kassa.it.db"))) {
      recreatePostgres(System.getenv("KASSA_DB_URL"), System.getenv("KASSA_DB_USER"));
    }
  }

  static void recreatePostgres(String url, String user) {
    int slash = url.lastIndexOf('/');
    String database = url.substring(slash + 1).replaceAll("\\?.*", "");
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "test database name must be a plain identifier: " + database);
    }
    String admin = url.substring(0, slash + 1) + "postgres";
    try (Connection c = DriverManager.getConnection(admin, user, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create the PostgreSQL test database " + database + " at " + admin, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
