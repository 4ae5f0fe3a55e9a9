-- Receipt emails and shoppers' support tickets.

-- The receipt outbox: one row per captured payment that has a payer email, written in the
-- transaction that captured it. It holds no address: the sender opens the payment's sealed payer
-- email at send time, so erasing the payer leaves nothing here to erase (the row is canceled).
-- While SENDING, next_attempt_at is the end of the sending node's lease, as for webhooks.
CREATE TABLE receipt_email (
    id                VARCHAR(40)              NOT NULL,
    payment_id        VARCHAR(40)              NOT NULL,
    merchant_id       VARCHAR(40)              NOT NULL,
    locale            VARCHAR(35)              NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    attempt_count     INTEGER                  NOT NULL,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    claim_token       VARCHAR(40),
    first_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_attempt_at   TIMESTAMP WITH TIME ZONE,
    last_error        VARCHAR(100),
    sent_at           TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   NOT NULL,
    CONSTRAINT pk_receipt_email PRIMARY KEY (id),
    -- One receipt per payment, however often the capture is replayed.
    CONSTRAINT uq_receipt_email_payment UNIQUE (payment_id),
    CONSTRAINT fk_receipt_email_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT ck_receipt_email_attempts CHECK (attempt_count >= 0)
);
CREATE INDEX ix_receipt_email_due ON receipt_email (status, next_attempt_at);

-- The language the shopper paid in on the hosted page (which may differ from the merchant's
-- locale for the session): the receipt speaks it.
CREATE TABLE receipt_language (
    session_id  VARCHAR(40)              NOT NULL,
    locale      VARCHAR(35)              NOT NULL,
    chosen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_receipt_language PRIMARY KEY (session_id),
    CONSTRAINT fk_receipt_language_session FOREIGN KEY (session_id)
        REFERENCES checkout_session (id)
);

-- A problem a shopper reported from the hosted page's help, for the session's merchant. message
-- and contact_email are personal data, sealed under subject_ref's key (the session's subject, or
-- the payer's, or one of the ticket's own when the shopper is unknown).
CREATE TABLE support_ticket (
    id             VARCHAR(40)              NOT NULL,
    merchant_id    VARCHAR(40)              NOT NULL,
    session_id     VARCHAR(40)              NOT NULL,
    payment_id     VARCHAR(40),
    category       VARCHAR(30)              NOT NULL,
    message        VARCHAR(12000),
    contact_email  VARCHAR(1000),
    subject_ref    VARCHAR(40)              NOT NULL,
    locale         VARCHAR(35)              NOT NULL,
    status         VARCHAR(20)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL,
    CONSTRAINT pk_support_ticket PRIMARY KEY (id),
    CONSTRAINT fk_support_ticket_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT fk_support_ticket_session FOREIGN KEY (session_id)
        REFERENCES checkout_session (id),
    CONSTRAINT ck_support_ticket_status CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED'))
);
CREATE INDEX ix_support_ticket_merchant ON support_ticket (merchant_id, status, created_at);
CREATE INDEX ix_support_ticket_session ON support_ticket (session_id, created_at);
CREATE INDEX ix_support_ticket_subject ON support_ticket (subject_ref);
