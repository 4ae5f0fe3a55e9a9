package org.kassa.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DataSubjectRequestTest {

  private static final Instant RECEIVED = Instant.parse("2026-01-31T10:00:00Z");

  private static DataSubjectRequest request() {
    return new DataSubjectRequest(
        "dsr_1",
        DataSubjectRequest.Kind.ERASURE,
        "sub_1",
        DataSubjectRequest.IdentifierKind.EMAIL,
        "officer@kassa.test",
        RECEIVED);
  }

  @Test
  void isDueOneCalendarMonthAfterReceipt() {
    // Art. 12(3): one month; from 31 January that is the end of February.
    assertThat(request().dueAt()).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
  }

  @Test
  void isOverdueOnlyWhileOpenAndPastTheDeadline() {
    DataSubjectRequest r = request();
    assertThat(r.overdue(Instant.parse("2026-02-28T10:00:00Z"))).isFalse();
    assertThat(r.overdue(Instant.parse("2026-02-28T10:00:01Z"))).isTrue();
    r.verifyIdentity("officer@kassa.test", "reply from the address on file", RECEIVED);
    r.complete("officer@kassa.test", "erased", RECEIVED);
    assertThat(r.overdue(Instant.parse("2026-03-28T10:00:00Z"))).isFalse();
  }

  @Test
  void isFulfilledOnlyAfterTheIdentityWasVerified() {
    DataSubjectRequest r = request();
    assertThatThrownBy(() -> r.complete("officer@kassa.test", "erased", RECEIVED))
        .isInstanceOf(SubjectRequestStateException.class)
        .hasMessageContaining("received");
    r.verifyIdentity("officer@kassa.test", "reply from the address on file", RECEIVED);
    assertThatThrownBy(() -> r.verifyIdentity("officer@kassa.test", "again", RECEIVED))
        .isInstanceOf(SubjectRequestStateException.class);
    r.complete("officer@kassa.test", "erased", RECEIVED);
    assertThat(r.status()).isEqualTo(DataSubjectRequest.Status.DONE);
    assertThatThrownBy(() -> r.reject("officer@kassa.test", "late", RECEIVED))
        .isInstanceOf(SubjectRequestStateException.class);
  }

  @Test
  void canBeRejectedWhileOpen() {
    DataSubjectRequest r = request();
    r.reject("officer@kassa.test", "identity not proven", RECEIVED);
    assertThat(r.status()).isEqualTo(DataSubjectRequest.Status.REJECTED);
    assertThat(r.outcome()).contains("identity not proven");
  }
}
