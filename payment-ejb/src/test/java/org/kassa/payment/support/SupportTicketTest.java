package org.kassa.payment.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SupportTicketTest {

  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final String SEALED = "pd1:key:c2VhbGVk";

  private static SupportTicket ticket() {
    return new SupportTicket(
        "tkt_1", "mer_1", "cs_1", null, TicketCategory.REFUND, SEALED, null, "sub_1", "de", T0);
  }

  @Test
  void aTicketOpensAndMovesToAnsweredThenClosedOnly() {
    SupportTicket t = ticket();
    assertThat(t.status()).isEqualTo(TicketStatus.OPEN);

    assertThat(t.moveTo(TicketStatus.OPEN, T0)).as("staying is no change").isFalse();
    assertThat(t.moveTo(TicketStatus.ANSWERED, T0.plusSeconds(1))).isTrue();
    assertThat(t.updatedAt()).isEqualTo(T0.plusSeconds(1));
    assertThatThrownBy(() -> t.moveTo(TicketStatus.OPEN, T0))
        .isInstanceOf(TicketStatusException.class)
        .hasMessageContaining("answered and cannot become open");
    assertThat(t.moveTo(TicketStatus.CLOSED, T0.plusSeconds(2))).isTrue();
    assertThatThrownBy(() -> t.moveTo(TicketStatus.ANSWERED, T0))
        .isInstanceOf(TicketStatusException.class);
  }

  @Test
  void anOpenTicketMayBeClosedStraightAway() {
    SupportTicket t = ticket();
    assertThat(t.moveTo(TicketStatus.CLOSED, T0)).isTrue();
    assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
  }

  @Test
  void personalDataIsStoredSealedOnlyAndErasedWithoutTouchingTheRest() {
    assertThatThrownBy(
            () ->
                new SupportTicket(
                    "tkt_2",
                    "mer_1",
                    "cs_1",
                    null,
                    TicketCategory.OTHER,
                    "plain text",
                    null,
                    "sub_1",
                    "en",
                    T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new SupportTicket(
                    "tkt_3",
                    "mer_1",
                    "cs_1",
                    null,
                    TicketCategory.OTHER,
                    SEALED,
                    "a@b.co",
                    "sub_1",
                    "en",
                    T0))
        .isInstanceOf(IllegalArgumentException.class);

    SupportTicket t = ticket();
    assertThat(t.erasePersonalData(T0)).isTrue();
    assertThat(t.sealedMessage()).isNull();
    assertThat(t.erasePersonalData(T0)).isFalse();
    assertThat(t.category()).isEqualTo(TicketCategory.REFUND);
    assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
  }

  @Test
  void apiNamesReadBack() {
    for (TicketStatus s : TicketStatus.values()) {
      assertThat(TicketStatus.fromApiName(s.apiName())).contains(s);
    }
    for (TicketCategory c : TicketCategory.values()) {
      assertThat(TicketCategory.fromApiName(c.apiName())).contains(c);
    }
    assertThat(TicketStatus.fromApiName("OPEN")).isEmpty();
  }
}
