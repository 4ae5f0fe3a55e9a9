package org.kassa.compliance.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies an audit export offline, without the database and without Kassa running:
 *
 * <pre>
 * java -cp compliance-module-*.jar org.kassa.compliance.audit.ExportVerifier export.tsv [public-key]
 * </pre>
 *
 * It recomputes every event's hash and link from the anchor, checks each checkpoint against the
 * event at its sequence number, and checks each checkpoint's Ed25519 signature. Pass the
 * deployment's public key (base64 X.509) to check against it; without it the key written in the
 * export is used, which only proves the export is consistent with itself. Exit status 0 when the
 * export verifies, 1 when it does not, 2 on a usage error.
 */
public final class ExportVerifier {

  /** What a verification found. */
  public record Result(boolean valid, long events, int checkpoints, String problem) {
    static Result broken(long events, int checkpoints, String problem) {
      return new Result(false, events, checkpoints, problem);
    }
  }

  private ExportVerifier() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: ExportVerifier <export file> [base64 Ed25519 public key]");
      System.exit(2);
    }
    String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    Result result = verify(text, args.length == 2 ? args[1] : null);
    if (result.valid()) {
      System.out.println(
          "OK: "
              + result.events()
              + " events and "
              + result.checkpoints()
              + " signed checkpoints verify"
              + (args.length == 2 ? " against the given key" : " (against the export's own key)"));
      System.exit(0);
    }
    System.out.println("BROKEN: " + result.problem());
    System.exit(1);
  }

  /**
   * Verifies an export.
   *
   * @param trustedKey the deployment's public key (base64 X.509), or null to use the export's own
   */
  public static Result verify(String export, String trustedKey) {
    List<String> lines = export.lines().toList();
    if (lines.isEmpty()
        || !AuditExportFormat.fields(lines.get(0)).get(0).equals(AuditExportFormat.MAGIC)) {
      return Result.broken(0, 0, "not a Kassa audit export");
    }
    PublicKey key = null;
    HashChain.ChainHeadState anchor = null;
    HashChain.ChainHeadState end = null;
    List<HashChain.Event> events = new ArrayList<>();
    List<List<String>> checkpoints = new ArrayList<>();
    try {
      for (int i = 1; i < lines.size(); i++) {
        List<String> f = AuditExportFormat.fields(lines.get(i));
        switch (f.get(0)) {
          case "key" ->
              key = CheckpointSignature.publicKey(trustedKey != null ? trustedKey : f.get(1));
          case "anchor" ->
              anchor = new HashChain.ChainHeadState(Long.parseLong(f.get(1)), f.get(2));
          case "event" -> events.add(event(f));
          case "checkpoint" -> checkpoints.add(f);
          case "end" -> end = new HashChain.ChainHeadState(Long.parseLong(f.get(1)), f.get(2));
          default -> {
            return Result.broken(0, 0, "line " + (i + 1) + " is not part of an export");
          }
        }
      }
    } catch (RuntimeException e) {
      return Result.broken(0, 0, "the export cannot be read: " + e.getMessage());
    }
    if (key == null || anchor == null || end == null) {
      return Result.broken(0, 0, "the export lacks its key, anchor or end line");
    }
    ChainVerification chain = HashChain.verifyRange(events.iterator(), anchor, end);
    if (!chain.intact()) {
      return Result.broken(chain.eventsVerified(), 0, chain.problem());
    }
    Map<Long, String> hashes = new HashMap<>();
    events.forEach(e -> hashes.put(e.seq(), e.hash()));
    int verified = 0;
    for (List<String> c : checkpoints) {
      long seq = Long.parseLong(c.get(1));
      String hash = c.get(2);
      Instant signedAt = AuditExportFormat.fromMicros(Long.parseLong(c.get(3)));
      if (!hash.equals(hashes.get(seq))) {
        return Result.broken(
            events.size(), verified, "checkpoint " + seq + " does not match event " + seq);
      }
      if (!CheckpointSignature.verify(key, seq, hash, signedAt, c.get(5))) {
        return Result.broken(
            events.size(), verified, "checkpoint " + seq + " is not signed by the key");
      }
      verified++;
    }
    if (verified == 0) {
      return Result.broken(events.size(), 0, "the export has no signed checkpoint");
    }
    return new Result(true, events.size(), verified, null);
  }

  /** An event line: {@code event} and its eleven fields. */
  private static HashChain.Event event(List<String> f) {
    if (f.size() != 12) {
      throw new IllegalArgumentException("an event line has 12 fields, not " + f.size());
    }
    return new HashChain.Event(
        Long.parseLong(f.get(1)),
        AuditExportFormat.fromMicros(Long.parseLong(f.get(2))),
        f.get(3),
        f.get(4),
        f.get(5),
        f.get(6),
        f.get(7),
        f.get(8),
        f.get(9),
        f.get(10),
        f.get(11));
  }
}
