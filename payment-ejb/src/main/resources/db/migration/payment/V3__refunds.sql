-- Refunds. A payment keeps the sums of its succeeded and pending refunds, so that the check
-- "never more than captured" is one locked row, not a sum over refunds.
ALTER TABLE payment ADD COLUMN amount_refunded BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE payment ADD COLUMN amount_refund_pending BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE refund (
    id                 VARCHAR(40)              NOT NULL,
    payment_id         VARCHAR(40)              NOT NULL,
    merchant_id        VARCHAR(40)              NOT NULL,
    amount             BIGINT                   NOT NULL,
    currency           CHAR(3)                  NOT NULL,
    status             VARCHAR(20)              NOT NULL,
    reason             VARCHAR(40),
    failure_code       VARCHAR(40),
    gateway_reference  VARCHAR(100),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT                   NOT NULL,
    CONSTRAINT pk_refund PRIMARY KEY (id),
    CONSTRAINT fk_refund_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT ck_refund_amount CHECK (amount > 0)
);
CREATE INDEX ix_refund_payment ON refund (payment_id, created_at);
