-- KYC: one profile per data subject (pseudonymous id): the tier verified, the last submission's
-- tier and status (verified, pending an officer's review after a screening hit, rejected), who
-- reviewed it, and the identity submitted, sealed under the subject's key (never in plain text;
-- blanked on erasure and after its retention period).
CREATE TABLE kyc_profile (
    subject_ref      VARCHAR(100)             NOT NULL,
    verified_tier    VARCHAR(10)              NOT NULL,
    submitted_tier   VARCHAR(10),
    status           VARCHAR(20),
    sealed_identity  VARCHAR(4000),
    review_reasons   VARCHAR(2000),
    submitted_at     TIMESTAMP WITH TIME ZONE,
    verified_at      TIMESTAMP WITH TIME ZONE,
    reviewed_by      VARCHAR(254),
    reviewed_at      TIMESTAMP WITH TIME ZONE,
    erased_at        TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL,
    CONSTRAINT pk_kyc_profile PRIMARY KEY (subject_ref)
);
CREATE INDEX ix_kyc_profile_status ON kyc_profile (status, submitted_at);

-- The gate's new outcome KYC_REQUIRED does not fit the old width.
ALTER TABLE gate_decision ALTER COLUMN outcome SET DATA TYPE VARCHAR(20);
