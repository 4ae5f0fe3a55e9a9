-- The governed false-positive whitelist: an officer's decision that a subject is not a listed
-- entry, with a reason and an expiry, valid only for the entry as it was listed then (its
-- fingerprint: SHA-256 of a canonical form of names, aliases, identifiers, dates of birth,
-- countries, type and list).
CREATE TABLE screening_whitelist (
    id                 VARCHAR(40)              NOT NULL,
    subject_ref        VARCHAR(100)             NOT NULL,
    list_id            VARCHAR(60)              NOT NULL,
    entry_id           VARCHAR(100)             NOT NULL,
    entry_fingerprint  CHAR(64)                 NOT NULL,
    reason             VARCHAR(1000)            NOT NULL,
    created_by         VARCHAR(254)             NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    status             VARCHAR(20)              NOT NULL,
    ended_by           VARCHAR(254),
    ended_at           TIMESTAMP WITH TIME ZONE,
    void_cause         VARCHAR(40),
    version            BIGINT                   NOT NULL,
    CONSTRAINT pk_screening_whitelist PRIMARY KEY (id)
);
CREATE INDEX ix_screening_whitelist_subject ON screening_whitelist (subject_ref, status);
CREATE INDEX ix_screening_whitelist_status ON screening_whitelist (status, created_at);

-- Customers the gate screened, so that they are screened again after each list refresh: the name
-- sealed with the subject's own key (never in plain text; unreadable once the subject is
-- erased), and the index it was last screened against (the SHA-256 of its list versions, and
-- when the newest of them was loaded). A node claims rows with FOR UPDATE SKIP LOCKED and stamps
-- claimed_until, so that several nodes share the work without doing it twice.
CREATE TABLE screened_subject (
    subject_ref       VARCHAR(100)             NOT NULL,
    sealed_name       VARCHAR(2000)            NOT NULL,
    country           VARCHAR(60),
    screened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    index_versions    CHAR(64)                 NOT NULL,
    index_loaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_screened_subject PRIMARY KEY (subject_ref)
);
CREATE INDEX ix_screened_subject_index ON screened_subject (index_versions);

-- The hits known for a subject (the gate saw them, or a re-screening raised them), with the
-- entry's fingerprint then: a re-screening raises only what is not known yet. No key: two
-- payments of one subject may record the same hit at once, and a duplicate changes nothing.
CREATE TABLE screened_subject_hit (
    subject_ref        VARCHAR(100)             NOT NULL,
    list_id            VARCHAR(60)              NOT NULL,
    entry_id           VARCHAR(100)             NOT NULL,
    entry_fingerprint  CHAR(64)                 NOT NULL,
    seen_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_screened_subject_hit ON screened_subject_hit (subject_ref, list_id, entry_id);

-- A case may now be opened by a re-screening rather than a payment: it keeps its own reasons
-- (the customer and the authorizations it holds come with the alerts and cases of V8).
ALTER TABLE compliance_case ALTER COLUMN payment_ref DROP NOT NULL;
ALTER TABLE compliance_case ALTER COLUMN decision_id DROP NOT NULL;
ALTER TABLE compliance_case ADD COLUMN reasons VARCHAR(4000);
