package org.kassa.payment.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a merchant wants its events posted, which types, and the secrets that sign them. The
 * current secret always signs; after a {@link #rotate rotation} the previous one signs too, in the
 * same header, until its overlap ends, so that receivers can switch without losing an event.
 *
 * <p>The secrets are stored because Kassa must sign with them. They are shown to the merchant (that
 * is what {@link #secret()} is for) and never written to a log, an audit event or a message.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

  /** The prefix of endpoint ids. */
  public static final String ID_PREFIX = "we_";

  /** The prefix of signing secrets. */
  public static final String SECRET_PREFIX = "whsec_";

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  @Column(name = "url", nullable = false, length = 2048)
  private String url;

  @Column(name = "description", length = 200)
  private String description;

  @Column(name = "event_types", nullable = false, length = 2000)
  private String eventTypes;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "secret", nullable = false, length = 100)
  private String secret;

  @Column(name = "previous_secret", length = 100)
  private String previousSecret;

  @Column(name = "previous_secret_expires_at")
  private OffsetDateTime previousSecretExpiresAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected WebhookEndpoint() {}

  WebhookEndpoint(
      String id,
      String merchantId,
      String url,
      String description,
      EventTypes types,
      String secret,
      Instant now) {
    if (WebhookUrl.problem(url, true).isPresent()) {
      throw new IllegalArgumentException("not a webhook URL");
    }
    if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("a signing secret starts with " + SECRET_PREFIX);
    }
    this.id = id;
    this.merchantId = merchantId;
    this.url = url;
    this.description = description;
    this.eventTypes = types.toColumn();
    this.enabled = true;
    this.secret = secret;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  /**
   * Replaces the signing secret; the new one signs at once.
   *
   * @param overlap how long the replaced secret keeps signing too; zero stops it at once (a leaked
   *     secret). A secret still overlapping from an earlier rotation stops now: at most two sign.
   */
  void rotate(String newSecret, Duration overlap, Instant now) {
    if (newSecret == null || !newSecret.startsWith(SECRET_PREFIX) || newSecret.equals(secret)) {
      throw new IllegalArgumentException("a rotation needs a new signing secret");
    }
    if (overlap.isNegative()) {
      throw new IllegalArgumentException("the overlap must not be negative");
    }
    if (overlap.isZero()) {
      this.previousSecret = null;
      this.previousSecretExpiresAt = null;
    } else {
      this.previousSecret = secret;
      this.previousSecretExpiresAt = now.plus(overlap).atOffset(ZoneOffset.UTC);
    }
    this.secret = newSecret;
    this.updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * The secrets that sign at {@code now}: the current one, then the previous one if it still does.
   */
  List<String> signingSecrets(Instant now) {
    List<String> secrets = new ArrayList<>(2);
    secrets.add(secret);
    if (previousSecret != null
        && previousSecretExpiresAt != null
        && previousSecretExpiresAt.toInstant().isAfter(now)) {
      secrets.add(previousSecret);
    }
    return secrets;
  }

  void disable(Instant now) {
    this.enabled = false;
    this.updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  void enable(Instant now) {
    this.enabled = true;
    this.updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  /** Whether a new event of {@code type} is to be delivered here. */
  public boolean receives(String type) {
    return enabled && types().matches(type);
  }

  public String id() {
    return id;
  }

  public String merchantId() {
    return merchantId;
  }

  public String url() {
    return url;
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** The subscribed event types. */
  public EventTypes types() {
    return EventTypes.fromColumn(eventTypes);
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * The current signing secret, to show the merchant (on creation, rotation, or when asked to
   * reveal it). Never log it.
   */
  public String secret() {
    return secret;
  }

  /** Until when the previous secret keeps signing, if a rotation's overlap is running. */
  public Optional<Instant> previousSecretExpiresAt(Instant now) {
    return Optional.ofNullable(previousSecretExpiresAt)
        .map(OffsetDateTime::toInstant)
        .filter(t -> t.isAfter(now));
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant updatedAt() {
    return updatedAt.toInstant();
  }

  /** Names the endpoint only: never the URL's query or the secrets. */
  @Override
  public String toString() {
    return "WebhookEndpoint[" + id + "]";
  }
}
