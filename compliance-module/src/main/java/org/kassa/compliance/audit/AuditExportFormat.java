package org.kassa.compliance.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The verifiable export of a range of the audit chain: text, one record per line, fields separated
 * by tabs and escaped as in PostgreSQL's COPY text format ({@code \\}, {@code \t}, {@code \n},
 * {@code \r}; {@code \N} for null), so that it reads in a terminal and parses without a library.
 *
 * <pre>
 * kassa-audit-export  1
 * key        <base64 X.509 Ed25519 public key>
 * anchor     <seq before the range>  <its hash, or the genesis hash>
 * event      seq  occurred_at_micros  actor  action  object_type  object_id  outcome  subject_ref  detail  prev_hash  hash
 * checkpoint seq  hash  signed_at_micros  key_id  signature
 * end        <last seq>  <last hash>
 * </pre>
 */
public final class AuditExportFormat {

  static final String MAGIC = "kassa-audit-export";

  private AuditExportFormat() {}

  /** Writes an export. */
  public static String write(
      String publicKey,
      HashChain.ChainHeadState anchor,
      List<? extends HashChain.ChainedEvent> events,
      List<AuditCheckpoint> checkpoints) {
    StringBuilder out = new StringBuilder();
    line(out, MAGIC, "1");
    line(out, "key", publicKey);
    line(out, "anchor", Long.toString(anchor.lastSeq()), anchor.lastHash());
    String lastHash = anchor.lastHash();
    long lastSeq = anchor.lastSeq();
    for (HashChain.ChainedEvent e : events) {
      line(
          out,
          "event",
          Long.toString(e.seq()),
          Long.toString(micros(e.occurredAt())),
          e.actor(),
          e.action(),
          e.objectType(),
          e.objectId(),
          e.outcome(),
          e.subjectRef(),
          e.detail(),
          e.prevHash(),
          e.hash());
      lastHash = e.hash();
      lastSeq = e.seq();
    }
    for (AuditCheckpoint c : checkpoints) {
      line(
          out,
          "checkpoint",
          Long.toString(c.seq()),
          c.hash(),
          Long.toString(micros(c.signedAt())),
          c.keyId(),
          c.signature());
    }
    line(out, "end", Long.toString(lastSeq), lastHash);
    return out.toString();
  }

  static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, HashChain.chainTime(t));
  }

  static Instant fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  private static void line(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append('\t');
      }
      out.append(escape(fields[i]));
    }
    out.append('\n');
  }

  static String escape(String value) {
    if (value == null) {
      return "\\N";
    }
    StringBuilder s = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> s.append("\\\\");
        case '\t' -> s.append("\\t");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        default -> s.append(c);
      }
    }
    return s.toString();
  }

  /** The fields of one line, unescaped; {@code \N} is null. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    for (String raw : line.split("\t", -1)) {
      if (raw.equals("\\N")) {
        out.add(null);
        continue;
      }
      StringBuilder s = new StringBuilder(raw.length());
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '\\' && i + 1 < raw.length()) {
          char n = raw.charAt(++i);
          s.append(
              switch (n) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> n;
              });
        } else {
          s.append(c);
        }
      }
      out.add(s.toString());
    }
    return out;
  }
}
