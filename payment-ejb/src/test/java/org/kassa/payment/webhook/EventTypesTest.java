package org.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {

  private static EventTypes parsed(String... types) {
    EventTypes.Result result = EventTypes.parse(List.of(types));
    assertThat(result.problem()).isEmpty();
    return result.types();
  }

  @Test
  void exactTypesMatchOnlyThemselves() {
    EventTypes types = parsed("payment.captured", "refund.succeeded");
    assertThat(types.matches("payment.captured")).isTrue();
    assertThat(types.matches("refund.succeeded")).isTrue();
    assertThat(types.matches("payment.failed")).isFalse();
    assertThat(types.matches("payment.captured.late")).isFalse();
  }

  @Test
  void aFamilyMatchesItsMembersButNotItsNeighbours() {
    EventTypes types = parsed("payment.*");
    assertThat(types.matches("payment.captured")).isTrue();
    assertThat(types.matches("payment.refund.created")).isTrue();
    assertThat(types.matches("payments.captured")).isFalse();
    assertThat(types.matches("refund.succeeded")).isFalse();
  }

  @Test
  void theStarMatchesEverythingAndSwallowsTheRest() {
    EventTypes types = parsed("payment.captured", "*");
    assertThat(types).isEqualTo(EventTypes.all());
    assertThat(types.asList()).containsExactly("*");
    assertThat(types.matches("anything.at_all")).isTrue();
  }

  @Test
  void typesAreNormalisedSortedAndSurviveTheColumn() {
    EventTypes types = parsed(" Refund.Succeeded ", "payment.captured", "payment.captured");
    assertThat(types.asList()).containsExactly("payment.captured", "refund.succeeded");
    assertThat(types.toString()).isEqualTo("payment.captured,refund.succeeded");
    assertThat(EventTypes.fromColumn(types.toString())).isEqualTo(types);
    assertThat(EventTypes.fromColumn("*")).isEqualTo(EventTypes.all());
  }

  @Test
  void badListsAreRefusedWithAReason() {
    assertThat(EventTypes.parse(null).problem())
        .contains("must list at least one event type, or \"*\" for all");
    assertThat(EventTypes.parse(List.of()).problem()).isPresent();
    assertThat(EventTypes.parse(List.of("captured")).problem().orElseThrow())
        .contains("\"captured\" is not an event type");
    assertThat(EventTypes.parse(List.of("payment.")).problem()).isPresent();
    assertThat(EventTypes.parse(List.of("payment.*.x")).problem()).isPresent();
    assertThat(EventTypes.parse(List.of("pay ment.captured")).problem()).isPresent();
    assertThat(EventTypes.parse(Collections.singletonList(null)).problem()).isPresent();
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= EventTypes.MAX_TYPES; i++) {
      tooMany.add("payment.type_" + i);
    }
    assertThat(EventTypes.parse(tooMany).problem()).contains("must list at most 50 event types");
  }

  @Test
  void aListTooLongForTheColumnIsRefused() {
    List<String> long_ = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long_.add("payment." + "x".repeat(80) + i);
    }
    assertThat(EventTypes.parse(long_).problem().orElseThrow()).contains("2000 characters");
  }
}
