package org.kassa.compliance.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Defines the application datasource and migrates the compliance schema at start-up. Other modules
 * inject this bean before migrating their own schema, so the compliance tables always exist first.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits on its own
@DataSourceDefinition(
    name = "java:app/jdbc/kassa",
    className = "org.kassa.compliance.schema.KassaDataSource",
    // Inline defaults: the container resolves these before the application's config is loaded.
    url = "${MPCONFIG=kassa.db.url:}",
    user = "${MPCONFIG=kassa.db.user:}",
    password = "${MPCONFIG=kassa.db.password:}",
    minPoolSize = 1,
    maxPoolSize = 32,
    properties = {"fish.payara.log-jdbc-calls=false"})
public class ComplianceSchema {

  private static final Logger LOG = Logger.getLogger(ComplianceSchema.class.getName());

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  private volatile boolean migrated;

  @PostConstruct
  void migrate() {
    int applied = SchemaMigration.migrate(dataSource, "compliance", getClass().getClassLoader());
    migrated = true;
    LOG.info(() -> "event=schema.migrated module=compliance applied=" + applied);
  }

  /** Whether the compliance schema is up to date; used by the readiness check. */
  public boolean isMigrated() {
    return migrated;
  }
}
