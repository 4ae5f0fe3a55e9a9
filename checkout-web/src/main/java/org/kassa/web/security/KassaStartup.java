package org.kassa.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.privacy.Pseudonymizer;
import org.kassa.compliance.schema.SchemaMigration;
import org.kassa.payment.merchant.DemoMerchant;

/**
 * Start-up of the web module: checks the mode, migrates the web schema, seeds the demo console
 * users in demo mode, and says in the log where to go.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits on its own
public class KassaStartup {

  private static final Logger LOG = Logger.getLogger(KassaStartup.class.getName());

  public static final String DEMO_MERCHANT_USER = "merchant@kassa.test";
  public static final String DEMO_OFFICER_USER = "officer@kassa.test";

  /** A second compliance officer, so that four-eyes clearing of sanctions hits can be tried out. */
  public static final String DEMO_SECOND_OFFICER_USER = "officer2@kassa.test";

  /** A second merchant admin, so that four-eyes refund approvals can be tried out. */
  public static final String DEMO_APPROVER_USER = "approver@kassa.test";

  // Injecting it runs the compliance and payment migrations and the demo merchant first.
  @EJB private DemoMerchant demoMerchant;

  @Resource(lookup = "java:app/jdbc/kassa")
  private DataSource dataSource;

  @Inject private ConsoleUsers users;
  @Inject private org.kassa.compliance.access.ComplianceApiKeys complianceKeys;

  /** The demo compliance tools' key, for the screening API (demo mode only). */
  public static final String DEFAULT_COMPLIANCE_KEY = "ck_test_kassa_compliance_demo_Q8vR2mT5xL";

  @Inject
  @ConfigProperty(
      name = "kassa.audit.signing-key",
      defaultValue = org.kassa.compliance.audit.AuditCheckpoints.DEMO_SIGNING_KEY)
  private String auditSigningKey;

  @Inject
  @ConfigProperty(name = "kassa.demo.compliance-key", defaultValue = DEFAULT_COMPLIANCE_KEY)
  private String demoComplianceKey;

  @Inject
  @ConfigProperty(
      name = "kassa.privacy.master-key",
      defaultValue = org.kassa.compliance.privacy.PersonalDataVault.DEMO_MASTER_KEY)
  private String privacyMasterKey;

  @Inject
  @ConfigProperty(name = "kassa.mode", defaultValue = "demo")
  private String mode;

  @Inject
  @ConfigProperty(name = "kassa.pseudonym.secret", defaultValue = Pseudonymizer.DEMO_SECRET)
  private String pseudonymSecret;

  @Inject
  @ConfigProperty(name = "kassa.demo.api-key", defaultValue = DemoMerchant.DEFAULT_API_KEY)
  private String demoApiKey;

  @Inject
  @ConfigProperty(name = "kassa.demo.password", defaultValue = "kassa-demo")
  private String demoPassword;

  @Inject
  @ConfigProperty(name = "kassa.public-url", defaultValue = "http://localhost:8080")
  private String publicUrl;

  @PostConstruct
  void start() {
    checkMode(mode, pseudonymSecret, auditSigningKey);
    checkMasterKey(mode, privacyMasterKey);
    demoMerchant.awaitSeeded(); // runs the compliance and payment start-up first
    int applied = SchemaMigration.migrate(dataSource, "web", getClass().getClassLoader());
    LOG.info(() -> "event=schema.migrated module=web applied=" + applied);
    if ("demo".equals(mode)) {
      seedDemoUsers();
      seedDemoComplianceKey();
      LOG.info(
          () ->
              "\n\n  Kassa is running in DEMO mode at "
                  + publicUrl
                  + "\n    Merchant API key:     "
                  + (DemoMerchant.DEFAULT_API_KEY.equals(demoApiKey)
                      ? demoApiKey
                      : "(set by KASSA_DEMO_API_KEY)")
                  + "\n    Merchant console:     "
                  + publicUrl
                  + "/console/payments   users "
                  + DEMO_MERCHANT_USER
                  + " and "
                  + DEMO_APPROVER_USER
                  + " (four-eyes refunds) / "
                  + ("kassa-demo".equals(demoPassword)
                      ? demoPassword
                      : "(set by KASSA_DEMO_PASSWORD)")
                  + "\n    Compliance console:   "
                  + publicUrl
                  + "/compliance/audit   user "
                  + DEMO_OFFICER_USER
                  + " / "
                  + ("kassa-demo".equals(demoPassword)
                      ? demoPassword
                      : "(set by KASSA_DEMO_PASSWORD)")
                  + "\n    Test cards:           4242 4242 4242 4242 (succeeds), 4000 0000 0000 0002 (declined)"
                  + "\n    Create a session:     see README.md, 'Tour'\n");
    } else {
      LOG.info(() -> "event=kassa.started mode=production url=" + publicUrl);
    }
  }

  /**
   * Refuses a mode other than demo or production, and production with the documented default
   * secret: a deployment must not pseudonymize personal data with a key everyone knows.
   */
  static void checkMode(String mode, String pseudonymSecret) {
    checkMode(mode, pseudonymSecret, null);
  }

  /**
   * As above, and refuses production with the documented demo key for signing audit checkpoints:
   * signatures anyone can make prove nothing.
   */
  static void checkMode(String mode, String pseudonymSecret, String auditSigningKey) {
    if (!"demo".equals(mode) && !"production".equals(mode)) {
      throw new IllegalStateException("kassa.mode must be demo or production, not '" + mode + "'");
    }
    if ("production".equals(mode) && Pseudonymizer.DEMO_SECRET.equals(pseudonymSecret)) {
      throw new IllegalStateException(
          "Refusing to start in production mode with the default KASSA_PSEUDONYM_SECRET: set a"
              + " secret of your own");
    }
    if ("production".equals(mode)
        && org.kassa.compliance.audit.AuditCheckpoints.DEMO_SIGNING_KEY.equals(auditSigningKey)) {
      throw new IllegalStateException(
          "Refusing to start in production mode with the demo KASSA_AUDIT_SIGNING_KEY: set an"
              + " Ed25519 key of your own (and KASSA_AUDIT_VERIFY_KEY)");
    }
  }

  /**
   * Refuses production with the documented master key for personal data, and a master key that is
   * not 32 bytes in base64 in any mode: personal data sealed under a known key is not protected.
   */
  static void checkMasterKey(String mode, String masterKey) {
    byte[] raw;
    try {
      raw = java.util.Base64.getDecoder().decode(masterKey.trim());
    } catch (IllegalArgumentException e) {
      raw = new byte[0];
    }
    if (raw.length != 32) {
      throw new IllegalStateException(
          "KASSA_PRIVACY_MASTER_KEY must be 32 random bytes in base64 (e.g. openssl rand -base64"
              + " 32)");
    }
    if ("production".equals(mode)
        && org.kassa.compliance.privacy.PersonalDataVault.DEMO_MASTER_KEY.equals(masterKey)) {
      throw new IllegalStateException(
          "Refusing to start in production mode with the demo KASSA_PRIVACY_MASTER_KEY: set a key"
              + " of your own (openssl rand -base64 32)");
    }
  }

  private void seedDemoComplianceKey() {
    if (!complianceKeys.exists(demoComplianceKey)) {
      complianceKeys.issue("demo compliance tools", demoComplianceKey);
    }
  }

  private void seedDemoUsers() {
    if (users.find(DEMO_MERCHANT_USER).isEmpty()) {
      users.create(
          DEMO_MERCHANT_USER, demoPassword.toCharArray(), Roles.MERCHANT_ADMIN, DemoMerchant.ID);
    }
    if (users.find(DEMO_APPROVER_USER).isEmpty()) {
      users.create(
          DEMO_APPROVER_USER, demoPassword.toCharArray(), Roles.MERCHANT_ADMIN, DemoMerchant.ID);
    }
    if (users.find(DEMO_OFFICER_USER).isEmpty()) {
      users.create(DEMO_OFFICER_USER, demoPassword.toCharArray(), Roles.COMPLIANCE_OFFICER, null);
    }
    if (users.find(DEMO_SECOND_OFFICER_USER).isEmpty()) {
      users.create(
          DEMO_SECOND_OFFICER_USER, demoPassword.toCharArray(), Roles.COMPLIANCE_OFFICER, null);
    }
  }
}
