package org.kassa.compliance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kassa.compliance.gate.HighRiskCountries.CONFIGURED;
import static org.kassa.compliance.gate.HighRiskCountries.EU;
import static org.kassa.compliance.gate.HighRiskCountries.FATF_BLACK;
import static org.kassa.compliance.gate.HighRiskCountries.FATF_GREY;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled FATF and EU lists, and their replacement from a folder without a rebuild. */
class HighRiskCountriesTest {

  private static final Duration CHECK = Duration.ofMinutes(1);

  @TempDir Path dir;

  private final MovableClock clock = new MovableClock();

  @Test
  void theBundledListsHoldTheFatfBlackListAndTheEuList() {
    HighRiskCountries lists = new HighRiskCountries(null, false, true, null, CHECK, clock);
    assertThat(lists.listsHolding("KP")).containsExactly(FATF_BLACK, EU);
    assertThat(lists.listsHolding("ir")).containsExactly(FATF_BLACK, EU);
    assertThat(lists.listsHolding("MM")).containsExactly(FATF_BLACK, EU);
    // EU only (Delegated Regulation 2025/1184 added Monaco; South Africa stays listed there).
    assertThat(lists.listsHolding("MC")).containsExactly(EU);
    assertThat(lists.listsHolding("ZA")).containsExactly(EU);
    // On the FATF grey list only: not held unless configured.
    assertThat(lists.listsHolding("BG")).isEmpty();
    // Removed from the EU list by 2025/1184 (listed=no), and never on a list.
    assertThat(lists.listsHolding("PA")).isEmpty();
    assertThat(lists.listsHolding("DE")).isEmpty();
    assertThat(lists.listsHolding(null)).isEmpty();
  }

  @Test
  void theGreyListAndTheEuListAreSwitchedByConfiguration() {
    HighRiskCountries grey = new HighRiskCountries(null, true, false, null, CHECK, clock);
    assertThat(grey.listsHolding("BG")).containsExactly(FATF_GREY);
    assertThat(grey.listsHolding("ZA")).isEmpty(); // EU list switched off; FATF removed it
    assertThat(grey.listsHolding("KP")).containsExactly(FATF_BLACK);
  }

  @Test
  void configuredReviewCountriesReplaceTheFatfLists() {
    HighRiskCountries configured =
        new HighRiskCountries(Set.of("DE"), true, true, null, CHECK, clock);
    assertThat(configured.listsHolding("DE")).containsExactly(CONFIGURED);
    assertThat(configured.listsHolding("BG")).isEmpty();
    assertThat(configured.listsHolding("KP")).containsExactly(EU);
  }

  @Test
  void aFileInTheFolderReplacesTheBundledListAndIsReloadedWhenItChanges() throws IOException {
    HighRiskCountries lists = new HighRiskCountries(null, false, true, dir, CHECK, clock);
    // Myanmar moved from the black to the grey list, Bolivia from the grey to the black list.
    Path file = dir.resolve("fatf_lists_2026-06-26.csv");
    write(
        file,
        bundled(HighRiskCountries.FATF_FILE)
            .replace(
                "call_for_action_enhanced_due_diligence,2026-02-13",
                "increased_monitoring,2026-06-26")
            .replace(
                "BO,Bolivia,grey (Jurisdictions under Increased Monitoring),increased_monitoring",
                "BO,Bolivia,black (x),call_for_action_countermeasures"));
    assertThat(lists.listsHolding("MM")).containsExactly(EU);
    assertThat(lists.listsHolding("BO")).containsExactly(FATF_BLACK);
    assertThat(lists.sources()).contains(file.toString());

    write(file, bundled(HighRiskCountries.FATF_FILE), 1);
    clock.move(CHECK.minusSeconds(1));
    assertThat(lists.listsHolding("BO")).as("looked at once a minute").contains(FATF_BLACK);
    clock.move(Duration.ofSeconds(1));
    assertThat(lists.listsHolding("BO")).as("reloaded after the change").isEmpty();
    assertThat(lists.listsHolding("MM")).containsExactly(FATF_BLACK, EU);
  }

  @Test
  void aBadFileNeverReplacesAGoodList() throws IOException {
    HighRiskCountries lists = new HighRiskCountries(null, false, true, dir, CHECK, clock);
    // An operator's update: the Emirates listed again.
    String good =
        bundled(HighRiskCountries.EU_FILE)
            .replace("AE,United Arab Emirates,I,no", "AE,United Arab Emirates,I,yes");
    write(dir.resolve("eu_2025.csv"), good);
    assertThat(lists.listsHolding("AE")).containsExactly(EU);

    // A newer file of the same format, cut short in a row: the good one stays.
    String cut = good.substring(0, good.indexOf("ZA,South Africa") + 10);
    write(dir.resolve("eu_2026.csv"), cut, 1);
    clock.move(CHECK);
    assertThat(lists.listsHolding("AE")).containsExactly(EU);
    assertThat(lists.sources()).contains(dir.resolve("eu_2025.csv").toString());

    // Nothing listed any more, or a listed flag that is neither yes nor no: refused too.
    write(dir.resolve("eu_2026.csv"), good.replace(",yes,", ",no,"), 2);
    clock.move(CHECK);
    assertThat(lists.listsHolding("AE")).containsExactly(EU);
    write(
        dir.resolve("eu_2026.csv"),
        good.replace("AE,United Arab Emirates,I,yes", "AE,x,I,maybe"),
        3);
    clock.move(CHECK);
    assertThat(lists.listsHolding("AE")).containsExactly(EU);

    // Taking the files away restores the bundled list (where the Emirates are delisted).
    Files.delete(dir.resolve("eu_2025.csv"));
    Files.delete(dir.resolve("eu_2026.csv"));
    clock.move(CHECK);
    assertThat(lists.listsHolding("AE")).isEmpty();
    assertThat(lists.sources()).contains(HighRiskCountries.EU_FILE);
  }

  @Test
  void whatMakesAFatfFileBad() {
    String good = bundled(HighRiskCountries.FATF_FILE);
    assertThat(HighRiskCountries.fatf("f", good).callForAction())
        .containsExactlyInAnyOrder("KP", "IR", "MM");
    assertThat(HighRiskCountries.fatf("f", good).increasedMonitoring())
        .contains("BG", "VN")
        .doesNotContain("NG");
    assertThatThrownBy(() -> HighRiskCountries.fatf("f", good.replace("iso2,", "code,")))
        .hasMessageContaining("header");
    assertThatThrownBy(() -> HighRiskCountries.fatf("f", good.replace("KP,", "Korea,")))
        .hasMessageContaining("ISO 3166");
    assertThatThrownBy(
            () -> HighRiskCountries.fatf("f", good.replace(",increased_monitoring,", ",watch,")))
        .hasMessageContaining("unknown FATF status");
    assertThatThrownBy(
            () ->
                HighRiskCountries.fatf(
                    "f", good.replaceAll("call_for_action_[a-z_]+", "increased_monitoring")))
        .hasMessageContaining("no call-for-action");
    assertThatThrownBy(() -> HighRiskCountries.fatf("f", good + "YE,Yemen\r\n"))
        .hasMessageContaining("4 columns");
    assertThatThrownBy(() -> HighRiskCountries.fatf("f", good + "\"YE,Yemen"))
        .hasMessageContaining("quoted cell");
  }

  private void write(Path file, String text) throws IOException {
    write(file, text, 0);
  }

  /** Writes a file with a distinct modification time, as an operator's copy would have. */
  private void write(Path file, String text, int generation) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(
        file, FileTime.from(Instant.parse("2026-06-26T00:00:00Z").plusSeconds(generation)));
  }

  private static String bundled(String name) {
    try (InputStream in = HighRiskCountries.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T12:00:00Z");

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
