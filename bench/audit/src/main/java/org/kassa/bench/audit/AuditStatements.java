package org.kassa.bench.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.kassa.compliance.audit.ChainVerification;
import org.kassa.compliance.audit.HashChain;

/**
 * The statements the audit trail sends, as EclipseLink 4.0.7 (the one in Payara 6.2025.10) writes
 * them for {@code AuditTrail.append} and {@code AuditTrail.verify}, on H2 and PostgreSQL alike
 * (captured with {@code eclipselink.logging.level.sql=FINE}; see README.md). Each statement is
 * prepared and closed per use, as EclipseLink does without a statement cache, and each append
 * commits on its own, as the caller's transaction would.
 */
final class AuditStatements {

  /** {@code em.find(ChainHead.class, ID, PESSIMISTIC_WRITE)}. */
  static final String LOCK_HEAD =
      "SELECT id, last_hash, last_seq, version FROM audit_chain_head WHERE (id = ?) FOR UPDATE";

  /** {@code em.find(ChainHead.class, ID)} in verify. */
  static final String READ_HEAD =
      "SELECT id, last_hash, last_seq, version FROM audit_chain_head WHERE (id = ?)";

  /** {@code em.persist(event)}, flushed at commit. */
  static final String INSERT_EVENT =
      "INSERT INTO audit_event (seq, action, actor, detail, hash, object_id, object_type,"
          + " occurred_at, outcome, prev_hash, subject_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?)";

  /** The head's change, flushed at commit after the insert, with its optimistic version check. */
  static final String MOVE_HEAD =
      "UPDATE audit_chain_head SET last_hash = ?, last_seq = ?, version = ?"
          + " WHERE ((id = ?) AND (version = ?))";

  /** One batch of verify's {@code SELECT e FROM AuditEvent e ORDER BY e.seq}, paged by offset. */
  static final String READ_BATCH =
      "SELECT seq AS a1, action AS a2, actor AS a3, detail AS a4, hash AS a5, object_id AS a6,"
          + " object_type AS a7, occurred_at AS a8, outcome AS a9, prev_hash AS a10,"
          + " subject_ref AS a11 FROM audit_event ORDER BY seq LIMIT ? OFFSET ?";

  /** Not the product's: the same batch read by key instead of offset, for comparison. */
  static final String READ_BATCH_AFTER =
      "SELECT seq AS a1, action AS a2, actor AS a3, detail AS a4, hash AS a5, object_id AS a6,"
          + " object_type AS a7, occurred_at AS a8, outcome AS a9, prev_hash AS a10,"
          + " subject_ref AS a11 FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?";

  static final int HEAD_ID = 1;

  /** AuditTrail.VERIFY_BATCH. */
  static final int VERIFY_BATCH = 500;

  /** A placeholder for the two hash columns of a plain insert (CHAR(64) NOT NULL). */
  private static final String NO_HASH = "-".repeat(64);

  private static final Clock CLOCK = Clock.systemUTC();

  private AuditStatements() {}

  /** What a module asks the trail to record (the fields of {@code AuditRecord}). */
  record Record(
      String actor,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String subjectRef,
      String detail) {

    /** A payment event like those the payment engine audits. */
    static Record payment(long n) {
      boolean captured = n % 2 == 0;
      return new Record(
          "merchant:mer_demo",
          captured ? "payment.captured" : "payment.processing",
          "payment",
          "pay_" + n,
          captured ? "captured" : "processing",
          "psn_4f1c2d9e8b7a6c5d",
          "session=cs_" + n + " amount=19.99 EUR");
    }
  }

  /**
   * {@code AuditTrail.append} in a transaction of its own: lock the head, build and hash the event,
   * insert it, move the head, commit.
   *
   * @return the stored event's sequence number
   */
  static long chainedAppend(Connection c, Record r) throws SQLException {
    try {
      long lastSeq;
      String lastHash;
      long version;
      try (PreparedStatement ps = c.prepareStatement(LOCK_HEAD)) {
        ps.setInt(1, HEAD_ID);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("no chain head");
          }
          lastHash = rs.getString(2);
          lastSeq = rs.getLong(3);
          version = rs.getLong(4);
        }
      }
      HashChain.Event unhashed = event(lastSeq + 1, CLOCK.instant(), r, lastHash, null);
      HashChain.Event e =
          event(
              unhashed.seq(),
              unhashed.occurredAt(),
              r,
              lastHash,
              HashChain.hash(lastHash, unhashed));
      insert(c, e);
      try (PreparedStatement ps = c.prepareStatement(MOVE_HEAD)) {
        ps.setString(1, e.hash());
        ps.setLong(2, e.seq());
        ps.setLong(3, version + 1);
        ps.setInt(4, HEAD_ID);
        ps.setLong(5, version);
        if (ps.executeUpdate() != 1) {
          throw new IllegalStateException("the chain head moved under its lock");
        }
      }
      c.commit();
      return e.seq();
    } catch (SQLException | RuntimeException ex) {
      c.rollback();
      throw ex;
    }
  }

  /** The same row, without the chain: no head, no hash; {@code seq} comes from the caller. */
  static long plainInsert(Connection c, long seq, Record r) throws SQLException {
    try {
      insert(c, event(seq, CLOCK.instant(), r, NO_HASH, NO_HASH));
      c.commit();
      return seq;
    } catch (SQLException | RuntimeException ex) {
      c.rollback();
      throw ex;
    }
  }

  /** Stores already chained events in one transaction, in JDBC batches: the verify fixture. */
  static void load(Connection c, long count) throws SQLException {
    String prev = HashChain.GENESIS;
    Instant t = Instant.parse("2026-11-26T00:00:00Z");
    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
      for (long seq = 1; seq <= count; seq++) {
        Record r = Record.payment(seq);
        HashChain.Event unhashed = event(seq, t.plusMillis(seq), r, prev, null);
        HashChain.Event e =
            event(seq, unhashed.occurredAt(), r, prev, HashChain.hash(prev, unhashed));
        bind(ps, e);
        ps.addBatch();
        if (seq % 1000 == 0) {
          ps.executeBatch();
        }
        prev = e.hash();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(MOVE_HEAD)) {
      ps.setString(1, prev);
      ps.setLong(2, count);
      ps.setLong(3, 1);
      ps.setInt(4, HEAD_ID);
      ps.setLong(5, 0);
      ps.executeUpdate();
    }
    c.commit();
  }

  /**
   * {@code AuditTrail.verify}: read the head, then walk every event in batches of {@value
   * #VERIFY_BATCH} by offset, in one transaction.
   */
  static ChainVerification verify(Connection c) throws SQLException {
    return verify(c, false);
  }

  /** As {@link #verify(Connection)}, but each batch starts after the last seq read (keyset). */
  static ChainVerification verifyByKey(Connection c) throws SQLException {
    return verify(c, true);
  }

  private static ChainVerification verify(Connection c, boolean byKey) throws SQLException {
    try {
      HashChain.ChainHeadState head;
      try (PreparedStatement ps = c.prepareStatement(READ_HEAD)) {
        ps.setInt(1, HEAD_ID);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          head = new HashChain.ChainHeadState(rs.getLong(3), rs.getString(2));
        }
      }
      ChainVerification result = HashChain.verify(new Batches(c, byKey), head);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException ex) {
      c.rollback();
      throw ex;
    }
  }

  /** The head's sequence number, outside any benchmark. */
  static long headSeq(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(READ_HEAD)) {
      ps.setInt(1, HEAD_ID);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(3);
      }
    } finally {
      c.commit();
    }
  }

  private static HashChain.Event event(
      long seq, Instant at, Record r, String prevHash, String hash) {
    return new HashChain.Event(
        seq,
        HashChain.chainTime(at),
        r.actor(),
        r.action(),
        r.objectType(),
        r.objectId(),
        r.outcome(),
        r.subjectRef(),
        r.detail(),
        prevHash,
        hash);
  }

  private static void insert(Connection c, HashChain.Event e) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
      bind(ps, e);
      ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, HashChain.Event e) throws SQLException {
    ps.setLong(1, e.seq());
    ps.setString(2, e.action());
    ps.setString(3, e.actor());
    ps.setString(4, e.detail());
    ps.setString(5, e.hash());
    ps.setString(6, e.objectId());
    ps.setString(7, e.objectType());
    ps.setObject(8, e.occurredAt().atOffset(ZoneOffset.UTC));
    ps.setString(9, e.outcome());
    ps.setString(10, e.prevHash());
    ps.setString(11, e.subjectRef());
  }

  /** The events in seq order, a batch at a time, as AuditTrail's BatchIterator reads them. */
  private static final class Batches implements Iterator<HashChain.Event> {
    private final Connection c;
    private final boolean byKey;
    private List<HashChain.Event> batch = List.of();
    private int index;
    private long offset;
    private long lastSeq;
    private boolean exhausted;

    Batches(Connection c, boolean byKey) {
      this.c = c;
      this.byKey = byKey;
    }

    @Override
    public boolean hasNext() {
      if (index < batch.size()) {
        return true;
      }
      if (exhausted) {
        return false;
      }
      try {
        batch = byKey ? readAfter(lastSeq) : readAt(offset);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      offset += batch.size();
      if (!batch.isEmpty()) {
        lastSeq = batch.get(batch.size() - 1).seq();
      }
      index = 0;
      exhausted = batch.size() < VERIFY_BATCH;
      return !batch.isEmpty();
    }

    private List<HashChain.Event> readAt(long offset) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(READ_BATCH)) {
        ps.setInt(1, VERIFY_BATCH);
        ps.setLong(2, offset);
        return read(ps);
      }
    }

    private List<HashChain.Event> readAfter(long seq) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(READ_BATCH_AFTER)) {
        ps.setLong(1, seq);
        ps.setInt(2, VERIFY_BATCH);
        return read(ps);
      }
    }

    private static List<HashChain.Event> read(PreparedStatement ps) throws SQLException {
      List<HashChain.Event> events = new ArrayList<>(VERIFY_BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.add(
              new HashChain.Event(
                  rs.getLong(1),
                  rs.getObject(8, OffsetDateTime.class).toInstant(),
                  rs.getString(3),
                  rs.getString(2),
                  rs.getString(7),
                  rs.getString(6),
                  rs.getString(9),
                  rs.getString(11),
                  rs.getString(4),
                  rs.getString(10),
                  rs.getString(5)));
        }
      }
      return events;
    }

    @Override
    public HashChain.Event next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return batch.get(index++);
    }
  }
}
