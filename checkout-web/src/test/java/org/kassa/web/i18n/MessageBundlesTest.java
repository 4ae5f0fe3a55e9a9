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
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every language has every key, every key is used, every message is a valid format. */
class MessageBundlesTest {

  private static Properties bundle(Locale locale) throws IOException {
    String suffix = locale.equals(SupportedLocales.DEFAULT) ? "" : "_" + locale.toString();
    String name = "/org/kassa/web/i18n/messages" + suffix + ".properties";
    Properties p = new Properties();
    try (InputStream in = MessageBundlesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyLanguageHasExactlyTheKeysOfTheDefault() throws IOException {
    Set<String> keys = bundle(SupportedLocales.DEFAULT).stringPropertyNames();
    for (Locale locale : SupportedLocales.ALL) {
      assertThat(bundle(locale).stringPropertyNames())
          .as(locale.toString())
          .containsExactlyInAnyOrderElementsOf(keys);
    }
  }

  @Test
  void everyMessageIsAValidMessageFormatWithTheSameArguments() throws IOException {
    Properties reference = bundle(SupportedLocales.DEFAULT);
    for (Locale locale : SupportedLocales.ALL) {
      Properties p = bundle(locale);
      for (String key : p.stringPropertyNames()) {
        MessageFormat format = new MessageFormat(p.getProperty(key), locale);
        int expected = new MessageFormat(reference.getProperty(key)).getFormats().length;
        assertThat(format.getFormats()).as(locale + " " + key).hasSize(expected);
      }
    }
  }

  @Test
  void everyKeyIsUsedByAPageOrTheCode() throws IOException {
    Set<String> used = new HashSet<>();
    Pattern pageUse = Pattern.compile("msg\\['([^']+)'\\]");
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
    Set<String> keys = bundle(SupportedLocales.DEFAULT).stringPropertyNames();
    // Keys built from codes at run time: decline reasons and card problems come from the payment
    // module, KYC field errors from the compliance module.
    Set<String> unused = new HashSet<>(keys);
    unused.removeIf(
        k ->
            used.contains(k)
                || k.startsWith("decline.")
                || k.startsWith("card.")
                || k.startsWith("kyc.error."));
    assertThat(unused).as("keys no page or class uses").isEmpty();
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
