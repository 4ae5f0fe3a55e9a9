package org.kassa.compliance.kyc;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KYC as a holder of personal data: the export opens the identity submitted; erasure blanks it (the
 * subject is then verified for no tier); retention category {@code kyc_identity}, five years from
 * the last submission (AMLD Art. 40). Screening hits and reviews are not exported: telling a
 * subject about them could be tipping-off (AMLD Art. 39).
 */
@Stateless
@LocalBean
@Local(org.kassa.compliance.privacy.PersonalDataHolder.class) // with @LocalBean, named to be a view
public class KycData implements org.kassa.compliance.privacy.PersonalDataHolder {

  /** The retention category of KYC identities. */
  public static final String CATEGORY = "kyc_identity";

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject private KycService kyc;

  private final Clock clock = Clock.systemUTC();

  @Override
  public String name() {
    return "kyc";
  }

  @Override
  public JsonObject export(String subjectRef) {
    Optional<KycProfile> found = kyc.find(subjectRef);
    if (found.isEmpty()) {
      return Json.createObjectBuilder().add("profile", JsonValue.NULL).build();
    }
    KycProfile p = found.get();
    JsonObjectBuilder profile =
        Json.createObjectBuilder()
            .add("verified_tier", p.verifiedTier().apiName())
            .add("submitted_tier", p.submittedTier().map(KycTier::apiName).orElse("none"))
            .add("status", p.status().map(KycStatus::apiName).orElse("none"))
            .add("submitted_at", p.submittedAt().map(Instant::toString).orElse(""))
            .add("verified_at", p.verifiedAt().map(Instant::toString).orElse(""))
            .add(
                "identity",
                kyc.identity(p).<JsonValue>map(Identity::toJson).orElse(JsonValue.NULL));
    return Json.createObjectBuilder().add("profile", profile).build();
  }

  @Override
  public String erase(String subjectRef) {
    return kyc.find(subjectRef)
        .map(p -> "identities=" + (p.eraseIdentity(clock.instant()) ? 1 : 0))
        .orElse("identities=0");
  }

  @Override
  public Map<String, Period> retention() {
    return Map.of(CATEGORY, Period.ofYears(5));
  }

  @Override
  public int expire(String category, Instant cutoff) {
    if (!CATEGORY.equals(category)) {
      return 0;
    }
    List<KycProfile> old =
        em.createQuery(
                "SELECT p FROM KycProfile p WHERE p.sealedIdentity IS NOT NULL"
                    + " AND p.submittedAt < :cutoff",
                KycProfile.class)
            .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC))
            .getResultList();
    Instant now = clock.instant();
    old.forEach(p -> p.eraseIdentity(now));
    return old.size();
  }
}
