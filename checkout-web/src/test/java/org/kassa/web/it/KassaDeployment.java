package org.kassa.web.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment every integration test runs against: the WAR the build just packaged, whole, as
 * Payara Micro runs it in production. In-container tests add their own package to it.
 */
public final class KassaDeployment {

  /** The demo merchant's key, seeded in demo mode (the failsafe run sets KASSA_MODE=demo). */
  public static final String DEMO_API_KEY = "sk_test_kassa_demo_4eC39HqLyjWDarjtT1zdp7dc";

  public static final String DEMO_MERCHANT_USER = "merchant@kassa.test";
  public static final String DEMO_OFFICER_USER = "officer@kassa.test";
  public static final String DEMO_PASSWORD = "kassa-demo";

  private KassaDeployment() {}

  /** The packaged application. */
  public static WebArchive war() {
    File packaged = new File("target/kassa.war");
    if (!packaged.isFile()) {
      throw new IllegalStateException(
          "target/kassa.war is missing: run the integration tests with 'mvn verify'");
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, packaged);
  }

  /** The packaged application plus the in-container tests (their package, whole). */
  public static WebArchive warWithContainerTests() {
    return war().addPackage("org.kassa.web.it.container").addClass(ApiClient.class);
  }
}
