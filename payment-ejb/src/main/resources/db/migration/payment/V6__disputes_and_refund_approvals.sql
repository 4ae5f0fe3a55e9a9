-- Disputes (chargebacks) and the merchant's evidence. A payment keeps the sum of what disputes
-- took back, so that "refunds plus chargebacks never exceed what was captured" is one row's check.
ALTER TABLE payment ADD COLUMN amount_charged_back BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE dispute (
    id                     VARCHAR(40)              NOT NULL,
    payment_id             VARCHAR(40)              NOT NULL,
    merchant_id            VARCHAR(40)              NOT NULL,
    gateway                VARCHAR(40)              NOT NULL,
    gateway_dispute_id     VARCHAR(100)             NOT NULL,
    amount                 BIGINT                   NOT NULL,
    currency               CHAR(3)                  NOT NULL,
    reason                 VARCHAR(60),
    status                 VARCHAR(20)              NOT NULL,
    evidence_due_by        TIMESTAMP WITH TIME ZONE,
    evidence_text          VARCHAR(20000),
    evidence_submitted_at  TIMESTAMP WITH TIME ZONE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    version                BIGINT                   NOT NULL,
    CONSTRAINT pk_dispute PRIMARY KEY (id),
    CONSTRAINT fk_dispute_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT uq_dispute_gateway UNIQUE (gateway, gateway_dispute_id),
    CONSTRAINT ck_dispute_amount CHECK (amount > 0)
);
CREATE INDEX ix_dispute_merchant ON dispute (merchant_id, created_at);
CREATE INDEX ix_dispute_payment ON dispute (payment_id);

CREATE TABLE dispute_evidence_file (
    id            VARCHAR(40)              NOT NULL,
    dispute_id    VARCHAR(40)              NOT NULL,
    file_name     VARCHAR(200)             NOT NULL,
    content_type  VARCHAR(100)             NOT NULL,
    size_bytes    INTEGER                  NOT NULL,
    sha256        CHAR(64)                 NOT NULL,
    content       BYTEA                    NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dispute_evidence_file PRIMARY KEY (id),
    CONSTRAINT fk_dispute_evidence_file FOREIGN KEY (dispute_id) REFERENCES dispute (id)
);

-- Four-eyes refunds: a refund above the approval threshold waits for a second merchant admin.
ALTER TABLE refund ADD COLUMN requested_by VARCHAR(254);
ALTER TABLE refund ADD COLUMN decided_by VARCHAR(254);
ALTER TABLE refund ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
