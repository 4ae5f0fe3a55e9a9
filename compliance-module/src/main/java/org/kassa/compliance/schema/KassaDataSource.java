package org.kassa.compliance.schema;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.xa.PGXADataSource;

/**
 * The datasource class behind {@code java:app/jdbc/kassa}: it connects to the configured JDBC URL,
 * or, when the URL is empty, to the embedded H2 file database under {@code kassa.data.dir}.
 *
 * <p>Why a class of our own: the container reads {@code @DataSourceDefinition} before the
 * application's configuration, and a fixed {@code className} cannot follow a URL that switches
 * between H2 and PostgreSQL at deploy time. Choosing the driver from the URL keeps the three
 * documented variables ({@code KASSA_DB_URL}, {@code KASSA_DB_USER}, {@code KASSA_DB_PASSWORD})
 * enough to move Kassa to PostgreSQL without a rebuild. The container's pool still does the pooling
 * and the transactions.
 */
public class KassaDataSource implements DataSource, XADataSource {

  static final String H2_DRIVER = "org.h2.Driver";
  static final String POSTGRES_DRIVER = "org.postgresql.Driver";

  private String url = "";
  private String user = "";
  private String password = "";
  private int loginTimeout;
  private PrintWriter logWriter;

  public void setUrl(String url) {
    this.url = url == null ? "" : url.trim();
  }

  public void setURL(String url) {
    setUrl(url);
  }

  public String getUrl() {
    return url;
  }

  public void setUser(String user) {
    this.user = user == null ? "" : user;
  }

  public String getUser() {
    return user;
  }

  public void setPassword(String password) {
    this.password = password == null ? "" : password;
  }

  /** The JDBC URL this datasource connects to, with the embedded default filled in. */
  public String effectiveUrl() {
    return url.isEmpty() ? embeddedUrl(dataDirectory()) : url;
  }

  static String embeddedUrl(Path dataDir) {
    // DB_CLOSE_ON_EXIT=FALSE: the container, not a JVM shutdown hook, closes the pool.
    // LOCK_TIMEOUT:
    // row locks (a session being paid, the audit chain head) are waited for, not failed after 1 s.
    return "jdbc:h2:file:"
        + dataDir.resolve("kassa")
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
  }

  static Path dataDirectory() {
    String configured =
        ConfigProvider.getConfig(KassaDataSource.class.getClassLoader())
            .getOptionalValue("kassa.data.dir", String.class)
            .orElse("kassa-data");
    return Path.of(configured).toAbsolutePath().normalize();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    Target target = target(username, pass);
    Properties props = new Properties();
    if (!target.user().isEmpty()) {
      props.setProperty("user", target.user());
    }
    props.setProperty("password", target.password());
    Connection connection = driverFor(target.url()).connect(target.url(), props);
    if (connection == null) {
      throw new SQLException("No driver accepts the configured database URL (kassa.db.url)");
    }
    return connection;
  }

  /** Where to connect and as whom; prepares the data folder of the embedded database. */
  private record Target(String url, String user, String password) {}

  private Target target(String username, String pass) throws SQLException {
    boolean embedded = url.isEmpty();
    if (embedded) {
      try {
        Files.createDirectories(dataDirectory());
      } catch (java.io.IOException e) {
        throw new SQLException("Cannot create the data folder " + dataDirectory(), e);
      }
    }
    String effectiveUser =
        username == null || username.isEmpty() ? (embedded ? "sa" : "") : username;
    return new Target(effectiveUrl(), effectiveUser, pass == null ? "" : pass);
  }

  @Override
  public XAConnection getXAConnection() throws SQLException {
    return getXAConnection(user, password);
  }

  @Override
  public XAConnection getXAConnection(String username, String pass) throws SQLException {
    Target target = target(username, pass);
    String jdbcUrl = target.url();
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(jdbcUrl);
      h2.setUser(target.user());
      h2.setPassword(target.password());
      return h2.getXAConnection();
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      PGXADataSource postgres = new PGXADataSource();
      postgres.setUrl(jdbcUrl);
      postgres.setUser(target.user());
      postgres.setPassword(target.password());
      return postgres.getXAConnection();
    }
    throw new SQLException(
        "Unsupported database URL: Kassa runs on H2 (jdbc:h2:) or PostgreSQL (jdbc:postgresql:)");
  }

  private static Driver driverFor(String jdbcUrl) throws SQLException {
    String driverClass;
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      driverClass = H2_DRIVER;
    } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      driverClass = POSTGRES_DRIVER;
    } else {
      throw new SQLException(
          "Unsupported database URL: Kassa runs on H2 (jdbc:h2:) or PostgreSQL (jdbc:postgresql:)");
    }
    try {
      return (Driver)
          Class.forName(driverClass, true, KassaDataSource.class.getClassLoader())
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new SQLException("JDBC driver " + driverClass + " is not available", e);
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("Not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
