-- Sanctions lists: every load of a list is recorded (source, date, entry count, the file's
-- SHA-256), with the files themselves, so that every node screens against the same version and
-- a bad file is recorded as rejected without replacing the good one.
CREATE TABLE sanctions_list_version (
    id           VARCHAR(40)              NOT NULL,
    list_id      VARCHAR(60)              NOT NULL,
    format       VARCHAR(60)              NOT NULL,
    source       VARCHAR(200)             NOT NULL,
    published    DATE,
    sha256       CHAR(64)                 NOT NULL,
    entry_count  INTEGER                  NOT NULL,
    origin       VARCHAR(500)             NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    error        VARCHAR(1000),
    loaded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT                   NOT NULL,
    CONSTRAINT pk_sanctions_list_version PRIMARY KEY (id)
);
CREATE INDEX ix_sanctions_list_version ON sanctions_list_version (list_id, status, loaded_at);

CREATE TABLE sanctions_list_file (
    version_id  VARCHAR(40)  NOT NULL,
    file_name   VARCHAR(200) NOT NULL,
    content     BYTEA        NOT NULL,
    CONSTRAINT pk_sanctions_list_file PRIMARY KEY (version_id, file_name),
    CONSTRAINT fk_sanctions_list_file FOREIGN KEY (version_id) REFERENCES sanctions_list_version (id)
);

-- One row per list: a node refreshing a list holds its row (FOR UPDATE SKIP LOCKED), so that
-- several nodes never load the same list at once.
CREATE TABLE sanctions_list_refresh (
    list_id     VARCHAR(60)              NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_sanctions_list_refresh PRIMARY KEY (list_id)
);

-- API keys of compliance systems and officers' tools (the screening API), stored as SHA-256.
CREATE TABLE compliance_api_key (
    id          VARCHAR(40)              NOT NULL,
    name        VARCHAR(200)             NOT NULL,
    key_hash    CHAR(64)                 NOT NULL,
    key_hint    VARCHAR(12)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL,
    CONSTRAINT pk_compliance_api_key PRIMARY KEY (id),
    CONSTRAINT uq_compliance_api_key UNIQUE (key_hash)
);

-- Signed checkpoints of the audit chain: the hash at a sequence number, signed with the
-- deployment's Ed25519 key, so that an export can be verified offline against the public key.
CREATE TABLE audit_checkpoint (
    seq        BIGINT                   NOT NULL,
    hash       CHAR(64)                 NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id     CHAR(16)                 NOT NULL,
    signature  VARCHAR(200)             NOT NULL,
    CONSTRAINT pk_audit_checkpoint PRIMARY KEY (seq)
);
