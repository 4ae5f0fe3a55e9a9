package org.kassa.web.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kassa.compliance.privacy.Pseudonymizer;

class KassaStartupTest {

  @Test
  void productionRefusesTheDocumentedDefaultSecret() {
    assertThatThrownBy(() -> KassaStartup.checkMode("production", Pseudonymizer.DEMO_SECRET))
        .hasMessageContaining("KASSA_PSEUDONYM_SECRET");
    assertThatCode(() -> KassaStartup.checkMode("production", "a-secret-of-our-own-8f3a"))
        .doesNotThrowAnyException();
  }

  @Test
  void productionRefusesTheDemoAuditSigningKey() {
    assertThatThrownBy(
            () ->
                KassaStartup.checkMode(
                    "production",
                    "a-secret-of-our-own-8f3a",
                    org.kassa.compliance.audit.AuditCheckpoints.DEMO_SIGNING_KEY))
        .hasMessageContaining("KASSA_AUDIT_SIGNING_KEY");
    assertThatCode(
            () -> KassaStartup.checkMode("production", "a-secret-of-our-own-8f3a", "an-own-key"))
        .doesNotThrowAnyException();
  }

  @Test
  void demoModeRunsWithTheDefaults() {
    assertThatCode(() -> KassaStartup.checkMode("demo", Pseudonymizer.DEMO_SECRET))
        .doesNotThrowAnyException();
  }

  @Test
  void anUnknownModeIsRefused() {
    assertThatThrownBy(() -> KassaStartup.checkMode("prod", "x"))
        .hasMessageContaining("demo or production");
  }

  @Test
  void refusesTheDemoMasterKeyInProductionAndAMalformedKeyAnywhere() {
    assertThatThrownBy(
            () ->
                KassaStartup.checkMasterKey(
                    "production", org.kassa.compliance.privacy.PersonalDataVault.DEMO_MASTER_KEY))
        .hasMessageContaining("KASSA_PRIVACY_MASTER_KEY");
    assertThatCode(
            () ->
                KassaStartup.checkMasterKey(
                    "demo", org.kassa.compliance.privacy.PersonalDataVault.DEMO_MASTER_KEY))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                KassaStartup.checkMasterKey(
                    "production", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> KassaStartup.checkMasterKey("demo", "dG9vLXNob3J0"))
        .hasMessageContaining("32 random bytes");
    assertThatThrownBy(() -> KassaStartup.checkMasterKey("demo", "not base64 at all!"))
        .hasMessageContaining("32 random bytes");
  }
}
