package org.kassa.compliance.gate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule hit of the gate on one payment: the rule id and what it saw, in the words of the
 * decision's reasons (list and entry ids, scores, counts, countries; never a name). Alerts that
 * hold their payment belong to the customer's case. Written once and never changed, so it needs no
 * version.
 */
@Entity
@Table(name = "compliance_alert")
public class Alert {

  /** The rule id of sanctions hits, the alerts that make a case four-eyes. */
  public static final String SANCTIONS_HIT = "sanctions_hit";

  @Id
  @Column(name = "id", length = 40)
  private String id;

  @Column(name = "subject_ref", length = 100)
  private String subjectRef;

  @Column(name = "rule_id", nullable = false, length = 40)
  private String ruleId;

  @Column(name = "detail", nullable = false, length = 4000)
  private String detail;

  @Column(name = "payment_ref", nullable = false, length = 100)
  private String paymentRef;

  @Column(name = "decision_id", nullable = false, length = 40)
  private String decisionId;

  @Column(name = "holds", nullable = false)
  private boolean holds;

  @Column(name = "raised_at", nullable = false)
  private OffsetDateTime raisedAt;

  @Column(name = "case_id", length = 40)
  private String caseId;

  protected Alert() {}

  /**
   * @param reason one line of the gate's reasons: the rule id, a space, what the rule saw
   * @param holds whether it holds the payment
   * @param caseId the case the payment is in, or null
   */
  Alert(
      String id,
      String reason,
      String subjectRef,
      String paymentRef,
      String decisionId,
      boolean holds,
      String caseId,
      Instant now) {
    this.id = Objects.requireNonNull(id);
    this.ruleId = ruleOf(reason);
    int space = reason.indexOf(' ');
    this.detail = space < 0 ? "" : reason.substring(space + 1);
    if (detail.length() > 4000) {
      detail = detail.substring(0, 4000);
    }
    this.subjectRef = subjectRef;
    this.paymentRef = Objects.requireNonNull(paymentRef);
    this.decisionId = Objects.requireNonNull(decisionId);
    this.holds = holds;
    this.caseId = caseId;
    this.raisedAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * The rule id a reason line starts with, e.g. {@code velocity} of {@code velocity payments=20}.
   */
  public static String ruleOf(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a reason starts with its rule id");
    }
    int space = reason.indexOf(' ');
    String rule = space < 0 ? reason : reason.substring(0, space);
    return rule.length() > 40 ? rule.substring(0, 40) : rule;
  }

  public String id() {
    return id;
  }

  public Optional<String> subjectRef() {
    return Optional.ofNullable(subjectRef);
  }

  public String ruleId() {
    return ruleId;
  }

  /** What the rule saw, without the rule id. */
  public String detail() {
    return detail;
  }

  /** The rule id and the detail, as the decision's reasons say it. */
  public String reason() {
    return detail.isEmpty() ? ruleId : ruleId + " " + detail;
  }

  public String paymentRef() {
    return paymentRef;
  }

  public String decisionId() {
    return decisionId;
  }

  /** Whether the alert holds its payment (alert-only rules and blocked payments do not). */
  public boolean holds() {
    return holds;
  }

  public Instant raisedAt() {
    return raisedAt.toInstant();
  }

  public Optional<String> caseId() {
    return Optional.ofNullable(caseId);
  }
}
