-- The audit trail: an append-only, hash-chained log of what happened.
-- Each event stores the hash of the event before it; audit_chain_head stores the last one, so a
-- deleted tail is detected too.
CREATE TABLE audit_event (
    seq          BIGINT                   NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(200)             NOT NULL,
    action       VARCHAR(100)             NOT NULL,
    object_type  VARCHAR(60)              NOT NULL,
    object_id    VARCHAR(100)             NOT NULL,
    outcome      VARCHAR(60)              NOT NULL,
    subject_ref  VARCHAR(100),
    detail       VARCHAR(1000),
    prev_hash    CHAR(64)                 NOT NULL,
    hash         CHAR(64)                 NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (seq)
);

CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);
CREATE INDEX ix_audit_event_object ON audit_event (object_type, object_id);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);

CREATE TABLE audit_chain_head (
    id        INTEGER  NOT NULL,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    version   BIGINT   NOT NULL,
    CONSTRAINT pk_audit_chain_head PRIMARY KEY (id)
);

INSERT INTO audit_chain_head (id, last_seq, last_hash, version)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);
