package org.kassa.payment.merchant;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.payment.schema.PaymentSchema;

/**
 * In demo mode ({@code kassa.mode=demo}, the default), makes sure the demo merchant exists and
 * holds the configured demo API key, so the quick start works with the documented key.
 */
@Singleton
@Startup
public class DemoMerchant {

  public static final String ID = "mer_demo";
  public static final String NAME = "Kassa Demo Shop";

  /**
   * The documented default of {@code kassa.demo.api-key}; production mode refuses to start with it.
   */
  public static final String DEFAULT_API_KEY = "sk_test_kassa_demo_4eC39HqLyjWDarjtT1zdp7dc";

  private static final Logger LOG = Logger.getLogger(DemoMerchant.class.getName());

  @EJB private PaymentSchema schema;
  @Inject private MerchantDirectory directory;

  @PersistenceContext(unitName = "payment")
  private EntityManager em;

  @Inject
  @ConfigProperty(name = "kassa.mode", defaultValue = "demo")
  private String mode;

  @Inject
  @ConfigProperty(name = "kassa.demo.api-key", defaultValue = DEFAULT_API_KEY)
  private String demoApiKey;

  @PostConstruct
  void seed() {
    if (!"demo".equals(mode) || !schema.isMigrated()) {
      return;
    }
    Merchant existing = em.find(Merchant.class, ID);
    if (existing == null) {
      directory.register(ID, NAME, demoApiKey);
      LOG.info(() -> "event=demo.seeded merchant=" + ID);
    } else if (!existing.holdsKey(demoApiKey)) {
      existing.replaceKey(demoApiKey);
      LOG.info(() -> "event=demo.key_replaced merchant=" + ID);
    }
  }

  /**
   * Returns once start-up seeding is done; calling it makes the container run this bean's (and,
   * through it, the schemas') start-up first.
   */
  public void awaitSeeded() {
    // Nothing to do: the container has run seed() before it lets any call in.
  }
}
