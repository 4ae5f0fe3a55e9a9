package org.kassa.payment.receipt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The language a shopper paid a checkout session in, on the hosted page. */
@Entity
@Table(name = "receipt_language")
public class ReceiptLanguage {

  @Id
  @Column(name = "session_id", length = 40)
  private String sessionId;

  @Column(name = "locale", nullable = false, length = 35)
  private String locale;

  @Column(name = "chosen_at", nullable = false)
  private OffsetDateTime chosenAt;

  protected ReceiptLanguage() {}

  ReceiptLanguage(String sessionId, String locale, Instant now) {
    this.sessionId = sessionId;
    choose(locale, now);
  }

  /** The shopper switched language and paid again. */
  void choose(String languageTag, Instant now) {
    this.locale = languageTag;
    this.chosenAt = now.atOffset(ZoneOffset.UTC);
  }

  public String locale() {
    return locale;
  }
}
