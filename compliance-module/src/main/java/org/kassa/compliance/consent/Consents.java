package org.kassa.compliance.consent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kassa.compliance.audit.AuditRecord;
import org.kassa.compliance.audit.AuditTrail;
import org.kassa.compliance.text.RandomTokens;

/**
 * The consent ledger. A subject's current answer to a purpose is its latest record; nothing is ever
 * overwritten, so what a subject agreed to, in which words and when, can be shown later.
 */
@Stateless
public class Consents {

  /** The locale whose wording every purpose has. */
  public static final String FALLBACK_LOCALE = "en";

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject private AuditTrail audit;

  private final Clock clock = Clock.systemUTC();

  /**
   * Every purpose in its current wording in the subject's language (the latest version worded in
   * it), else in English: required ones first. A purpose newly worded in one language stays offered
   * in the others, in their latest wording, until they are worded anew too.
   */
  public List<ConsentOffer> offers(Locale locale) {
    @SuppressWarnings("unchecked")
    List<Object[]> purposes =
        em.createNativeQuery(
                "SELECT p.code, p.required FROM consent_purpose p ORDER BY p.required DESC, p.code")
            .getResultList();
    List<ConsentOffer> offers = new ArrayList<>();
    for (Object[] p : purposes) {
      String purpose = (String) p[0];
      for (String candidate : candidates(locale)) {
        Number version =
            (Number)
                em.createNativeQuery(
                        "SELECT MAX(version) FROM consent_text WHERE purpose = ?1 AND locale = ?2")
                    .setParameter(1, purpose)
                    .setParameter(2, candidate)
                    .getSingleResult();
        if (version == null) {
          continue; // no wording in this language: try the next (a purpose without any is not
          // asked)
        }
        Optional<String> text = text(purpose, version.intValue(), candidate);
        if (text.isPresent()) {
          offers.add(
              new ConsentOffer(
                  purpose, Boolean.TRUE.equals(p[1]), version.intValue(), candidate, text.get()));
          break;
        }
      }
    }
    return offers;
  }

  /** The exact wording of a version, if it was published. */
  public Optional<String> text(String purpose, int version, String locale) {
    return em.createNativeQuery(
            "SELECT text FROM consent_text WHERE purpose = ?1 AND version = ?2 AND locale = ?3")
        .setParameter(1, purpose)
        .setParameter(2, version)
        .setParameter(3, locale)
        .getResultStream()
        .findFirst()
        .map(String.class::cast);
  }

  /**
   * Records the subject's grants, e.g. the boxes ticked on the hosted page.
   *
   * @param channel where it was given, e.g. {@code hosted_page}, {@code api}
   * @throws UnknownConsentTextException if a choice names wording that was never published
   */
  public List<ConsentRecord> grant(
      @NotBlank String subjectRef,
      @NotNull List<@Valid ConsentChoice> choices,
      @NotBlank @Size(max = 40) String channel) {
    List<ConsentRecord> records = new ArrayList<>();
    for (ConsentChoice choice : choices) {
      records.add(record(subjectRef, choice, ConsentRecord.Action.GRANT, channel));
    }
    return records;
  }

  /**
   * Records a withdrawal. It refers to the wording the subject had agreed to; withdrawing what was
   * never granted (or is already withdrawn) records nothing.
   *
   * @return the withdrawal, or empty if there was nothing to withdraw
   */
  public Optional<ConsentRecord> withdraw(
      @NotBlank String subjectRef, @NotBlank String purpose, @NotBlank String channel) {
    ConsentRecord current = current(subjectRef).get(purpose);
    if (current == null || current.action() != ConsentRecord.Action.GRANT) {
      return Optional.empty();
    }
    return Optional.of(
        record(
            subjectRef,
            new ConsentChoice(purpose, current.textVersion(), current.locale()),
            ConsentRecord.Action.WITHDRAW,
            channel));
  }

  /** The subject's latest record per purpose. */
  public Map<String, ConsentRecord> current(String subjectRef) {
    Map<String, ConsentRecord> latest = new LinkedHashMap<>();
    for (ConsentRecord r : history(subjectRef)) {
      latest.put(r.purpose(), r);
    }
    return latest;
  }

  /** Whether the subject's latest answer to the purpose is a grant. */
  public boolean granted(String subjectRef, String purpose) {
    ConsentRecord latest = current(subjectRef).get(purpose);
    return latest != null && latest.action() == ConsentRecord.Action.GRANT;
  }

  /** Every record of the subject, oldest first. */
  public List<ConsentRecord> history(String subjectRef) {
    return em.createQuery(
            "SELECT r FROM ConsentRecord r WHERE r.subjectRef = :s ORDER BY r.recordedAt, r.id",
            ConsentRecord.class)
        .setParameter("s", subjectRef)
        .getResultList();
  }

  /**
   * Publishes a new wording of a purpose in a locale: the next version. Earlier versions stay,
   * since earlier answers refer to them.
   *
   * @return the new version
   */
  public int publish(
      @NotBlank String purpose,
      @NotBlank @Size(max = 20) String locale,
      @NotBlank @Size(max = 2000) String text,
      @NotBlank String actor) {
    Number known =
        (Number)
            em.createNativeQuery("SELECT COUNT(*) FROM consent_purpose WHERE code = ?1")
                .setParameter(1, purpose)
                .getSingleResult();
    if (known.intValue() == 0) {
      throw new UnknownConsentTextException(new ConsentChoice(purpose, 1, locale));
    }
    Number max =
        (Number)
            em.createNativeQuery(
                    "SELECT COALESCE(MAX(version), 0) FROM consent_text WHERE purpose = ?1")
                .setParameter(1, purpose)
                .getSingleResult();
    int version = max.intValue() + 1;
    em.createNativeQuery(
            "INSERT INTO consent_text (purpose, version, locale, text, published_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, purpose)
        .setParameter(2, version)
        .setParameter(3, locale)
        .setParameter(4, text)
        .setParameter(5, clock.instant().atOffset(java.time.ZoneOffset.UTC))
        .executeUpdate();
    audit.append(
        AuditRecord.of(actor, "consent_text.published", "consent_purpose", purpose, "published")
            .withDetail("version=" + version + " locale=" + locale));
    return version;
  }

  private ConsentRecord record(
      String subjectRef, ConsentChoice choice, ConsentRecord.Action action, String channel) {
    if (text(choice.purpose(), choice.version(), choice.locale()).isEmpty()) {
      throw new UnknownConsentTextException(choice);
    }
    Instant now = clock.instant();
    ConsentRecord record =
        new ConsentRecord(
            "cr_" + RandomTokens.base62(20), subjectRef, choice, action, channel, now);
    em.persist(record);
    audit.append(
        AuditRecord.of(
                channel,
                action == ConsentRecord.Action.GRANT ? "consent.granted" : "consent.withdrawn",
                "consent",
                record.id(),
                action.name().toLowerCase(Locale.ROOT))
            .withSubject(subjectRef)
            .withDetail("purpose=" + choice.purpose() + " version=" + choice.version()));
    return record;
  }

  /** The locale, its language alone, then the fallback: {@code pt-BR}, {@code pt}, {@code en}. */
  static List<String> candidates(Locale locale) {
    List<String> out = new ArrayList<>();
    if (locale != null) {
      String tag = locale.toLanguageTag();
      if (!tag.isEmpty() && !"und".equals(tag)) {
        out.add(tag);
      }
      if (!locale.getLanguage().isEmpty() && !out.contains(locale.getLanguage())) {
        out.add(locale.getLanguage());
      }
    }
    if (!out.contains(FALLBACK_LOCALE)) {
      out.add(FALLBACK_LOCALE);
    }
    return out;
  }
}
