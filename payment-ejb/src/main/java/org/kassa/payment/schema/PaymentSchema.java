package org.kassa.payment.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.kassa.compliance.schema.ComplianceSchema;
import org.kassa.compliance.schema.SchemaMigration;

/** Migrates the payment schema at start-up, after the compliance schema. */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class PaymentSchema {

  private static final Logger LOG = Logger.getLogger(PaymentSchema.class.getName());

  // Injecting it makes the container start the compliance migrations first, in a WAR and an EAR.
  @EJB private ComplianceSchema complianceSchema;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  private volatile boolean migrated;

  @PostConstruct
  void migrate() {
    if (!complianceSchema.isMigrated()) {
      throw new IllegalStateException("the compliance schema must be migrated first");
    }
    int applied = SchemaMigration.migrate(dataSource, "payment", getClass().getClassLoader());
    migrated = true;
    LOG.info(() -> "event=schema.migrated module=payment applied=" + applied);
  }

  public boolean isMigrated() {
    return migrated;
  }
}
