package org.kassa.compliance.privacy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kassa.compliance.text.RandomTokens;

/**
 * Personal data at rest, encrypted per data subject (AES-256-GCM), so that erasing a subject is
 * destroying one key: every copy sealed under it, in any module's table or backup, becomes
 * unreadable at once (crypto-shredding).
 *
 * <p>A sealed value reads {@code pd1:<key id>:<base64url(iv || ciphertext+tag)>}; the subject's
 * pseudonymous id is the additional authenticated data, so a value copied onto another subject's
 * record does not open. Subject keys are wrapped (AES-GCM, the key id as AAD) by the master key
 * {@code kassa.privacy.master-key} (base64 of 32 bytes); production mode refuses the demo key.
 */
@Stateless
public class PersonalDataVault {

  /** The documented demo master key; production mode refuses to start with it. */
  public static final String DEMO_MASTER_KEY = "a2Fzc2EtZGVtby1tYXN0ZXIta2V5LWNoYW5nZS1tZSE=";

  private static final String PREFIX = "pd1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "compliance")
  private EntityManager em;

  @Inject
  @ConfigProperty(name = "kassa.privacy.master-key", defaultValue = DEMO_MASTER_KEY)
  String masterKey;

  private final Clock clock = Clock.systemUTC();

  /**
   * Seals a piece of personal data under the subject's key, creating the key on first use.
   *
   * @return the sealed text; null for null
   */
  public String seal(String subjectRef, String plaintext) {
    Objects.requireNonNull(subjectRef, "a sealed value belongs to a subject");
    if (plaintext == null) {
      return null;
    }
    SubjectKey key = liveKey(subjectRef).orElseGet(() -> newKey(subjectRef));
    SecretKey dataKey = unwrap(key).orElseThrow();
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    byte[] sealed =
        crypt(
            Cipher.ENCRYPT_MODE,
            dataKey,
            iv,
            subjectRef,
            plaintext.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[IV_BYTES + sealed.length];
    System.arraycopy(iv, 0, out, 0, IV_BYTES);
    System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
    return PREFIX + key.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  /**
   * Opens a sealed value of the subject.
   *
   * @return the plaintext; empty for null, and once the subject's key was shredded
   * @throws IllegalArgumentException if the value is not sealed, or not for this subject
   */
  public Optional<String> open(String subjectRef, String sealed) {
    if (sealed == null) {
      return Optional.empty();
    }
    if (!sealed.startsWith(PREFIX) || sealed.indexOf(':', PREFIX.length()) < 0) {
      throw new IllegalArgumentException("not a sealed value");
    }
    int colon = sealed.indexOf(':', PREFIX.length());
    SubjectKey key = em.find(SubjectKey.class, sealed.substring(PREFIX.length(), colon));
    if (key == null || key.shredded()) {
      return Optional.empty();
    }
    if (!key.subjectRef().equals(subjectRef)) {
      throw new IllegalArgumentException("sealed for another subject");
    }
    byte[] in = Base64.getUrlDecoder().decode(sealed.substring(colon + 1));
    byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
    byte[] body = java.util.Arrays.copyOfRange(in, IV_BYTES, in.length);
    return unwrap(key)
        .map(
            dataKey ->
                new String(
                    crypt(Cipher.DECRYPT_MODE, dataKey, iv, subjectRef, body),
                    StandardCharsets.UTF_8));
  }

  /** Whether the value is in the sealed form (rather than plain text). */
  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /**
   * Destroys every key of the subject: nothing sealed for it can be opened again. Data sealed later
   * (the subject pays again) gets a new key.
   *
   * @return how many keys were destroyed
   */
  public int shred(String subjectRef) {
    List<SubjectKey> keys =
        em.createQuery(
                "SELECT k FROM SubjectKey k WHERE k.subjectRef = :s AND k.shreddedAt IS NULL",
                SubjectKey.class)
            .setParameter("s", subjectRef)
            .getResultList();
    keys.forEach(k -> k.shred(clock.instant()));
    return keys.size();
  }

  /** Whether the subject has keys and all of them were shredded. */
  public boolean isShredded(String subjectRef) {
    List<SubjectKey> keys =
        em.createQuery("SELECT k FROM SubjectKey k WHERE k.subjectRef = :s", SubjectKey.class)
            .setParameter("s", subjectRef)
            .getResultList();
    return !keys.isEmpty() && keys.stream().allMatch(SubjectKey::shredded);
  }

  private Optional<SubjectKey> liveKey(String subjectRef) {
    return em.createQuery(
            "SELECT k FROM SubjectKey k WHERE k.subjectRef = :s AND k.shreddedAt IS NULL"
                + " ORDER BY k.createdAt, k.id",
            SubjectKey.class)
        .setParameter("s", subjectRef)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private SubjectKey newKey(String subjectRef) {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, RANDOM);
      String id = "sk_" + RandomTokens.base62(20);
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      byte[] wrapped =
          crypt(Cipher.ENCRYPT_MODE, master(), iv, id, generator.generateKey().getEncoded());
      byte[] out = new byte[IV_BYTES + wrapped.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(wrapped, 0, out, IV_BYTES, wrapped.length);
      SubjectKey key =
          new SubjectKey(id, subjectRef, Base64.getEncoder().encodeToString(out), clock.instant());
      em.persist(key);
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is required by every Java platform", e);
    }
  }

  private Optional<SecretKey> unwrap(SubjectKey key) {
    return key.wrappedKey()
        .map(
            wrapped -> {
              byte[] in = Base64.getDecoder().decode(wrapped);
              byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
              byte[] body = java.util.Arrays.copyOfRange(in, IV_BYTES, in.length);
              return new SecretKeySpec(
                  crypt(Cipher.DECRYPT_MODE, master(), iv, key.id(), body), "AES");
            });
  }

  private SecretKey master() {
    byte[] raw = Base64.getDecoder().decode(masterKey.trim());
    if (raw.length != 32) {
      throw new IllegalStateException("kassa.privacy.master-key must be 32 bytes in base64");
    }
    return new SecretKeySpec(raw, "AES");
  }

  private static byte[] crypt(int mode, SecretKey key, byte[] iv, String aad, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("sealed value or key was altered, or the wrong master key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required by every Java platform", e);
    }
  }
}
