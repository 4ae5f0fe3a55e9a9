-- Merchants and their API keys (stored as SHA-256 hashes only).
CREATE TABLE merchant (
    id            VARCHAR(40)              NOT NULL,
    name          VARCHAR(200)             NOT NULL,
    api_key_hash  CHAR(64)                 NOT NULL,
    api_key_hint  VARCHAR(12)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL,
    CONSTRAINT pk_merchant PRIMARY KEY (id),
    CONSTRAINT uq_merchant_api_key UNIQUE (api_key_hash)
);

-- Checkout sessions: what the merchant asked the shopper to pay.
CREATE TABLE checkout_session (
    id              VARCHAR(40)              NOT NULL,
    merchant_id     VARCHAR(40)              NOT NULL,
    amount          BIGINT                   NOT NULL,
    currency        CHAR(3)                  NOT NULL,
    locale          VARCHAR(35),
    customer_email  VARCHAR(254),
    success_url     VARCHAR(2048)            NOT NULL,
    cancel_url      VARCHAR(2048)            NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    payment_id      VARCHAR(40),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT                   NOT NULL,
    CONSTRAINT pk_checkout_session PRIMARY KEY (id),
    CONSTRAINT fk_checkout_session_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_checkout_session_amount CHECK (amount > 0)
);
CREATE INDEX ix_checkout_session_merchant ON checkout_session (merchant_id, created_at);

CREATE TABLE checkout_line_item (
    session_id   VARCHAR(40)  NOT NULL,
    line_no      INTEGER      NOT NULL,
    name         VARCHAR(250) NOT NULL,
    quantity     INTEGER      NOT NULL,
    unit_amount  BIGINT       NOT NULL,
    CONSTRAINT pk_checkout_line_item PRIMARY KEY (session_id, line_no),
    CONSTRAINT fk_checkout_line_item_session FOREIGN KEY (session_id) REFERENCES checkout_session (id)
);

-- Payments: one attempt to pay a session. Card data is only brand, last four and expiry.
CREATE TABLE payment (
    id                 VARCHAR(40)              NOT NULL,
    session_id         VARCHAR(40)              NOT NULL,
    merchant_id        VARCHAR(40)              NOT NULL,
    amount             BIGINT                   NOT NULL,
    currency           CHAR(3)                  NOT NULL,
    status             VARCHAR(30)              NOT NULL,
    card_brand         VARCHAR(20),
    card_last4         CHAR(4),
    card_exp_month     INTEGER,
    card_exp_year      INTEGER,
    decline_code       VARCHAR(40),
    gateway            VARCHAR(40)              NOT NULL,
    gateway_reference  VARCHAR(100),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT                   NOT NULL,
    CONSTRAINT pk_payment PRIMARY KEY (id),
    CONSTRAINT fk_payment_session FOREIGN KEY (session_id) REFERENCES checkout_session (id),
    CONSTRAINT fk_payment_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_payment_amount CHECK (amount > 0)
);
CREATE INDEX ix_payment_merchant ON payment (merchant_id, created_at);
CREATE INDEX ix_payment_session ON payment (session_id);

-- Idempotency keys of mutating API calls: the same key and request answer the same object.
CREATE TABLE idempotency_record (
    merchant_id    VARCHAR(40)              NOT NULL,
    idem_key       VARCHAR(255)             NOT NULL,
    request_hash   CHAR(64)                 NOT NULL,
    resource_type  VARCHAR(40)              NOT NULL,
    resource_id    VARCHAR(40)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (merchant_id, idem_key)
);
