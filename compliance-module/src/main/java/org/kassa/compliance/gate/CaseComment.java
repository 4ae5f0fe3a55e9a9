package org.kassa.compliance.gate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An officer's note on a case, with its author and time. Only an open case takes notes ({@link
 * ComplianceCase#comment}). The text is the officer's and may name people: it stays here and never
 * goes to the audit trail, which records only that a comment was added. Written once and never
 * changed, so it needs no version.
 */
@Entity
@Table(name = "compliance_case_comment")
public class CaseComment {

  /** The longest note kept. */
  public static final int MAX_TEXT = 4000;

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "case_id", nullable = false, length = 40)
  private String caseId;

  @Column(name = "author", nullable = false, length = 254)
  private String author;

  @Column(name = "body", nullable = false, length = MAX_TEXT)
  private String text;

  @Column(name = "written_at", nullable = false)
  private OffsetDateTime writtenAt;

  protected CaseComment() {}

  /**
   * A note, checked.
   *
   * @throws CaseWorkRefusedException if it is empty or too long, or has no author
   */
  static CaseComment write(String id, String caseId, String author, String text, Instant now) {
    if (author == null || author.isBlank()) {
      throw CaseWorkRefusedException.invalid("author", "is required");
    }
    if (text == null || text.isBlank()) {
      throw CaseWorkRefusedException.invalid("text", "is required");
    }
    String stripped = text.strip();
    if (stripped.length() > MAX_TEXT) {
      throw CaseWorkRefusedException.invalid("text", "must be at most " + MAX_TEXT + " characters");
    }
    CaseComment c = new CaseComment();
    c.id = Objects.requireNonNull(id, "id");
    c.caseId = Objects.requireNonNull(caseId, "caseId");
    c.author = author;
    c.text = stripped;
    c.writtenAt = now.atOffset(ZoneOffset.UTC);
    return c;
  }

  public String id() {
    return id;
  }

  public String caseId() {
    return caseId;
  }

  /** The console user name of the officer who wrote it. */
  public String author() {
    return author;
  }

  public String text() {
    return text;
  }

  public Instant writtenAt() {
    return writtenAt.toInstant();
  }
}
