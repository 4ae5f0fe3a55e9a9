package org.kassa.compliance.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs one module's Flyway migrations, from {@code db/migration/<module>} into its own history
 * table {@code flyway_history_<module>}. Every module migrates through here so that the histories
 * stay separate and the conventions stay one.
 */
public final class SchemaMigration {

  private SchemaMigration() {}

  /**
   * Migrates the module's schema.
   *
   * @param dataSource the application datasource
   * @param module the module name, used for the location and the history table
   * @param classLoader the module's class loader, where its migration scripts are
   * @return the number of migrations applied now
   */
  public static int migrate(DataSource dataSource, String module, ClassLoader classLoader) {
    MigrateResult result =
        Flyway.configure(classLoader)
            .dataSource(dataSource)
            .locations("classpath:db/migration/" + module)
            .table("flyway_history_" + module)
            // The schema is shared: when a module's history table is new but other modules' tables
            // exist, start its history at 0 so that its V1 still runs.
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
    return result.migrationsExecuted;
  }
}
