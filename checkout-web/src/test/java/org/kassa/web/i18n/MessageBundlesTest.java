package org.kassa.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * For both bundles (the shoppers' {@code messages}, EL name {@code msg}, and the staff consoles'
 * {@code console}, EL name {@code con}): every language has every key, every key is used, every
 * message is a valid format.
 */
class MessageBundlesTest {

  /** A bundle: its base name, the EL variable pages use, and its languages. */
  private record Bundle(String baseName, String var, List<Locale> locales) {}

  private static final List<Bundle> BUNDLES =
      List.of(
          new Bundle("messages", "msg", SupportedLocales.ALL),
          new Bundle("console", "con", SupportedLocales.CONSOLE));

  private static Properties bundle(Locale locale) throws IOException {
    return bundle("messages", locale);
  }

  private static Properties bundle(String baseName, Locale locale) throws IOException {
    String suffix = locale.equals(SupportedLocales.DEFAULT) ? "" : "_" + locale.toString();
    String name = "/org/kassa/web/i18n/" + baseName + suffix + ".properties";
    Properties p = new Properties();
    try (InputStream in = MessageBundlesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyLanguageHasExactlyTheKeysOfTheDefault() throws IOException {
    for (Bundle b : BUNDLES) {
      Set<String> keys = bundle(b.baseName(), SupportedLocales.DEFAULT).stringPropertyNames();
      for (Locale locale : b.locales()) {
        assertThat(bundle(b.baseName(), locale).stringPropertyNames())
            .as(b.baseName() + " " + locale)
            .containsExactlyInAnyOrderElementsOf(keys);
      }
    }
  }

  @Test
  void everyMessageIsAValidMessageFormatWithTheSameArguments() throws IOException {
    for (Bundle b : BUNDLES) {
      Properties reference = bundle(b.baseName(), SupportedLocales.DEFAULT);
      for (Locale locale : b.locales()) {
        Properties p = bundle(b.baseName(), locale);
        for (String key : p.stringPropertyNames()) {
          String message = p.getProperty(key);
          MessageFormat format = new MessageFormat(message, locale);
          MessageFormat expected = new MessageFormat(reference.getProperty(key));
          assertThat(format.getFormats())
              .as(b.baseName() + " " + locale + " " + key)
              .hasSize(expected.getFormats().length);
          if (expected.getFormats().length > 0) {
            // A lone apostrophe quotes the rest of a message with arguments: {0} would show.
            assertThat(message.replace("''", ""))
                .as(b.baseName() + " " + locale + " " + key + ": write ' as ''")
                .doesNotContain("'");
          }
        }
      }
    }
  }

  @Test
  void theShoppersBundleIsUsedOnlyAsMsgAndTheConsolesOnlyAsCon() throws IOException {
    Set<String> shopper = bundle("messages", SupportedLocales.DEFAULT).stringPropertyNames();
    Set<String> console = bundle("console", SupportedLocales.DEFAULT).stringPropertyNames();
    assertThat(shopper).doesNotContainAnyElementsOf(console);
    assertThat(used("msg")).as("msg keys not in messages").isSubsetOf(shopper);
    assertThat(used("con")).as("con keys not in console").isSubsetOf(console);
  }

  private static Set<String> used(String var) throws IOException {
    Set<String> used = new HashSet<>();
    Pattern pageUse = Pattern.compile(var + "\\['([^']+)'\\]");
    try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = pageUse.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    return used;
  }

  @Test
  void everyKeyIsUsedByAPageOrTheCode() throws IOException {
    Set<String> used = new HashSet<>();
    Pattern pageUse = Pattern.compile("(?:msg|con)\\['([^']+)'\\]");
    Pattern codeUse = Pattern.compile("\"((?:[a-z]+\\.)+[a-zA-Z_]+)\"");
    for (Path root : new Path[] {Path.of("src/main/webapp"), Path.of("src/main/java")}) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Matcher m =
              (f.toString().endsWith(".java") ? codeUse : pageUse).matcher(Files.readString(f));
          while (m.find()) {
            used.add(m.group(1));
          }
        }
      }
    }
    Set<String> keys =
        new HashSet<>(bundle("messages", SupportedLocales.DEFAULT).stringPropertyNames());
    keys.addAll(bundle("console", SupportedLocales.DEFAULT).stringPropertyNames());
    // Keys built from codes at run time: decline reasons and card problems come from the payment
    // module, KYC field errors from the compliance module.
    Set<String> unused = new HashSet<>(keys);
    unused.removeIf(
        k ->
            used.contains(k)
                || k.startsWith("decline.")
                || k.startsWith("card.")
                || k.startsWith("kyc.error.")
                || k.startsWith("method.name."));
    assertThat(unused).as("keys no page or class uses").isEmpty();
  }

  @Test
  void everyPaymentMethodHasANameAndAPageFragment() throws IOException {
    Set<String> keys = bundle(SupportedLocales.DEFAULT).stringPropertyNames();
    for (org.kassa.payment.gateway.PaymentMethodType type :
        org.kassa.payment.gateway.PaymentMethodType.values()) {
      assertThat(keys).contains("method.name." + type.apiName());
      assertThat(Path.of("src/main/webapp/WEB-INF/includes/method-" + type.apiName() + ".xhtml"))
          .as("the hosted page's fragment of " + type.apiName())
          .isRegularFile();
    }
  }

  @Test
  void everyDeclineReasonAndCardProblemHasAMessage() throws IOException {
    Set<String> keys = bundle(SupportedLocales.DEFAULT).stringPropertyNames();
    for (org.kassa.payment.gateway.DeclineReason reason :
        org.kassa.payment.gateway.DeclineReason.values()) {
      assertThat(keys).contains("decline." + reason.code());
    }
    assertThat(keys)
        .contains(
            "card.holder.required",
            "card.number.required",
            "card.number.invalid",
            "card.expiry.invalid",
            "card.expiry.past",
            "card.cvc.length");
  }

  @Test
  void everyKycErrorAndKycDeclineHasAMessage() throws IOException {
    Set<String> keys = bundle(SupportedLocales.DEFAULT).stringPropertyNames();
    for (String code : org.kassa.compliance.kyc.KycChecks.ERROR_CODES) {
      assertThat(keys).contains("kyc.error." + code);
    }
    assertThat(keys).contains("kyc.error.email.required");
    for (org.kassa.payment.gateway.DeclineReason reason :
        org.kassa.payment.gateway.DeclineReason.values()) {
      assertThat(keys).contains("decline." + reason.code());
    }
  }
}
