package org.kassa.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, Deque's accessibility rules (the engine of Lighthouse's and most browsers' audits), run
 * in the page the browser shows. A step of the hosted page is checked with one line:
 *
 * <pre>Axe.assertNoSeriousViolations(browser, "card form, Arabic");</pre>
 *
 * <p>It fails on every {@code serious} or {@code critical} violation of the WCAG 2.0/2.1 A and AA
 * rules, listed with the rule, what it asks for and the elements that break it. axe-core comes from
 * the npm registry, installed once with the machine's npm (version and folder from the failsafe
 * configuration: {@code kassa.it.axeVersion}, {@code kassa.it.axeDir}); without npm the checks are
 * skipped, saying so, as the browser tests are without Chromium.
 */
public final class Axe {

  /** WCAG 2.1 AA, the level the hosted page is held to, and what it includes. */
  private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private static String source;

  private Axe() {}

  /** Runs axe-core on the current page; fails listing each serious or critical violation. */
  public static void assertNoSeriousViolations(WebDriver browser, String step) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(source());
    }
    Object answer =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
                + " resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations); })"
                + ".catch(function (e) { done('axe failed: ' + e); });",
            TAGS);
    if (answer instanceof String failure) {
      throw new AssertionError(step + ": " + failure);
    }
    List<String> serious = new ArrayList<>();
    for (Object v : (List<?>) answer) {
      Map<?, ?> violation = (Map<?, ?>) v;
      Object impact = violation.get("impact");
      if ("serious".equals(impact) || "critical".equals(impact)) {
        serious.add(describe(violation));
      }
    }
    assertThat(serious)
        .as(
            "axe-core %s: serious or critical accessibility violations on the step '%s' (%s)",
            System.getProperty("kassa.it.axeVersion"), step, browser.getCurrentUrl())
        .isEmpty();
  }

  /** One violation, readably: rule, impact, what it asks, and each element with what is wrong. */
  private static String describe(Map<?, ?> violation) {
    StringBuilder out =
        new StringBuilder()
            .append(violation.get("id"))
            .append(" (")
            .append(violation.get("impact"))
            .append("): ")
            .append(violation.get("help"))
            .append(" <")
            .append(violation.get("helpUrl"))
            .append('>');
    for (Object n : (List<?>) violation.get("nodes")) {
      Map<?, ?> node = (Map<?, ?>) n;
      out.append("\n    at ")
          .append(node.get("target"))
          .append(": ")
          .append(node.get("html"))
          .append("\n       ")
          .append(String.valueOf(node.get("failureSummary")).replace("\n", "\n       "));
    }
    return out.toString();
  }

  /** axe.min.js, installed from the npm registry the first time a test asks for it. */
  private static synchronized String source() {
    if (source != null) {
      return source;
    }
    String version = System.getProperty("kassa.it.axeVersion");
    String dir = System.getProperty("kassa.it.axeDir");
    if (version == null || dir == null) {
      throw new IllegalStateException(
          "kassa.it.axeVersion and kassa.it.axeDir are not set: run the browser tests with 'mvn"
              + " verify'");
    }
    Path prefix = Path.of(dir, version);
    Path script = prefix.resolve("node_modules/axe-core/axe.min.js");
    if (!Files.isRegularFile(script)) {
      install(prefix, version);
    }
    try {
      source = Files.readString(script, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return source;
  }

  private static void install(Path prefix, String version) {
    List<String> command =
        List.of(
            "npm",
            "install",
            "--no-save",
            "--no-package-lock",
            "--ignore-scripts",
            "--prefix",
            prefix.toString(),
            "axe-core@" + version);
    Path log = prefix.resolve("npm-install.log");
    Process npm;
    try {
      Files.createDirectories(prefix);
      npm =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      // No npm on this machine: the accessibility checks cannot run here.
      Assumptions.abort(
          "Accessibility checks skipped: npm is needed to install axe-core from the npm registry"
              + " (apt-get install -y npm): "
              + e.getMessage());
      return;
    }
    try {
      if (!npm.waitFor(5, TimeUnit.MINUTES)) {
        npm.destroyForcibly();
        throw new IllegalStateException("npm did not install axe-core in 5 minutes: see " + log);
      }
      if (npm.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed:\n" + Files.readString(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
