package org.kassa.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.kassa.compliance.schema.ComplianceSchema;
import org.kassa.payment.schema.PaymentSchema;

/** Ready when the database answers and every module's migrations have run. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  @Inject private ComplianceSchema complianceSchema;
  @Inject private PaymentSchema paymentSchema;

  @Override
  public HealthCheckResponse call() {
    boolean answers;
    try (Connection c = dataSource.getConnection()) {
      answers = c.isValid(2);
    } catch (SQLException e) {
      answers = false;
    }
    boolean migrated = complianceSchema.isMigrated() && paymentSchema.isMigrated();
    return HealthCheckResponse.named("kassa-database")
        .status(answers && migrated)
        .withData("database", answers ? "up" : "down")
        .withData("migrations", migrated ? "done" : "pending")
        .build();
  }
}
