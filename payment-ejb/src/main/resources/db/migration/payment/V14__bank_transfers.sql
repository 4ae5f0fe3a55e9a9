-- SEPA credit transfers. A bank_transfer row is a payment's transfer: the reference (ISO 11649) it
-- must carry, the account shown to the shopper, the due date, and what arrived so far. A bank_credit
-- row is one credit the bank reported, stored once per bank credit id whatever it matched: money that
-- arrived is never lost, even with an unknown reference (payment_id NULL). Payer IBANs are personal
-- data: sealed (PersonalDataVault), exported and erased with their subject.
CREATE TABLE bank_transfer (
    payment_id       VARCHAR(40)              NOT NULL,
    merchant_id      VARCHAR(40)              NOT NULL,
    reference        VARCHAR(25)              NOT NULL,
    amount_due       BIGINT                   NOT NULL,
    currency         CHAR(3)                  NOT NULL,
    amount_received  BIGINT                   NOT NULL,
    amount_excess    BIGINT                   NOT NULL,
    account_iban     VARCHAR(34)              NOT NULL,
    account_bic      VARCHAR(11)              NOT NULL,
    account_holder   VARCHAR(70)              NOT NULL,
    payer_iban       VARCHAR(1000),
    subject_ref      VARCHAR(40),
    state            VARCHAR(20)              NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL,
    CONSTRAINT pk_bank_transfer PRIMARY KEY (payment_id),
    CONSTRAINT fk_bank_transfer_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT fk_bank_transfer_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT uq_bank_transfer_reference UNIQUE (reference),
    CONSTRAINT ck_bank_transfer_amounts CHECK (amount_due > 0 AND amount_received >= 0
        AND amount_received <= amount_due AND amount_excess >= 0),
    CONSTRAINT ck_bank_transfer_state CHECK (state IN ('AWAITING', 'PAID', 'EXPIRED'))
);
CREATE INDEX ix_bank_transfer_due ON bank_transfer (state, due_at);
CREATE INDEX ix_bank_transfer_subject ON bank_transfer (subject_ref);

CREATE TABLE bank_credit (
    id               VARCHAR(40)              NOT NULL,
    gateway          VARCHAR(40)              NOT NULL,
    bank_credit_id   VARCHAR(100)             NOT NULL,
    merchant_id      VARCHAR(40)              NOT NULL,
    payment_id       VARCHAR(40),
    reference        VARCHAR(140),
    amount           BIGINT                   NOT NULL,
    currency         CHAR(3)                  NOT NULL,
    amount_applied   BIGINT                   NOT NULL,
    amount_excess    BIGINT                   NOT NULL,
    outcome          VARCHAR(20)              NOT NULL,
    payer_iban       VARCHAR(1000),
    subject_ref      VARCHAR(40),
    booked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL,
    CONSTRAINT pk_bank_credit PRIMARY KEY (id),
    CONSTRAINT uq_bank_credit_bank_id UNIQUE (gateway, bank_credit_id),
    CONSTRAINT fk_bank_credit_payment FOREIGN KEY (payment_id) REFERENCES bank_transfer (payment_id),
    CONSTRAINT fk_bank_credit_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_bank_credit_amounts CHECK (amount > 0 AND amount_applied >= 0
        AND amount_excess >= 0 AND amount_applied + amount_excess = amount)
);
CREATE INDEX ix_bank_credit_payment ON bank_credit (payment_id, created_at);
CREATE INDEX ix_bank_credit_merchant ON bank_credit (merchant_id, payment_id, created_at);
CREATE INDEX ix_bank_credit_subject ON bank_credit (subject_ref);
