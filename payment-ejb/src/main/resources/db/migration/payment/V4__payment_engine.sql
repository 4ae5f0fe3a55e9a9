-- The payment engine: manual capture, saved payment methods, server-side payments, routing,
-- 3-D Secure, and the reconciler's bookkeeping.

-- What the gateway captured (less than the amount after a partial capture). Payments captured
-- before this column existed were captured in full.
ALTER TABLE payment ADD COLUMN amount_captured BIGINT DEFAULT 0 NOT NULL;
UPDATE payment SET amount_captured = amount
 WHERE status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED');

-- A server-side payment pays no checkout session.
ALTER TABLE payment ALTER COLUMN session_id DROP NOT NULL;

ALTER TABLE payment ADD COLUMN payment_method VARCHAR(20) DEFAULT 'CARD' NOT NULL;
ALTER TABLE payment ADD COLUMN payment_method_token VARCHAR(100);
ALTER TABLE payment ADD COLUMN capture_method VARCHAR(20) DEFAULT 'AUTOMATIC' NOT NULL;
ALTER TABLE payment ADD COLUMN capture_before TIMESTAMP WITH TIME ZONE;
UPDATE payment SET capture_before = created_at + INTERVAL '7' DAY;
ALTER TABLE payment ADD COLUMN action_url VARCHAR(2048);
ALTER TABLE payment ADD COLUMN customer_id VARCHAR(100);
ALTER TABLE payment ADD COLUMN fee_estimate BIGINT;

-- The reconciler claims open payments by age, oldest first.
CREATE INDEX ix_payment_open ON payment (status, updated_at);

-- Callbacks from gateways: each event is stored once, by the gateway's own id, before it is
-- applied; a second delivery finds it here and changes nothing.
CREATE TABLE gateway_event (
    gateway      VARCHAR(40)              NOT NULL,
    event_id     VARCHAR(255)             NOT NULL,
    event_type   VARCHAR(100)             NOT NULL,
    payment_id   VARCHAR(40),
    refund_id    VARCHAR(40),
    occurred_at  TIMESTAMP WITH TIME ZONE,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome      VARCHAR(20)              NOT NULL,
    payload      TEXT                     NOT NULL,
    CONSTRAINT pk_gateway_event PRIMARY KEY (gateway, event_id)
);
CREATE INDEX ix_gateway_event_payment ON gateway_event (payment_id, received_at);

-- Idempotency keys now cover captures, voids and server-side payments too, and record whether
-- the first request is still running (a concurrent duplicate is answered 409).
ALTER TABLE idempotency_record ADD COLUMN state VARCHAR(20) DEFAULT 'COMPLETED' NOT NULL;
ALTER TABLE idempotency_record ALTER COLUMN resource_type DROP NOT NULL;
ALTER TABLE idempotency_record ALTER COLUMN resource_id DROP NOT NULL;
CREATE INDEX ix_idempotency_record_created ON idempotency_record (created_at);
ALTER TABLE idempotency_record ADD COLUMN response_status INTEGER;
ALTER TABLE idempotency_record ADD COLUMN response_body TEXT;
ALTER TABLE idempotency_record ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

-- The reconciler's claim on an open payment or refund: not before this time again, and how many
-- times it has looked (its back-off grows with them).
ALTER TABLE payment ADD COLUMN reconcile_after TIMESTAMP WITH TIME ZONE;
ALTER TABLE payment ADD COLUMN reconcile_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE refund ADD COLUMN reconcile_after TIMESTAMP WITH TIME ZONE;
ALTER TABLE refund ADD COLUMN reconcile_attempts INTEGER DEFAULT 0 NOT NULL;
