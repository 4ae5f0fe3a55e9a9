package org.kassa.payment.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.kassa.compliance.privacy.PersonalDataVault;

/**
 * A problem a shopper reported about a checkout session. Its message and contact email are stored
 * sealed only; its status moves only as {@link TicketStatus#next} allows.
 */
@Entity
@Table(name = "support_ticket")
public class SupportTicket {

  /** The prefix of ticket ids. */
  public static final String ID_PREFIX = "tkt_";

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "merchant_id", nullable = false, length = 40)
  private String merchantId;

  @Column(name = "session_id", nullable = false, length = 40)
  private String sessionId;

  /** The session's payment when the ticket was opened, if it had one. */
  @Column(name = "payment_id", length = 40)
  private String paymentId;

  @Enumerated(EnumType.STRING)
  @Column(name = "category", nullable = false, length = 30)
  private TicketCategory category;

  /** Sealed; null once erased. */
  @Column(name = "message", length = 12000)
  private String message;

  /** Sealed; null when none was given or once erased. */
  @Column(name = "contact_email", length = 1000)
  private String contactEmail;

  /** Whose key seals the message: what export and erasure find the ticket by. */
  @Column(name = "subject_ref", nullable = false, length = 40)
  private String subjectRef;

  /** The language the shopper wrote in. */
  @Column(name = "locale", nullable = false, length = 35)
  private String locale;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private TicketStatus status;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected SupportTicket() {}

  SupportTicket(
      String id,
      String merchantId,
      String sessionId,
      String paymentId,
      TicketCategory category,
      String sealedMessage,
      String sealedContactEmail,
      String subjectRef,
      String locale,
      Instant now) {
    if (!PersonalDataVault.isSealed(sealedMessage)
        || (sealedContactEmail != null && !PersonalDataVault.isSealed(sealedContactEmail))) {
      throw new IllegalArgumentException("a ticket's message and contact are stored sealed only");
    }
    this.id = id;
    this.merchantId = merchantId;
    this.sessionId = sessionId;
    this.paymentId = paymentId;
    this.category = category;
    this.message = sealedMessage;
    this.contactEmail = sealedContactEmail;
    this.subjectRef = subjectRef;
    this.locale = locale;
    this.status = TicketStatus.OPEN;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  /**
   * Moves the ticket to {@code target}; staying where it is changes nothing.
   *
   * @return whether the status changed
   * @throws TicketStatusException if the ticket cannot move there
   */
  public boolean moveTo(TicketStatus target, Instant now) {
    if (target == status) {
      return false;
    }
    if (!status.next().contains(target)) {
      throw new TicketStatusException(id, status, target);
    }
    status = target;
    updatedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  /** Blanks the personal data (the vault shreds the key too). */
  public boolean erasePersonalData(Instant now) {
    boolean had = message != null || contactEmail != null;
    message = null;
    contactEmail = null;
    if (had) {
      updatedAt = now.atOffset(ZoneOffset.UTC);
    }
    return had;
  }

  public String id() {
    return id;
  }

  public String merchantId() {
    return merchantId;
  }

  public String sessionId() {
    return sessionId;
  }

  public Optional<String> paymentId() {
    return Optional.ofNullable(paymentId);
  }

  public TicketCategory category() {
    return category;
  }

  public String sealedMessage() {
    return message;
  }

  public String sealedContactEmail() {
    return contactEmail;
  }

  public String subjectRef() {
    return subjectRef;
  }

  public String locale() {
    return locale;
  }

  public TicketStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant updatedAt() {
    return updatedAt.toInstant();
  }
}
