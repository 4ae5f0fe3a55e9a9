-- Outbound merchant webhooks: endpoints, an outbox of events written in the transaction that
-- caused them, one delivery per event and endpoint, and a log of every attempt.

-- Where a merchant wants events posted. The signing secrets must be kept in clear to sign with
-- them (unlike API keys, which are only compared); during a rotation the previous secret keeps
-- signing until previous_secret_expires_at.
CREATE TABLE webhook_endpoint (
    id                          VARCHAR(40)              NOT NULL,
    merchant_id                 VARCHAR(40)              NOT NULL,
    url                         VARCHAR(2048)            NOT NULL,
    description                 VARCHAR(200),
    event_types                 VARCHAR(2000)            NOT NULL,
    enabled                     BOOLEAN                  NOT NULL,
    secret                      VARCHAR(100)             NOT NULL,
    previous_secret             VARCHAR(100),
    previous_secret_expires_at  TIMESTAMP WITH TIME ZONE,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    version                     BIGINT                   NOT NULL,
    CONSTRAINT pk_webhook_endpoint PRIMARY KEY (id),
    CONSTRAINT fk_webhook_endpoint_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_webhook_endpoint_merchant ON webhook_endpoint (merchant_id, created_at);

-- The outbox: one row per event, immutable. body is the exact JSON envelope every attempt and
-- every replay posts.
CREATE TABLE webhook_event (
    id           VARCHAR(40)              NOT NULL,
    merchant_id  VARCHAR(40)              NOT NULL,
    event_type   VARCHAR(100)             NOT NULL,
    object_type  VARCHAR(40)              NOT NULL,
    object_id    VARCHAR(100)             NOT NULL,
    body         TEXT                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhook_event PRIMARY KEY (id),
    CONSTRAINT fk_webhook_event_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_webhook_event_merchant ON webhook_event (merchant_id, created_at);
CREATE INDEX ix_webhook_event_object ON webhook_event (object_id, created_at);

-- One delivery per event and endpoint. While SENDING, next_attempt_at is the end of the sending
-- node's lease: if that node dies, the delivery falls due again then. claim_token tells the node
-- that holds the lease from one whose lease ran out.
CREATE TABLE webhook_delivery (
    id                VARCHAR(40)              NOT NULL,
    event_id          VARCHAR(40)              NOT NULL,
    endpoint_id       VARCHAR(40)              NOT NULL,
    merchant_id       VARCHAR(40)              NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    attempt_count     INTEGER                  NOT NULL,
    series_attempts   INTEGER                  NOT NULL,
    series_started_at TIMESTAMP WITH TIME ZONE,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    claim_token       VARCHAR(40),
    last_attempt_at   TIMESTAMP WITH TIME ZONE,
    last_status_code  INTEGER,
    delivered_at      TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   NOT NULL,
    CONSTRAINT pk_webhook_delivery PRIMARY KEY (id),
    CONSTRAINT uq_webhook_delivery_event_endpoint UNIQUE (event_id, endpoint_id),
    CONSTRAINT fk_webhook_delivery_event FOREIGN KEY (event_id) REFERENCES webhook_event (id),
    CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id)
        REFERENCES webhook_endpoint (id),
    CONSTRAINT ck_webhook_delivery_attempts CHECK (attempt_count >= 0 AND series_attempts >= 0)
);
-- The sender claims due deliveries by time: ORDER BY next_attempt_at ... FOR UPDATE SKIP LOCKED.
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_endpoint ON webhook_delivery (endpoint_id, created_at);

-- Every attempt, immutable. The primary key makes an attempt number impossible to record twice.
-- response_excerpt keeps at most 200 characters of what the receiver answered.
CREATE TABLE webhook_delivery_attempt (
    delivery_id       VARCHAR(40)              NOT NULL,
    attempt_no        INTEGER                  NOT NULL,
    attempted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome           VARCHAR(20)              NOT NULL,
    status_code       INTEGER,
    error             VARCHAR(100),
    duration_ms       BIGINT                   NOT NULL,
    response_excerpt  VARCHAR(200),
    CONSTRAINT pk_webhook_delivery_attempt PRIMARY KEY (delivery_id, attempt_no),
    CONSTRAINT fk_webhook_delivery_attempt_delivery FOREIGN KEY (delivery_id)
        REFERENCES webhook_delivery (id)
);
