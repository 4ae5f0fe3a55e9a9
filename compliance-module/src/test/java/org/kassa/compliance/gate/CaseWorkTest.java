package org.kassa.compliance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an open case lets officers do before it is decided, and what a decided one refuses. */
class CaseWorkTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private static ComplianceCase open() {
    return new ComplianceCase("case_1", "sub_a", "pay_1", "gd_1", true, NOW);
  }

  private static ComplianceCase decided() {
    ComplianceCase c = open();
    c.decide(false, "ana@bank.test", NOW);
    return c;
  }

  @Test
  void anOpenCaseIsAssignedAndReassigned() {
    ComplianceCase c = open();
    assertThat(c.assignedTo()).isEmpty();

    assertThat(c.assign(" ana@bank.test ", NOW)).isTrue();
    assertThat(c.assignedTo()).contains("ana@bank.test");
    assertThat(c.assignedAt()).contains(NOW);
    assertThat(c.assign("ANA@bank.test", NOW.plusSeconds(5)))
        .as("the same officer again changes nothing")
        .isFalse();
    assertThat(c.assignedAt()).contains(NOW);

    assertThat(c.assign("ben@bank.test", NOW.plusSeconds(9))).isTrue();
    assertThat(c.assignedTo()).contains("ben@bank.test");
  }

  @Test
  void anAssignmentNamesAnOfficer() {
    ComplianceCase c = open();
    assertThatThrownBy(() -> c.assign(" ", NOW))
        .isInstanceOfSatisfying(
            CaseWorkRefusedException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CaseWorkRefusedException.Kind.INVALID);
              assertThat(e.fieldErrors()).containsKey("officer");
            });
    assertThat(c.assignedTo()).isEmpty();
  }

  @Test
  void aCommentKeepsItsAuthorTimeAndTrimmedText() {
    CaseComment comment = open().comment("cc_1", "ana@bank.test", "  called the bank \n", NOW);
    assertThat(comment.caseId()).isEqualTo("case_1");
    assertThat(comment.author()).isEqualTo("ana@bank.test");
    assertThat(comment.text()).isEqualTo("called the bank");
    assertThat(comment.writtenAt()).isEqualTo(NOW);
  }

  @Test
  void anEmptyOrOverlongCommentIsRefused() {
    ComplianceCase c = open();
    assertThatThrownBy(() -> c.comment("cc_1", "ana@bank.test", " \n ", NOW))
        .isInstanceOf(CaseWorkRefusedException.class)
        .hasMessageContaining("text");
    String longest = "x".repeat(CaseComment.MAX_TEXT);
    assertThat(c.comment("cc_2", "ana@bank.test", longest, NOW).text())
        .hasSize(CaseComment.MAX_TEXT);
    assertThatThrownBy(() -> c.comment("cc_3", "ana@bank.test", longest + "x", NOW))
        .isInstanceOf(CaseWorkRefusedException.class);
  }

  @Test
  void anEscalatedCaseKeepsTheReasonAndIsEscalatedOnce() {
    ComplianceCase c = open();
    assertThatThrownBy(() -> c.escalate("", "ana@bank.test", NOW))
        .isInstanceOf(CaseWorkRefusedException.class);
    assertThat(c.escalated()).isFalse();

    c.escalate(" PEP in the press ", "ana@bank.test", NOW);
    assertThat(c.escalated()).isTrue();
    assertThat(c.escalationReason()).contains("PEP in the press");
    assertThat(c.escalatedBy()).contains("ana@bank.test");
    assertThat(c.escalatedAt()).contains(NOW);
    assertThatThrownBy(() -> c.escalate("again", "ben@bank.test", NOW))
        .isInstanceOfSatisfying(
            CaseWorkRefusedException.class,
            e -> assertThat(e.kind()).isEqualTo(CaseWorkRefusedException.Kind.ALREADY_ESCALATED));
    assertThat(c.escalationReason()).contains("PEP in the press");
  }

  @Test
  void anEscalatedCaseIsStillDecidedTheUsualWay() {
    ComplianceCase c = open();
    c.escalate("needs the MLRO", "ana@bank.test", NOW);
    assertThat(c.decide(false, "ben@bank.test", NOW)).isTrue();
    assertThat(c.status()).isEqualTo(ComplianceCase.Status.CONFIRMED);
  }

  @Test
  void aDecidedCaseTakesNoAssignmentCommentOrEscalation() {
    ComplianceCase c = decided();
    assertThatThrownBy(() -> c.assign("ben@bank.test", NOW))
        .isInstanceOf(CaseDecidedException.class);
    assertThatThrownBy(() -> c.comment("cc_1", "ben@bank.test", "too late", NOW))
        .isInstanceOf(CaseDecidedException.class)
        .hasMessageContaining("confirmed already");
    assertThatThrownBy(() -> c.escalate("too late", "ben@bank.test", NOW))
        .isInstanceOf(CaseDecidedException.class);
    assertThat(c.assignedTo()).isEmpty();
    assertThat(c.escalated()).isFalse();
  }
}
