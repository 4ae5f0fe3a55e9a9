package org.kassa.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifiable export: written, verified offline, and every kind of tampering detected. */
class AuditExportTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123456Z");

  private final KeyPair keys = generate();
  private final String publicKey =
      Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());

  private static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A chain of {@code n} events; details with tabs, newlines and a null, to test escaping. */
  private static List<HashChain.Event> chain(int n) {
    List<HashChain.Event> events = new ArrayList<>();
    String prev = HashChain.GENESIS;
    for (int i = 1; i <= n; i++) {
      HashChain.Event unsigned =
          new HashChain.Event(
              i,
              T0.plusSeconds(i),
              "merchant:mer_demo",
              "payment.captured",
              "payment",
              "pay_" + i,
              "captured",
              i % 3 == 0 ? null : "psn_" + i,
              i % 2 == 0 ? "from=processing\tamount=10.00 EUR\nline two \\N" : "",
              prev,
              null);
      String hash = HashChain.hash(prev, unsigned);
      events.add(
          new HashChain.Event(
              i,
              unsigned.occurredAt(),
              unsigned.actor(),
              unsigned.action(),
              unsigned.objectType(),
              unsigned.objectId(),
              unsigned.outcome(),
              unsigned.subjectRef(),
              unsigned.detail(),
              prev,
              hash));
      prev = hash;
    }
    return events;
  }

  private AuditCheckpoint checkpoint(HashChain.Event e, java.security.PrivateKey key) {
    Instant at = T0.plusSeconds(3600);
    return new AuditCheckpoint(
        e.seq(),
        e.hash(),
        at,
        CheckpointSignature.keyId(keys.getPublic()),
        CheckpointSignature.sign(key, e.seq(), e.hash(), at));
  }

  private String export(List<HashChain.Event> events, int from, int to) {
    List<HashChain.Event> range = events.subList(from - 1, to);
    String anchor = from == 1 ? HashChain.GENESIS : events.get(from - 2).hash();
    return AuditExportFormat.write(
        publicKey,
        new HashChain.ChainHeadState(from - 1, anchor),
        range,
        List.of(
            checkpoint(events.get((from + to) / 2 - 1), keys.getPrivate()),
            checkpoint(events.get(to - 1), keys.getPrivate())));
  }

  @Test
  void aRangeVerifiesOfflineAgainstTheDeploymentsKey() {
    List<HashChain.Event> events = chain(40);
    ExportVerifier.Result result = ExportVerifier.verify(export(events, 11, 30), publicKey);
    assertThat(result.valid()).as(String.valueOf(result.problem())).isTrue();
    assertThat(result.events()).isEqualTo(20);
    assertThat(result.checkpoints()).isEqualTo(2);
    assertThat(ExportVerifier.verify(export(events, 1, 40), null).valid()).isTrue();
  }

  @Test
  void changingAnyFieldOfAnEventIsDetected() {
    String good = export(chain(20), 1, 20);
    String[] lines = good.split("\n", -1);
    int eventLine = 8; // the 6th event (seq 6): an even one, with a multi-line detail
    List<String> fields = AuditExportFormat.fields(lines[eventLine]);
    for (int field = 2; field <= 9; field++) {
      List<String> changed = new ArrayList<>(fields);
      changed.set(field, changed.get(field) == null ? "x" : changed.get(field) + "x");
      String tampered = good.replace(lines[eventLine], String.join("\t", escapeAll(changed)));
      ExportVerifier.Result result = ExportVerifier.verify(tampered, publicKey);
      assertThat(result.valid()).as("field " + field).isFalse();
      assertThat(result.problem()).contains("6");
    }
  }

  private static List<String> escapeAll(List<String> fields) {
    return fields.stream().map(AuditExportFormat::escape).toList();
  }

  @Test
  void aDeletedReorderedOrRecomputedEventIsDetected() {
    List<HashChain.Event> events = chain(20);
    String good = export(events, 1, 20);
    List<String> lines = new ArrayList<>(good.lines().toList());
    List<String> deleted = new ArrayList<>(lines);
    deleted.remove(10);
    assertThat(ExportVerifier.verify(String.join("\n", deleted), publicKey).problem())
        .contains("missing");
    List<String> swapped = new ArrayList<>(lines);
    java.util.Collections.swap(swapped, 10, 11);
    assertThat(ExportVerifier.verify(String.join("\n", swapped), publicKey).valid()).isFalse();

    // Rewriting an event and every hash after it keeps the chain consistent, but the signed
    // checkpoints no longer match: the signature is what an attacker cannot recompute.
    List<HashChain.Event> forged = new ArrayList<>(events.subList(0, 4));
    String prev = forged.get(3).hash();
    for (HashChain.Event e : events.subList(4, 20)) {
      HashChain.Event changed =
          new HashChain.Event(
              e.seq(),
              e.occurredAt(),
              e.actor(),
              e.action(),
              e.objectType(),
              e.seq() == 5 ? "pay_forged" : e.objectId(),
              e.outcome(),
              e.subjectRef(),
              e.detail(),
              prev,
              null);
      String hash = HashChain.hash(prev, changed);
      forged.add(
          new HashChain.Event(
              e.seq(),
              e.occurredAt(),
              e.actor(),
              e.action(),
              e.objectType(),
              changed.objectId(),
              e.outcome(),
              e.subjectRef(),
              e.detail(),
              prev,
              hash));
      prev = hash;
    }
    String rewritten =
        AuditExportFormat.write(
            publicKey,
            new HashChain.ChainHeadState(0, HashChain.GENESIS),
            forged,
            List.of(checkpoint(events.get(19), keys.getPrivate())));
    assertThat(ExportVerifier.verify(rewritten, publicKey).problem())
        .contains("does not match event 20");
  }

  @Test
  void aCheckpointSignedWithAnotherKeyIsRefusedWhenTheTrustedKeyIsGiven() {
    List<HashChain.Event> events = chain(10);
    KeyPair other = generate();
    String otherKey = Base64.getEncoder().encodeToString(other.getPublic().getEncoded());
    String byOther =
        AuditExportFormat.write(
            otherKey, // the forger writes his own key into the export
            new HashChain.ChainHeadState(0, HashChain.GENESIS),
            events,
            List.of(checkpoint(events.get(9), other.getPrivate())));
    assertThat(ExportVerifier.verify(byOther, null).valid()).isTrue(); // consistent with itself
    assertThat(ExportVerifier.verify(byOther, publicKey).problem())
        .contains("not signed by the key");
    assertThat(ExportVerifier.verify("hello\n", publicKey).valid()).isFalse();
  }

  @Test
  void theCommandLineVerifierAnswersOkOrBroken(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("export.tsv");
    Files.writeString(good, export(chain(12), 1, 12), StandardCharsets.UTF_8);
    ProcessBuilder java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ExportVerifier.class.getName(),
                good.toString(),
                publicKey)
            .redirectErrorStream(true);
    Process ok = java.start();
    String out = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ok.waitFor()).as(out).isZero();
    assertThat(out).startsWith("OK: 12 events and 2 signed checkpoints verify");

    Files.writeString(
        good, Files.readString(good).replace("pay_7", "pay_8"), StandardCharsets.UTF_8);
    Process broken = java.start();
    String brokenOut = new String(broken.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(broken.waitFor()).isEqualTo(1);
    assertThat(brokenOut).startsWith("BROKEN: event 7");
  }
}
