package org.kassa.compliance.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The end of the chain: the last sequence number and hash. Appending locks this one row, which
 * orders concurrent appends; keeping the last hash here also makes a deleted tail detectable.
 */
@Entity
@Table(name = "audit_chain_head")
class ChainHead {

  static final int ID = 1;

  @Id
  @Column(name = "id")
  private int id;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ChainHead() {}

  long lastSeq() {
    return lastSeq;
  }

  String lastHash() {
    return lastHash;
  }

  /** Moves the head to an event that links to the current head; refuses any other. */
  void advanceTo(AuditEvent event) {
    if (event.seq() != lastSeq + 1 || !event.prevHash().equals(lastHash)) {
      throw new IllegalStateException("audit event " + event.seq() + " does not extend the chain");
    }
    lastSeq = event.seq();
    lastHash = event.hash();
  }

  HashChain.ChainHeadState state() {
    return new HashChain.ChainHeadState(lastSeq, lastHash);
  }
}
