package org.kassa.compliance.aml.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringSettingsTest {

  @Test
  void amountsAreReadPerCurrencyAndNoneSwitchesThemOff() {
    assertThat(MonitoringSettings.amounts("EUR=1000000, jpy=150000000,"))
        .isEqualTo(Map.of("EUR", 1_000_000L, "JPY", 150_000_000L));
    assertThat(MonitoringSettings.amounts("none")).isEmpty();
    assertThat(MonitoringSettings.amounts(" ")).isEmpty();
    // A typo must not switch a threshold off silently.
    assertThatThrownBy(() -> MonitoringSettings.amounts("EURO=100"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MonitoringSettings.amounts("EUR:100"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MonitoringSettings.amounts("EUR=1e6"))
        .isInstanceOf(NumberFormatException.class);
  }
}
